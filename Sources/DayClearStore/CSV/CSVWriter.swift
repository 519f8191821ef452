import Foundation

/// Writes CSV that Excel opens correctly on Chinese Windows: RFC 4180, UTF-8 with BOM, CRLF.
///
/// Fields are quoted when they hold a comma, quote, CR or LF. A cell a spreadsheet would
/// run as a formula (first character `=`, `+`, `-`, `@`, tab or CR) is neutralised by
/// prefixing `'`, except a plain number such as `-5` or `+3.5`, which stays numeric.
/// ``CSVReader`` does not remove the `'` again. A record whose fields are all empty is
/// written, but ``CSVReader`` skips it as blank. The bytes are written by ``CSVOutput``.
public enum CSVWriter {
    /// Encodes the header and rows, each line ending in CRLF, after a UTF-8 BOM.
    public static func encode(header: [String], rows: [[String]]) -> Data {
        var out = CSVOutput()
        out.record(header)
        for row in rows {
            out.record(row)
        }
        return Data(out.bytes)
    }
}
