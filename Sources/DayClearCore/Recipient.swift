/// 受援单位: a hospital, district office or checkpoint that receives goods.
public struct Recipient: Equatable, Codable, Sendable {
    public var id: RecipientID
    public var name: String
    public var tier: Tier
    public var latitude: Double
    public var longitude: Double
    /// Contact person and telephone, as free text.
    public var contact: String

    public init(
        id: RecipientID, name: String, tier: Tier, latitude: Double, longitude: Double,
        contact: String
    ) {
        self.id = id
        self.name = name
        self.tier = tier
        self.latitude = latitude
        self.longitude = longitude
        self.contact = contact
    }
}
