import EcomapModel

/// How a scalar was written: plain scalars are typed by the schema, quoted ones are always text.
enum ScalarStyle: Sendable, Equatable {
    case plain, quoted, block
}

/// A scalar as written in the source, with where it was written.
struct Scalar: Sendable {
    var text: String
    var style: ScalarStyle
    /// The explicit tag, if any (`tag:yaml.org,2002:int`, `!`, ...).
    var tag: String?
    var location: SourceLocation

    /// An empty plain scalar, `key:` with nothing after it, counts as omitted.
    var isEmpty: Bool { style == .plain && text.isEmpty && tag == nil }

    /// Empty, or a plain `~`/`null`: unknown where a number, choice or list is expected.
    var isNull: Bool { isEmpty || (style == .plain && tag == nil && ["~", "null", "Null", "NULL"].contains(text)) }
}

/// A format-neutral document tree: YAML composes into it, CSV rows are mapped onto it, and one
/// decoder validates both. Aliases share storage, so an expansion budget bounds the walk.
indirect enum DocumentNode: Sendable {
    case scalar(Scalar)
    case sequence([DocumentNode], SourceLocation)
    case mapping([(key: DocumentNode, value: DocumentNode)], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .scalar(let s): return s.location
        case .sequence(_, let l), .mapping(_, let l): return l
        }
    }

    /// A short name for the node's type, for "expected X, found Y" messages.
    var typeName: String {
        switch self {
        case .scalar: return "a value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
