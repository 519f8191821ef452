import Foundation

extension CSVReader {
    /// GB18030, the superset of GBK that Excel writes as "CSV" on Chinese Windows.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes bytes: UTF-8 with or without BOM; if not valid UTF-8, GB18030.
    ///
    /// Bytes that start with a UTF-8 BOM but are not valid UTF-8 are `.undecodable`:
    /// the BOM says UTF-8, so they are not tried as GB18030. A short GB18030 text that
    /// happens to be valid UTF-8 as well is read as UTF-8.
    public static func decodeText(_ data: Data) throws -> String {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hasBOM = data.starts(with: bom)
        let utf8 = data.withUnsafeBytes { raw -> String? in
            let body = UnsafeRawBufferPointer(rebasing: raw[(hasBOM ? bom.count : 0)...])
            return validatedUTF8(body)
        }
        if let utf8 { return utf8 }
        if hasBOM { throw CSVReadError.undecodable }
        guard let text = String(data: data, encoding: gb18030) else {
            throw CSVReadError.undecodable
        }
        return text
    }

    /// The bytes as a String if they are valid UTF-8, else nil (no repair).
    private static func validatedUTF8(_ bytes: UnsafeRawBufferPointer) -> String? {
        if #available(macOS 15, *) {
            return String(validating: bytes, as: UTF8.self)
        } else {
            return String(bytes: bytes, encoding: .utf8)
        }
    }
}
