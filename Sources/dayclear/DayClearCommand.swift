import ArgumentParser

@main
struct DayClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dayclear",
        abstract: "Dispatch donated emergency supplies: two lists, one approval group, cleared the same day.",
        subcommands: [
            InitCommand.self, DemoCommand.self, ImportCommand.self, ListsCommand.self,
            ReceiveCommand.self, ValueCommand.self, ProposeCommand.self, AllowSubstituteCommand.self,
            RevokeSubstituteCommand.self, ApproveCommand.self,
            ReturnCommand.self, RejectCommand.self, CancelCommand.self, ResubmitCommand.self,
            DispatchCommand.self, DeliverCommand.self, PaperworkDoneCommand.self,
            HistoryCommand.self, ExportCommand.self, TUICommand.self, PlanCommand.self, RouteCommand.self,
            VerifyCommand.self,
            RosterCommand.self, ServeCommand.self, BackupCommand.self,
        ],
        // Plain `dayclear` opens the terminal UI: on a configured host it reaches the server's socket.
        defaultSubcommand: TUICommand.self
    )
}
