/// An item kind and its specification: the unit of interchangeability.
///
/// Stock of one key never fills a request line of another key.
public struct ItemKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// 物资名称, e.g. 口罩.
    public var kind: String
    /// 规格, e.g. 医用防护 N95.
    public var spec: String

    public init(kind: String, spec: String) {
        self.kind = kind
        self.spec = spec
    }

    public var description: String { spec.isEmpty ? kind : "\(kind) / \(spec)" }

    public static func < (lhs: ItemKey, rhs: ItemKey) -> Bool {
        (lhs.kind, lhs.spec) < (rhs.kind, rhs.spec)
    }
}
