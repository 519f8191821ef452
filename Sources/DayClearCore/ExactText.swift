/// A string compared and hashed by its UTF-8 bytes, as written. Swift's `==` holds composed and
/// decomposed spellings (é as one scalar or two) equal and hashes in Unicode normal form: the
/// snapshot's string table must not merge two spellings (a record would come back with another
/// record's bytes), and `ItemNumbers` must not pay for the normalisation.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
