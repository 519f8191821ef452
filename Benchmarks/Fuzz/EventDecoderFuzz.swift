import DayClearCore
import Foundation

private let types = [
    "calendarConfigured", "recipientRegistered", "lotRegistered", "lotReceived", "lotValued", "requestSubmitted",
    "requestResubmitted", "allocationProposed", "requestApproved", "requestDelivered", "requestReturned",
    "requestRejected", "requestCancelled", "requestDispatched", "paperworkCompleted", "unknown",
]

/// libFuzzer entry point: the first byte picks an event type, the rest is its payload. The payload
/// decodes to an event that encodes and decodes to itself, or is refused with an error; never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventDecoder(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let type = types[Int(bytes[0]) % types.count]
    let payload = String(decoding: bytes.dropFirst(), as: UTF8.self)
    guard let event = try? EventCodec.decode(type: type, payload: payload) else { return 0 }
    do {
        let again = try EventCodec.encode(event)
        let back = try EventCodec.decode(type: again.type, payload: again.payload)
        precondition(back == event, "round trip differs")
    } catch {
        fatalError("a decoded event does not round-trip: \(error)")
    }
    return 0
}
