import DayClearCore
import DayClearRouting
import DayClearStore
import TerminalUI
import Testing

@testable import DayClearApp

/// The routes screen's shuttle runs and forecast, and what it says when it cannot plan them.
@Suite struct ShuttlePanelTests {
    func text(_ state: AppState, ledger: Ledger? = nil, width: Int = 120, height: Int = 40) throws -> String {
        var state = state
        state.screen = .routes
        var buffer = CellBuffer(width: width, height: height)
        render(state, ledger: try ledger ?? Fixture.movedLedger(), into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    /// The moved day's shuttle goods (R-0001's 500 N95 masks and 300 gowns, both of lots shared
    /// with others) go to H01 on one run, of the smaller van Y02 since they fit it; the forecast
    /// counts them.
    @Test func showsTheRunsAndTheForecast() throws {
        let ledger = try Fixture.movedLedger()
        let plan = try ShuttlePlanner(configuration: Fixture.shuttle).plan(
            ledger: ledger, day: ledger.calendar.day(containing: Fixture.now))
        #expect(plan.runs.count == 1)
        let run = try #require(plan.runs.first)
        #expect(run.stops.map(\.recipient) == ["H01"])
        // 500 masks in packs of 100 are 5 packs of 12 L; 300 gowns in packs of 20 are 15 packs of 60 L.
        #expect(run.millilitres == 5 * 12_000 + 15 * 60_000)
        #expect(run.vehicle.id == "Y02")

        let screen = try text(Fixture.movedState())
        #expect(screen.contains("邮政专车：1 趟，共 \(String(format: "%.1f", run.metres / 1000)) 公里，从救灾物资储备中心出发"))
        #expect(screen.contains("1 Y02 第1趟  960/3000 升"))
        #expect(screen.contains("H01 杭州市西溪医院"))
        let rate = try #require(plan.forecastClearRate)
        #expect(screen.contains("预测（按今日车次）"))
        #expect(screen.contains(percentText(rate) + "%"))
    }

    @Test func namesTheBadConfigurationFile() throws {
        var state = Fixture.movedState()
        state.shuttleConfiguration = .failure(
            ShuttleConfigurationError(file: "/srv/d/vehicles.csv", row: 3, "容量（升） must be a positive number"))
        let screen = try text(state)
        #expect(screen.contains("邮政专车：无法排车"))
        #expect(screen.contains("/srv/d/vehicles.csv:3: 容量（升） must be a positive number"))
        // The request lines and the measured gauge are still there.
        #expect(screen.contains("R-0001"))
        #expect(screen.contains("今日日进日清（目标 90%）"))
    }

    @Test func namesAMissingPackVolume() throws {
        var state = Fixture.movedState(.en)
        var configuration = Fixture.shuttle
        configuration.packVolumes[Fixture.gown] = nil
        state.shuttleConfiguration = .success(configuration)
        let screen = try text(state)
        #expect(screen.contains("Postal shuttle: no runs planned"))
        #expect(screen.contains("no pack volume for 防护服 / 医用一次性L (shuttled for R-0001 line 2)"))
    }

    /// Once the runs are recorded the heading says so, and says when they no longer match.
    @Test func tellsWhetherTheRunsAreRecorded() throws {
        var ledger = try Fixture.movedLedger()
        let day = ledger.calendar.day(containing: Fixture.now)
        let plan = try ShuttlePlanner(configuration: Fixture.shuttle).plan(ledger: ledger, day: day)
        #expect(try !text(Fixture.movedState(), ledger: ledger).contains("已记录"))
        func record(_ event: ShuttleRunsPlanned) throws {
            try ledger.apply(
                RecordedEvent(
                    sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "li", reason: nil,
                    event: .shuttleRunsPlanned(event)))
        }
        try record(plan.record)
        #expect(try text(Fixture.movedState(), ledger: ledger).contains("从救灾物资储备中心出发（已记录）"))
        var other = plan.record
        other.runs[0].vehicle = "Y01"
        try record(other)
        #expect(try text(Fixture.movedState(), ledger: ledger).contains("（与已记录的车次不同）"))
    }
}
