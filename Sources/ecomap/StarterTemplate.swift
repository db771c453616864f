enum StarterTemplate { static let text = "version: 1\necosystem: My brand\ncommunities:\n  - id: first\n" }
