/// A vehicle of the postal shuttle fleet (邮政专车).
public struct Vehicle: Hashable, Sendable {
    public var id: String
    public var name: String
    /// What one run can carry, in millilitres of packed goods.
    public var capacityMillilitres: Int
    /// How many runs it makes in a day; each leaves from and returns to the relief centre.
    public var runsPerDay: Int

    public init(id: String, name: String, capacityMillilitres: Int, runsPerDay: Int = 1) {
        self.id = id
        self.name = name
        self.capacityMillilitres = capacityMillilitres
        self.runsPerDay = runsPerDay
    }
}
