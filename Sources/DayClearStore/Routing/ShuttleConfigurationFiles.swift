import DayClearCore
import DayClearRouting
import Foundation

/// The shuttle's configuration as three CSV files in the data directory, read like imports
/// (Chinese or English headers, UTF-8 or GB18030):
/// - `centre.csv`: the relief centre, one row of 名称/name, 纬度/latitude, 经度/longitude;
/// - `vehicles.csv`: 车辆编号/vehicle_id, 车辆名称/name, 容量（升）/capacity_litres,
///   每日趟数/runs_per_day (1 when blank);
/// - `pack-volumes.csv`: 物资名称/kind, 规格/spec, 每箱体积（升）/litres_per_pack.
///
/// Files, not events: the fleet and the packing are facts about the centre that change
/// without anyone deciding anything, and the audit trail records the runs planned with them.
public enum ShuttleConfigurationFiles {
    public static let centre = "centre.csv"
    public static let vehicles = "vehicles.csv"
    public static let packVolumes = "pack-volumes.csv"

    /// Reads and checks the three files of `directory` against the ledger's kinds+specs.
    public static func load(from directory: URL, ledger: Ledger) throws(ShuttleConfigurationError)
        -> ShuttleConfiguration
    {
        let (centreName, coordinate) = try readCentre(directory.appendingPathComponent(centre).path)
        let fleet = try readVehicles(directory.appendingPathComponent(vehicles).path)
        let volumes = try readPackVolumes(
            directory.appendingPathComponent(packVolumes).path, ledger: ledger, fleet: fleet)
        return ShuttleConfiguration(centreName: centreName, centre: coordinate, fleet: fleet, packVolumes: volumes)
    }

    /// Writes the sample centre and fleet and an empty pack-volume list, leaving any file
    /// already there alone.
    public static func writeDefaults(to directory: URL) throws {
        let files = [
            (
                centre,
                CSVWriter.encode(header: ["名称", "纬度", "经度"], rows: [["杭州市救灾物资储备中心", "30.274150", "120.155070"]])
            ),
            (
                vehicles,
                CSVWriter.encode(
                    header: ["车辆编号", "车辆名称", "容量（升）", "每日趟数"],
                    rows: [
                        ["Y01", "邮政专车 浙A·Y0001（厢式货车）", "9000", "2"],
                        ["Y02", "邮政专车 浙A·Y0002（厢式货车）", "9000", "2"],
                        ["Y03", "邮政专车 浙A·Y0003（面包车）", "3000", "2"],
                    ])
            ),
            (packVolumes, CSVWriter.encode(header: ["物资名称", "规格", "每箱体积（升）"], rows: [])),
        ]
        for (name, data) in files {
            let url = directory.appendingPathComponent(name)
            guard !FileManager.default.fileExists(atPath: url.path) else { continue }
            try data.write(to: url, options: .atomic)
        }
    }

    // MARK: - Files

    private static let centreColumns = [
        ImportColumn("name", ["名称", "name"], required: true),
        ImportColumn("latitude", ["纬度", "latitude", "lat"], required: true),
        ImportColumn("longitude", ["经度", "longitude", "lng", "lon"], required: true),
    ]

    private static let vehicleColumns = [
        ImportColumn("id", ["车辆编号", "vehicle_id", "id"], required: true),
        ImportColumn("name", ["车辆名称", "name"]),
        ImportColumn("capacity", ["容量(升)", "capacity_litres", "容量"], required: true),
        ImportColumn("runs", ["每日趟数", "runs_per_day"]),
    ]

    private static let packColumns = [
        ImportColumn("kind", ["物资名称", "kind"], required: true),
        ImportColumn("spec", ["规格", "spec"]),
        ImportColumn("litres", ["每箱体积(升)", "litres_per_pack", "每箱体积"], required: true),
    ]

    private static func readCentre(_ path: String) throws(ShuttleConfigurationError) -> (String, Coordinate) {
        let (layout, records) = try table(path, columns: centreColumns)
        guard let record = records.first else {
            throw ShuttleConfigurationError(
                file: path, row: nil, "no row: give the relief centre's name and coordinates")
        }
        if let extra = records.dropFirst().first {
            throw ShuttleConfigurationError(file: path, row: extra.row, "only one relief centre is supported")
        }
        let name = layout.value("name", in: record)
        guard !name.isEmpty else { throw ShuttleConfigurationError(file: path, row: record.row, "the name is empty") }
        let latitude = try degrees(layout, "latitude", record, path: path, range: -90...90)
        let longitude = try degrees(layout, "longitude", record, path: path, range: -180...180)
        return (name, Coordinate(latitude: latitude, longitude: longitude))
    }

