import Foundation

/// A point on the Earth's surface, in decimal degrees.
public struct Coordinate: Hashable, Codable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The mean Earth radius (IUGG), in metres.
    public static let earthRadiusMetres = 6_371_008.8

    /// The great-circle distance to `other` in metres, by the haversine formula.
    ///
    /// Roads are longer than the great circle; the routes only need distances that rank
    /// the same way, and the haversine form stays accurate for the short hops of a city.
    public func metres(to other: Coordinate) -> Double {
        let φ1 = latitude * .pi / 180
        let φ2 = other.latitude * .pi / 180
        let Δφ = φ2 - φ1
        let Δλ = (other.longitude - longitude) * .pi / 180
        let a = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * Coordinate.earthRadiusMetres * asin(min(1, sqrt(a)))
    }
}
