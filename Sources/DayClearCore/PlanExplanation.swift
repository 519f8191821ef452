import Foundation

/// Why the planner proposed a quantity: the rule, tier, share, rounding and shortfall.
public struct PlanExplanation: Equatable, Codable, Sendable {
    /// Where the units came from.
    public enum Source: String, Codable, Sendable {
        /// Lots designated (定向) to this line's recipient, served first.
        case directed
        /// Lots open to every recipient.
        case general
        /// Lots of another spec a supervisor allowed for this line, used after its own spec.
        case substitute
    }

    /// How the whole-pack award relates to the exact share.
    public enum Rounding: String, Codable, Sendable {
        /// The award is the line's whole remaining need.
        case fullNeed = "full-need"
        /// Rounded down to whole packs.
        case down
        /// Given one more pack by the largest-remainder method.
        case up
        /// Equal to the exact share.
        case exact
    }

    public var rule: PlanningRule
    public var tier: Tier
    public var source: Source
    public var asked: Int
    /// Units of the line already proposed before this plan.
    public var alreadyProposed: Int
    /// The exact (fractional) share of this source before rounding.
    public var exactShare: Double
    /// λ of the water-filling, when the rule shares by water-filling.
    public var fillRatio: Double?
    /// Units of the line planned from this source.
    public var awarded: Int
    /// The pack size awards were rounded to.
    public var packSize: Int
    public var rounding: Rounding
    /// Units of the line still missing after the whole plan.
    public var shortfall: Int
    /// The substitute kind+spec, when the units come from one a supervisor allowed.
    public var substitute: ItemKey?
    /// Who allowed the substitute.
    public var substituteAllowedBy: String?

    /// A one-line explanation in Chinese.
    public var chinese: String {
        var parts = ["\(rule.chineseName)", "优先级\(tier.rawValue) \(tier.chineseName)"]
        switch source {
        case .directed: parts.append("定向物资优先")
        case .general: parts.append("通用物资")
        case .substitute:
            let by = substituteAllowedBy.map { "，\($0) 允许" } ?? ""
            parts.append("替代规格 \(substitute?.spec ?? "?")（本规格之后使用\(by)）")
        }
        parts.append("申请 \(asked),已建议 \(alreadyProposed)")
        parts.append("精确份额 \(Self.format(exactShare)),分配 \(awarded)(每箱 \(packSize))")
        switch rounding {
        case .fullNeed: parts.append("满足全部需求")
        case .down: parts.append("按整箱向下取整")
        case .up: parts.append("按最大余数法补一箱")
        case .exact: parts.append("无需取整")
        }
        parts.append(shortfall > 0 ? "缺口 \(shortfall)" : "无缺口")
        return parts.joined(separator: ";")
    }

    /// A one-line explanation in English.
    public var english: String {
        var parts = ["\(rule.englishName)", "tier \(tier.rawValue) \(tier.englishName)"]
        switch source {
        case .directed: parts.append("directed lots first")
        case .general: parts.append("general lots")
        case .substitute:
            let by = substituteAllowedBy.map { ", allowed by \($0)" } ?? ""
            parts.append("substitute \(substitute?.spec ?? "?") after the own spec\(by)")
        }
        parts.append("asked \(asked), already proposed \(alreadyProposed)")
        parts.append("exact share \(Self.format(exactShare)), awarded \(awarded) (pack \(packSize))")
        switch rounding {
        case .fullNeed: parts.append("whole need met")
        case .down: parts.append("rounded down to whole packs")
        case .up: parts.append("one more pack by largest remainder")
        case .exact: parts.append("no rounding needed")
        }
        parts.append(shortfall > 0 ? "shortfall \(shortfall)" : "no shortfall")
        return parts.joined(separator: "; ")
    }

    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
