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
        let detected = data.withUnsafeBytes { raw in Self.encoding(of: raw.bindMemory(to: UInt8.self)) }
        switch detected {
        case .utf8:
            let hasBOM = data.starts(with: bom)
            return String(decoding: hasBOM ? data.dropFirst(bom.count) : data, as: UTF8.self)
        case .gb18030(let text): return text
        case nil: throw CSVReadError.undecodable
        }
    }

    /// How a file's bytes are read.
    enum TextEncoding {
        /// The bytes are UTF-8 as they are (a BOM may lead them).
        case utf8
        /// The bytes are GB18030; this is their text.
        case gb18030(String)
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The rule of ``decodeText(_:)``; nil when the bytes are neither.
    static func encoding(of bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let hasBOM = bytes.starts(with: bom)
        if UTF8Validation.isValid(UnsafeBufferPointer(rebasing: bytes[(hasBOM ? bom.count : 0)...])) {
            return .utf8
        }
        if hasBOM { return nil }
        return String(data: Data(buffer: bytes), encoding: gb18030).map(TextEncoding.gb18030)
    }
}
