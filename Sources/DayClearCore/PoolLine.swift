/// One line of the pool being planned, as sharing and assigning lots read and change it.
///
/// A pool's lines are copied into one array of these, in the order they are shared, when the pool is
/// planned, and their remaining need is written back once it is done: every pass over the pool then
/// reads 40 bytes in sequence instead of a demand somewhere in the day's array.
struct PoolLine {
    /// Index into `PlanningInput.demands`: the line's tie rank.
    var demand: Int
    /// The arrival class of the line in this pool: it may take lots of class ≤ this one.
    var lineClass: Int
    var tier: Tier
    /// The water-filling weight's base: the units asked.
    var asked: Int
    /// Units still to find; lowered as the pool awards them.
    var need: Int
    /// Units awarded from this pool.
    var award = 0
}
