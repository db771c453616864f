import ArgumentParser
import EcomapMeasure
import EcomapModel
import EcomapOutput
import Foundation

/// `--key-people` and `--pseudonymise`: how measured key people appear (docs/measure.md).
struct KeyPeopleOptions: ParsableArguments {
    @Flag(name: .customLong("key-people"), help: "Show each measured community's key people as influencers on the map.")
    var keyPeople = false

    @Flag(help: "Replace key people's names with stable codes (keyed with ECOMAP_PSEUDONYM_KEY).")
    var pseudonymise = false

    /// The ecosystem as these options want it shown.
    func apply(_ ecosystem: Ecosystem) -> Ecosystem {
        var e = ecosystem
        if pseudonymise {
            let key = ProcessInfo.processInfo.environment["ECOMAP_PSEUDONYM_KEY"] ?? ""
            e = KeyPeople.renamed(e) { Pseudonym.code(for: $0, key: key) }
        }
        return keyPeople ? KeyPeople.asInfluencers(e) : e
    }
}
