/// A column an import reads, by the key of its ``ImportColumn``.
enum ImportCell: Int, CaseIterable {
    case id, name, tier, latitude, longitude, contact
    case lot, kind, spec, quantity, unit, pack, donor, designated, arrived, eta, expiry, value, valuation, appraiser
    case request, recipient, neededBy, submittedAt, note

    /// The ``ImportColumn`` key: the case's name.
    var key: String { String(describing: self) }
}

/// Where each column an import reads sits in one file: looked up in the header once, then read by
/// index for every row.
struct ImportColumns {
    /// How many columns the header has.
    let width: Int
    /// By `ImportCell.rawValue`; nil for a column the file lacks.
    private let positions: [Int?]
    private let headers: [String]

    init(_ layout: ColumnLayout) {
        width = layout.width
        positions = ImportCell.allCases.map { layout.position($0.key) }
        headers = ImportCell.allCases.map { layout.header($0.key) }
    }

    /// The index of the cell's column in the file's records.
    func position(_ cell: ImportCell) -> Int? { positions[cell.rawValue] }

    /// The column's header as the file spells it.
    func header(_ cell: ImportCell) -> String { headers[cell.rawValue] }
}
