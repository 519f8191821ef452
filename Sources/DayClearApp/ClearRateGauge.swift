import DayClearCore
import DayClearStore
import TerminalUI

/// The same-day clear gauge of one day (日进日清) against the 90% line.
///
/// The label reads `日进日清 72.3%` (or `无接收` when nothing arrived that day); the bar is green at
/// or above the target and amber below it.
func clearRateGauge(_ report: DayEndReport, label prefix: String, labelWidth: Int?, language: Language) -> Gauge {
    clearRateGauge(rate: report.clearRate, label: prefix, labelWidth: labelWidth, language: language)
}

/// A same-day clear gauge for a rate, measured or forecast; nil when the day has no goods.
func clearRateGauge(rate: Double?, label prefix: String, labelWidth: Int?, language: Language) -> Gauge {
    let value =
        rate.map { DisplayWidth.pad(percentText($0) + "%", to: 7, alignment: .right) }
        ?? DisplayWidth.pad(language.pick("无接收", "none in"), to: 7, alignment: .right)
    let reached = (rate ?? 0) >= DayEndReport.clearTarget
    return Gauge(
        fraction: rate ?? 0, target: DayEndReport.clearTarget, label: prefix + " " + value, labelWidth: labelWidth,
        labelStyle: rate == nil ? .role(.dim) : Style(role: reached ? .ok : .warning, bold: true),
        filledStyle: .role(reached ? .ok : .warning))
}
