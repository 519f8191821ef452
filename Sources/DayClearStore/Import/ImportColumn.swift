/// A column an import understands and the headers it answers to, Chinese first.
struct ImportColumn: Sendable {
    var key: String
    var headers: [String]
    var required: Bool

    init(_ key: String, _ headers: [String], required: Bool = false) {
        self.key = key
        self.headers = headers
        self.required = required
    }

    /// The name to show when the column is missing: `数量 (quantity)`.
    var displayName: String { headers.count > 1 ? "\(headers[0]) (\(headers[1]))" : headers[0] }
}

/// Where each known column sits in one file's header.
struct ColumnLayout {
    private var positions: [String: Int] = [:]
    private var headerNames: [String: String] = [:]
    let width: Int

    /// Matches the header against the columns; returns the missing required ones.
    init(header: [String], columns: [ImportColumn]) {
        width = header.count
        let normalised = header.map(Self.normalise)
        for column in columns {
            let candidates = Set(column.headers.map(Self.normalise))
            if let index = normalised.firstIndex(where: candidates.contains) {
                positions[column.key] = index
                headerNames[column.key] = header[index]
            } else {
                headerNames[column.key] = column.headers[0]
            }
        }
    }

    func missing(_ columns: [ImportColumn]) -> [ImportColumn] {
        columns.filter { $0.required && positions[$0.key] == nil }
    }

    func has(_ key: String) -> Bool { positions[key] != nil }

    /// The column's index in the file, if it has the column.
    func position(_ key: String) -> Int? { positions[key] }

    /// The trimmed cell of a column, or "" when the column or cell is absent.
    func value(_ key: String, in record: CSVRecord) -> String {
        guard let index = positions[key], index < record.fields.count else { return "" }
        return record.fields[index].trimmedOfWhitespace
    }

    /// The column's header as the file spells it.
    func header(_ key: String) -> String { headerNames[key] ?? key }

    /// Lower-cased, without spaces, underscores or fullwidth brackets, so `Pack Size`,
    /// `pack_size` and `价值（元）` match their canonical spellings.
    private static func normalise(_ header: String) -> String {
        header.lowercased().filter { !" _-\t".contains($0) }
            .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
    }
}
