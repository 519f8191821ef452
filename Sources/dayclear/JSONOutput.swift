import Foundation

extension JSONEncoder {
    /// The encoder of every `--format json` output: indented, keys sorted and in snake_case,
    /// so that the documents diff cleanly and read like the CSV headers.
    static func commandOutput() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }
}
