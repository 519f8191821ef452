import DayClearCore
import Foundation

/// Writes the JSON payloads of the events an import records (request submissions) and of request
/// references, byte for byte as `EventCodec`'s `JSONEncoder` writes them (sorted keys, dates as whole
/// milliseconds, absent optionals left out), without Foundation's encoder, which costs more than the
/// rest of an import together.
///
/// It returns nil for every other event and for text it does not write itself (a control
/// character, a line with a received quantity); `EventCodec.encode` then uses `JSONEncoder`. PayloadEncoderTests checks that both
/// always agree.
enum PayloadEncoder {
    static func encode(_ event: DomainEvent) -> String? {
        var json = JSONText()
        switch event {
        case .requestSubmitted(let submission), .requestResubmitted(let submission):
            guard json.submission(submission) else { return nil }
        case .requestReturned(let reference), .requestRejected(let reference), .requestCancelled(let reference),
            .requestDispatched(let reference), .paperworkCompleted(let reference):
            json.raw("{\"request\":")
            guard json.string(reference.request.rawValue) else { return nil }
            json.raw("}")
        default:
            return nil
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// True when every time the event holds is a whole number of milliseconds (what the store
    /// keeps), so that for an event `encode` writes, reading the payload back gives the event itself.
    static func timesAreWholeMilliseconds(in event: DomainEvent) -> Bool {
        switch event {
        case .requestSubmitted(let submission), .requestResubmitted(let submission):
            return submission.neededBy.isWholeMilliseconds && submission.submittedAt?.isWholeMilliseconds != false
        case .requestReturned, .requestRejected, .requestCancelled, .requestDispatched, .paperworkCompleted:
            return true
        default:
            return false
        }
    }
}

extension Date {
    fileprivate var isWholeMilliseconds: Bool { self == storePrecision }
}

/// JSON text being written, in the layout `JSONEncoder` uses with `.sortedKeys`.
private struct JSONText {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A whole number in decimal, written digit by digit (no intermediate `String`).
    mutating func number(_ value: some FixedWidthInteger & SignedInteger) {
        bytes.appendDecimal(Int64(value))
    }

    /// A quoted string; false when it holds a control character, which is left to `JSONEncoder`.
    /// Text with nothing to escape (almost all of it) is copied whole.
    mutating func string(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            if utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                for byte in utf8 {
                    switch byte {
                    case 0..<0x20: return false
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                        bytes.append(UInt8(ascii: "\\"))
                        bytes.append(byte)
                    default: bytes.append(byte)
                    }
                }
            } else {
                bytes.append(contentsOf: utf8)
            }
            bytes.append(UInt8(ascii: "\""))
            return true
        }
    }

    /// `RequestSubmission`'s keys in sorted order: id, lines, neededBy, note, recipient, submittedAt.
    mutating func submission(_ submission: RequestSubmission) -> Bool {
        raw("{\"id\":")
        guard string(submission.id.rawValue) else { return false }
        raw(",\"lines\":[")
        for (index, line) in submission.lines.enumerated() {
            if index > 0 { raw(",") }
            guard self.line(line) else { return false }
        }
        raw("],\"neededBy\":")
        number(submission.neededBy.milliseconds)
        if let note = submission.note {
            raw(",\"note\":")
            guard string(note) else { return false }
        }
        raw(",\"recipient\":")
        guard string(submission.recipient.rawValue) else { return false }
        if let submittedAt = submission.submittedAt {
            raw(",\"submittedAt\":")
            number(submittedAt.milliseconds)
        }
        raw("}")
        return true
    }

    /// `RequestLine`'s keys in sorted order: item (kind, spec), number, quantity, unit. A line carrying
    /// a received quantity (never one being submitted) is left to `JSONEncoder`.
    private mutating func line(_ line: RequestLine) -> Bool {
        guard line.received == nil else { return false }
        raw("{\"item\":{\"kind\":")
        guard string(line.item.kind) else { return false }
        raw(",\"spec\":")
        guard string(line.item.spec) else { return false }
        raw("},\"number\":")
        number(line.number)
        raw(",\"quantity\":")
        number(line.quantity)
        raw(",\"unit\":")
        guard string(line.unit) else { return false }
        raw("}")
        return true
    }
}
