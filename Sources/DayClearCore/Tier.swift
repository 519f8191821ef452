/// The priority tier of a recipient; a lower rank is served first.
public enum Tier: Int, CaseIterable, Codable, Comparable, Sendable {
    /// 定点医院 (front-line designated hospital).
    case frontLineHospital = 1
    /// 其他医院.
    case otherHospital = 2
    /// 区疾控/卫健 offices.
    case districtOffice = 3
    /// 社区、卡口.
    case community = 4

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The Chinese label used in files and on screen.
    public var chineseName: String {
        switch self {
        case .frontLineHospital: return "定点医院"
        case .otherHospital: return "其他医院"
        case .districtOffice: return "区疾控"
        case .community: return "社区卡口"
        }
    }

    public var englishName: String {
        switch self {
        case .frontLineHospital: return "front-line hospital"
        case .otherHospital: return "other hospital"
        case .districtOffice: return "district office"
        case .community: return "community/checkpoint"
        }
    }
}
