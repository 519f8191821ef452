import DayClearCore
import DayClearRouting
import Foundation
import Testing

@testable import DayClearStore

@Suite("Shuttle configuration files")
struct ShuttleConfigurationTests {
    /// A data folder holding the sample's three files, on a store with the sample goods.
    private func withSampleFiles(_ body: (URL, Ledger) throws -> Void) throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try sampleStore(in: folder)
            let data = DataDirectory(path: dataPath(folder)).url
            for name in [
                ShuttleConfigurationFiles.centre, ShuttleConfigurationFiles.vehicles,
                ShuttleConfigurationFiles.packVolumes,
            ] {
                try FileManager.default.copyItem(
                    at: Sample.folder.appendingPathComponent(name), to: data.appendingPathComponent(name))
            }
            try body(data, store.ledger)
        }
    }

    @Test func readsTheSampleFiles() throws {
        try withSampleFiles { data, ledger in
            let configuration = try ShuttleConfigurationFiles.load(from: data, ledger: ledger)
            #expect(configuration.centreName == "杭州市救灾物资储备中心")
            #expect(configuration.centre == Coordinate(latitude: 30.274150, longitude: 120.155070))
            #expect(configuration.fleet.map(\.id) == ["Y01", "Y02", "Y03"])
            #expect(configuration.fleet[0].capacityMillilitres == 9_000_000)
            #expect(configuration.fleet[2].runsPerDay == 2)
            #expect(configuration.packVolumes.count == 12)
            #expect(configuration.packVolumes[ItemKey(kind: "口罩", spec: "医用防护N95")] == 12_000)
        }
    }

    /// `init` writes the same centre and fleet as the sample, and an empty pack-volume list.
    @Test func defaultsMatchTheSample() throws {
        try withTemporaryDirectory { folder in
            try ShuttleConfigurationFiles.writeDefaults(to: folder)
            for name in [ShuttleConfigurationFiles.centre, ShuttleConfigurationFiles.vehicles] {
                let written = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let sample = try String(contentsOf: Sample.folder.appendingPathComponent(name), encoding: .utf8)
                #expect(written.replacingOccurrences(of: "\r\n", with: "\n") == sample, "\(name)")
            }
            let configuration = try ShuttleConfigurationFiles.load(from: folder, ledger: Ledger())
            #expect(configuration.packVolumes.isEmpty)
            #expect(configuration.largestCapacity == 9_000_000)
        }
    }

    @Test(arguments: [
        (
            "vehicles.csv", "车辆编号,车辆名称,容量（升）,每日趟数\nY01,大车,9000,2\nY02,小车,-5,1\n",
            "vehicles.csv:3: 容量（升） must be a positive number of litres, not -5"
        ),
        (
            "vehicles.csv", "车辆编号,车辆名称,容量（升）,每日趟数\nY01,大车,9000,2\nY01,小车,500,1\n",
            "vehicles.csv:3: vehicle Y01 is listed twice"
        ),
        (
            "vehicles.csv", "车辆编号,车辆名称,容量（升）,每日趟数\nY01,大车,9000,两趟\n",
            "vehicles.csv:2: 每日趟数 must be a whole number of runs (0 or more), not 两趟"
        ),
        ("vehicles.csv", "车辆编号,车辆名称\nY01,大车\n", "vehicles.csv:1: missing column 容量(升) (capacity_litres)"),
        (
            "vehicles.csv", "车辆编号,车辆名称,容量（升）,每日趟数\nY01,大车,9000,0\n",
            "vehicles.csv: no vehicle makes a run; list at least one"
        ),
        (
            "pack-volumes.csv", "物资名称,规格,每箱体积（升）\n口罩,医用防护N95,12\n口罩,医用防护N99,12\n",
            "pack-volumes.csv:3: unknown kind+spec 口罩 / 医用防护N99: no lot or request names it (known specs of 口罩: KN95, 医用外科, 医用防护N95)"
        ),
        (
            "pack-volumes.csv", "物资名称,规格,每箱体积（升）\n帐篷,,12\n",
            "pack-volumes.csv:2: unknown kind+spec 帐篷: no lot or request names it"
        ),
        (
            "pack-volumes.csv", "物资名称,规格,每箱体积（升）\n防护服,医用一次性L,9500\n",
            "pack-volumes.csv:2: one pack of 防护服 / 医用一次性L (9500 L) is bigger than the largest vehicle, Y01 (9000 L in vehicles.csv)"
        ),
        (
            "pack-volumes.csv", "物资名称,规格,每箱体积（升）\n防护服,医用一次性L,0\n",
            "pack-volumes.csv:2: 每箱体积（升） must be a positive number of litres, not 0"
        ),
        ("centre.csv", "名称,纬度,经度\n中心,95,120\n", "centre.csv:2: 纬度 must be degrees between -90 and 90, not 95"),
        ("centre.csv", "名称,纬度,经度\n", "centre.csv: no row: give the relief centre's name and coordinates"),
    ])
    func badFilesNameTheFileAndRow(file: String, text: String, message: String) throws {
        try withSampleFiles { data, ledger in
            try writeFile(data, file, text)
            let error = #expect(throws: ShuttleConfigurationError.self) {
                try ShuttleConfigurationFiles.load(from: data, ledger: ledger)
            }
            #expect(error?.description == data.appendingPathComponent(file).path + message.dropFirst(file.count))
        }
    }

    @Test func aMissingFileIsNamed() throws {
        try withSampleFiles { data, ledger in
            try FileManager.default.removeItem(at: data.appendingPathComponent(ShuttleConfigurationFiles.vehicles))
            let error = #expect(throws: ShuttleConfigurationError.self) {
                try ShuttleConfigurationFiles.load(from: data, ledger: ledger)
            }
            #expect(error?.row == nil)
            #expect(error?.file.hasSuffix("/vehicles.csv") == true)
            #expect(error?.problem.contains("dayclear init") == true)
        }
    }
}
