import DayClearCore

/// Why a trim entry such as `1=300 2=0` could not be read.
struct TrimProblem: Error, Equatable {
    /// The offending part of the entry, or nil when the entry is empty.
    var part: String?
    /// The line number that the request does not have, if that was the problem.
    var unknownLine: Int?

    /// The message for the status line.
    func message(_ language: Language) -> String {
        if let unknownLine {
            return language.pick("没有第 \(unknownLine) 行", "There is no line \(unknownLine)")
        }
        guard let part else {
            return language.pick("请输入 行=数量，例如 1=300", "Enter LINE=QTY, e.g. 1=300")
        }
        return language.pick("无法识别“\(part)”：应为 行=数量，例如 1=300", "Cannot read \"\(part)\": expected LINE=QTY, e.g. 1=300")
    }
}

/// Reads `LINE=QTY` pairs separated by spaces or commas, checking the lines exist.
func parseTrim(_ text: String, request: Request) -> Result<[Int: Int], TrimProblem> {
    let parts = text.split { $0 == " " || $0 == "," || $0 == "，" }.map(String.init)
    guard !parts.isEmpty else { return .failure(TrimProblem()) }
    var result: [Int: Int] = [:]
    for part in parts {
        let pieces = part.split(separator: "=", maxSplits: 1)
        guard pieces.count == 2, let line = Int(pieces[0]), let quantity = Int(pieces[1]), quantity >= 0 else {
            return .failure(TrimProblem(part: part))
        }
        guard request.line(line) != nil else { return .failure(TrimProblem(unknownLine: line)) }
        result[line] = quantity
    }
    return .success(result)
}
