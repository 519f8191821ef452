import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty data directory for one relief centre.")

    @OptionGroup var data: DataOptions

    @Option(help: "The daily cutoff (HH:MM) after which arrivals count for the next day.")
    var cutoff = "16:00"

    @Option(help: "The centre's time zone (IANA name). Defaults to this machine's.")
    var timeZone = TimeZone.current.identifier

    func run() throws {
        guard let minutes = OperationalCalendar.minutes(fromClock: cutoff) else {
            throw CommandError("--cutoff expects HH:MM, e.g. 16:00; got \(cutoff)")
        }
        guard TimeZone(identifier: timeZone) != nil else {
            throw CommandError("unknown time zone \(timeZone), e.g. Asia/Shanghai")
        }
        _ = try data.directory.initialise(
            actor: currentUserName(),
            calendar: CalendarSettings(timeZoneIdentifier: timeZone, cutoffMinutes: minutes))
        try ShuttleConfigurationFiles.writeDefaults(to: data.directory.url)
        print("Initialised \(data.directory.url.path) (cutoff \(cutoff), \(timeZone)).")
        print(
            "Checkpoints are signed with \(data.directory.url.appendingPathComponent(CheckpointKeyFile.fileName).path) "
                + "(readable by you only); back it up.")
        print(
            "The shuttle's centre, vehicles and pack volumes are in \(ShuttleConfigurationFiles.centre), "
                + "\(ShuttleConfigurationFiles.vehicles) and \(ShuttleConfigurationFiles.packVolumes) there.")
    }
}
