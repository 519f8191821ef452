import Foundation

/// libFuzzer entry point: any bytes are read as a table within the limits or refused with a CSVReadError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let table = try CSVReader.read(data)
        precondition(table.header.count <= CSVReader.maxColumns, "header wider than the limit")
        var previous = 1
        for record in table.records {
            precondition(record.row > previous, "row numbers must count up")
            precondition(record.fields.count <= CSVReader.maxColumns, "record wider than the limit")
            previous = record.row
        }
    } catch is CSVReadError {
        // A refusal that names the row is the expected outcome for bad input.
    } catch {
        fatalError("unexpected error \(type(of: error)): \(error)")
    }
    return 0
}
