import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation
import TerminalUI

extension PlanningRule: ExpressibleByArgument {}

/// `dayclear plan`: the planner's proposal (分配建议), shown or recorded.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Propose an allocation of the day's available and expected goods across open requests.",
        discussion: """
            Rules: default (directed lots first, strict tiers, pro-rata within a tier in whole packs), \
            pro-rata, equal (constrained equal awards), strict (tier, then needed-by, first come first served). \
            Without --apply the proposal is only shown; with --apply it is recorded as the task force's proposal.
            """)

    @OptionGroup var data: DataOptions
    @Option(help: "The operational day (YYYY-MM-DD); default: the current one.") var day: String?
    @Option(help: "default, pro-rata, equal or strict.") var rule: PlanningRule = .default
    @Flag(help: "Record the proposal.") var apply = false
    @Flag(help: "Explain each quantity (tier, share, rounding, shortfall).") var explain = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try data.open()
        let now = Date()
        let planner = Planner(rule: rule)
        var plan: Plan?
        var recorded: [RecordedEvent] = []
        if apply {
            recorded = try store.perform(reason: MachineReason.planner(rule).recorded) { ledger in
                let made = planner.plan(
                    ledger: ledger, day: try resolveDay(day, ledger: ledger, now: now), now: now, explained: true)
                plan = made
                return made.events
            }
        } else {
            let ledger = store.ledger
            plan = planner.plan(
                ledger: ledger, day: try resolveDay(day, ledger: ledger, now: now), now: now, explained: true)
        }
        guard let plan else { return }
        switch format {
        case .table: printTable(plan, recorded: recorded)
        case .csv: FileHandle.standardOutput.write(csv(plan))
        case .json: FileHandle.standardOutput.write(try json(plan, recorded: recorded) + Data("\n".utf8))
        }
    }

    private func printTable(_ plan: Plan, recorded: [RecordedEvent]) {
        print("分配建议 Proposed allocation — \(plan.day), \(rule.chineseName) \(rule.englishName)")
        let rows = plan.allocations.map { allocation in
            [
                allocation.request.rawValue, "\(allocation.line)", allocation.explained.tier.chineseName,
                allocation.lot.rawValue, "\(allocation.quantity)",
                sourceLabel(allocation.explained), "\(allocation.explained.shortfall)",
            ]
        }
        print(
            alignedColumns(
                [["申请编号", "行", "优先级", "批次号", "数量", "来源", "缺口"]] + rows,
                numeric: [false, true, false, false, true, false, true]))
        if explain {
            for allocation in plan.allocations {
                print("\(allocation.request) 行 line \(allocation.line) ← \(allocation.lot) \(allocation.quantity):")
                print("  \(allocation.explained.chinese)")
                print("  \(allocation.explained.english)")
            }
        }
        let short = plan.shortfalls
        if !short.isEmpty {
            print("\n缺口 Shortfalls")
            print(
                alignedColumns(
                    [["申请编号", "行", "物资", "申请", "已建议", "本次", "缺口"]]
                        + short.map {
                            [
                                $0.request.rawValue, "\($0.line)", $0.item.description, "\($0.asked)",
                                "\($0.alreadyProposed)", "\($0.planned)", "\($0.shortfall)",
                            ]
                        }, numeric: [false, true, false, true, true, true, true]))
        }
        let units = plan.units
        if apply {
            let events =
                switch (recorded.first?.sequence, recorded.last?.sequence) {
                case (let first?, let last?): first == last ? "event \(first)" : "events \(first)–\(last)"
                default: "no events"
                }
            print("\n已记录 Recorded \(plan.allocations.count) allocations, \(units) units (\(events))")
        } else {
            print("\n未记录 Not recorded: \(plan.allocations.count) allocations, \(units) units; run with --apply")
        }
    }

    /// 定向 for directed lots, 替代 and the spec for a substitute, nothing for general lots.
    private func sourceLabel(_ explanation: PlanExplanation) -> String {
        switch explanation.source {
        case .directed: return "定向"
        case .general: return ""
        case .substitute: return "替代 \(explanation.substitute?.spec ?? "")"
        }
    }

    private func csv(_ plan: Plan) -> Data {
        CSVWriter.encode(
            header: ["request_id", "line", "lot_id", "quantity", "tier", "source", "exact_share", "shortfall"],
            rows: plan.allocations.map {
                [
                    $0.request.rawValue, "\($0.line)", $0.lot.rawValue, "\($0.quantity)",
                    "\($0.explained.tier.rawValue)", $0.explained.source.rawValue,
                    String(format: "%.2f", $0.explained.exactShare), "\($0.explained.shortfall)",
                ]
            })
    }

    private func json(_ plan: Plan, recorded: [RecordedEvent]) throws -> Data {
        let document = PlanDocument(
            day: plan.day.description, rule: plan.rule.rawValue, applied: apply,
            events: recorded.map(\.sequence),
            allocations: plan.allocations.map {
                .init(
                    requestId: $0.request.rawValue, line: $0.line, lotId: $0.lot.rawValue, quantity: $0.quantity,
                    explanation: $0.explained, chinese: $0.explained.chinese, english: $0.explained.english)
            },
            shortfalls: plan.shortfalls.map {
                .init(
                    requestId: $0.request.rawValue, line: $0.line, kind: $0.item.kind, spec: $0.item.spec,
                    asked: $0.asked, alreadyProposed: $0.alreadyProposed, planned: $0.planned,
                    shortfall: $0.shortfall)
            })
        return try JSONEncoder.commandOutput().encode(document)
    }
}

extension PlannedAllocation {
    /// The explanation `plan` asks the planner for: every format shows its tier, source, share or shortfall.
    fileprivate var explained: PlanExplanation {
        guard let explanation else { preconditionFailure("plan asks the planner for explanations") }
        return explanation
    }
}

/// The JSON shape of `plan --format json`.
private struct PlanDocument: Encodable {
    struct Row: Encodable {
        var requestId: String
        var line: Int
        var lotId: String
        var quantity: Int
        var explanation: PlanExplanation
        var chinese: String
        var english: String
    }

    struct Short: Encodable {
        var requestId: String
        var line: Int
        var kind: String
        var spec: String
        var asked: Int
        var alreadyProposed: Int
        var planned: Int
        var shortfall: Int
    }

    var day: String
    var rule: String
    var applied: Bool
    var events: [Int64]
    var allocations: [Row]
    var shortfalls: [Short]
}
