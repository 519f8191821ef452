/// What a writer needs to sign checkpoints: the store's key and how often to sign.
public struct CheckpointSigner {
    /// The default of `dayclear serve --checkpoint-every` and of commands run on a data directory.
    public static let defaultInterval: Int64 = 1000

    public let key: CheckpointKeyFile
    /// A checkpoint is signed at every event number that is a multiple of this.
    public let interval: Int64

    /// `interval` must be at least 1; `dayclear serve` refuses a smaller `--checkpoint-every`.
    public init(key: CheckpointKeyFile, interval: Int64 = defaultInterval) {
        self.key = key
        self.interval = interval
    }

    /// Whether event `sequence` gets a checkpoint in the transaction that records it.
    func isDue(at sequence: Int64) -> Bool { sequence % interval == 0 }
}
