import Foundation

/// Volumes are kept in whole millilitres and shown in litres.
public enum Litres {
    /// `9000`, `2.5`: whole litres without decimals, else one decimal.
    public static func text(_ millilitres: Int) -> String {
        millilitres % 1000 == 0 ? "\(millilitres / 1000)" : String(format: "%.1f", Double(millilitres) / 1000)
    }
}