    private static func readVehicles(_ path: String) throws(ShuttleConfigurationError) -> [Vehicle] {
        let (layout, records) = try table(path, columns: vehicleColumns)
        var fleet: [Vehicle] = []
        for record in records {
            let id = layout.value("id", in: record)
            guard !id.isEmpty else {
                throw ShuttleConfigurationError(file: path, row: record.row, "\(layout.header("id")) is empty")
            }
            guard !fleet.contains(where: { $0.id == id }) else {
                throw ShuttleConfigurationError(file: path, row: record.row, "vehicle \(id) is listed twice")
            }
            let capacity = try litres(layout, "capacity", record, path: path)
            let runsText = layout.value("runs", in: record)
            guard let runs = runsText.isEmpty ? 1 : Int(runsText), runs >= 0 else {
                throw ShuttleConfigurationError(
                    file: path, row: record.row,
                    "\(layout.header("runs")) must be a whole number of runs (0 or more), not \(runsText)")
            }
            let name = layout.value("name", in: record)
            fleet.append(
                Vehicle(id: id, name: name.isEmpty ? id : name, capacityMillilitres: capacity, runsPerDay: runs))
        }
        guard fleet.contains(where: { $0.runsPerDay > 0 }) else {
            throw ShuttleConfigurationError(file: path, row: nil, "no vehicle makes a run; list at least one")
        }
        return fleet
    }

    private static func readPackVolumes(_ path: String, ledger: Ledger, fleet: [Vehicle])
        throws(ShuttleConfigurationError) -> [ItemKey: Int]
    {
        let (layout, records) = try table(path, columns: packColumns)
        let known = Set(ledger.itemUnits.keys).union(ledger.requests.values.flatMap { $0.lines.map(\.item) })
        let largest = fleet.filter { $0.runsPerDay > 0 }.max { $0.capacityMillilitres < $1.capacityMillilitres }
        var volumes: [ItemKey: Int] = [:]
        for record in records {
            let item = ItemKey(kind: layout.value("kind", in: record), spec: layout.value("spec", in: record))
            guard !item.kind.isEmpty else {
                throw ShuttleConfigurationError(file: path, row: record.row, "\(layout.header("kind")) is empty")
            }
            guard known.contains(item) else {
                let specs = ledger.knownSpecs(of: item.kind)
                let hint = specs.isEmpty ? "" : " (known specs of \(item.kind): \(specs.joined(separator: ", ")))"
                throw ShuttleConfigurationError(
                    file: path, row: record.row, "unknown kind+spec \(item): no lot or request names it\(hint)")
            }
            guard volumes[item] == nil else {
                throw ShuttleConfigurationError(file: path, row: record.row, "\(item) is listed twice")
            }
            let volume = try litres(layout, "litres", record, path: path)
            if let largest, volume > largest.capacityMillilitres {
                throw ShuttleConfigurationError(
                    file: path, row: record.row,
                    "one pack of \(item) (\(Litres.text(volume)) L) is bigger than the largest vehicle, \(largest.id) "
                        + "(\(Litres.text(largest.capacityMillilitres)) L in \(vehicles))")
            }
            volumes[item] = volume
        }
        return volumes
    }

    // MARK: - Cells

    private static func table(_ path: String, columns: [ImportColumn]) throws(ShuttleConfigurationError)
        -> (ColumnLayout, [CSVRecord])
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShuttleConfigurationError(
                file: path, row: nil, "missing; `dayclear init` writes one, and docs/formats.md describes it")
        }
        let table: CSVTable
        do {
            table = try CSVReader.read(data)
        } catch {
            throw ShuttleConfigurationError(file: path, row: nil, "\(error)")
        }
        let layout = ColumnLayout(header: table.header, columns: columns)
        let missing = layout.missing(columns)
        guard missing.isEmpty else {
            throw ShuttleConfigurationError(
                file: path, row: 1, "missing column \(missing.map(\.displayName).joined(separator: ", "))")
        }
        return (layout, table.records)
    }

    /// A positive number of litres (up to three decimals) as millilitres.
    private static func litres(_ layout: ColumnLayout, _ key: String, _ record: CSVRecord, path: String)
        throws(ShuttleConfigurationError) -> Int
    {
        let text = layout.value(key, in: record).replacingOccurrences(of: ",", with: "")
        guard let value = Double(text), value.isFinite, value > 0, value < 1e12 else {
            throw ShuttleConfigurationError(
                file: path, row: record.row,
                "\(layout.header(key)) must be a positive number of litres, not \(text.isEmpty ? "blank" : text)")
        }
        return Int((value * 1000).rounded())
    }

    private static func degrees(
        _ layout: ColumnLayout, _ key: String, _ record: CSVRecord, path: String, range: ClosedRange<Double>
    ) throws(ShuttleConfigurationError) -> Double {
        let text = layout.value(key, in: record)
        guard let value = Double(text), range.contains(value) else {
            throw ShuttleConfigurationError(
                file: path, row: record.row,
                "\(layout.header(key)) must be degrees between \(Int(range.lowerBound)) and \(Int(range.upperBound)), not \(text)"
            )
        }
        return value
    }
}
