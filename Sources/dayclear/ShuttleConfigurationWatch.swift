import DayClearApp
import DayClearCore
import DayClearRouting
import DayClearStore
import Foundation

/// Keeps the TUI's shuttle configuration current: re-reads `centre.csv`, `vehicles.csv` and
/// `pack-volumes.csv` when one of them changes on disk or the ledger moves on (the known
/// kinds+specs it is checked against may have changed).
struct ShuttleConfigurationWatch {
    let directory: URL
    private var stamp: [String]?

    init(directory: URL) { self.directory = directory }

    mutating func refresh(_ state: inout AppState, ledger: Ledger) {
        let names = [
            ShuttleConfigurationFiles.centre, ShuttleConfigurationFiles.vehicles, ShuttleConfigurationFiles.packVolumes,
        ]
        let current =
            ["\(ledger.lastSequence)"]
            + names.map { name in
                let path = directory.appendingPathComponent(name).path
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
                let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
                return "\(modified):\(size)"
            }
        guard current != stamp else { return }
        stamp = current
        state.shuttleConfiguration = Result { () throws(ShuttleConfigurationError) -> ShuttleConfiguration in
            try ShuttleConfigurationFiles.load(from: directory, ledger: ledger)
        }
    }
}
