import ArgumentParser

extension DayClearCommand {
    /// Also accepts `dayclear --connect SOCKET COMMAND …`, the form a shell alias
    /// for a shared host uses, by reading it as `dayclear COMMAND … --connect SOCKET`.
    static func main() {
        main(movingLeadingConnect(Array(CommandLine.arguments.dropFirst())))
    }

    static func movingLeadingConnect(_ arguments: [String]) -> [String] {
        var rest = arguments
        var moved: [String]
        if rest.count >= 2, rest[0] == "--connect" {
            moved = Array(rest[0...1])
            rest.removeFirst(2)
        } else if let first = rest.first, first.hasPrefix("--connect=") {
            moved = [first]
            rest.removeFirst()
        } else {
            return arguments
        }
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: moved, at: end)
        return rest
    }
}
