import Testing
import FuheCore
@testable import FuheStore

/// What every per-type stored reader's test asks: `StoredJSON.decodeRow` reads `text` itself (it
/// must not refuse what the store wrote) into the value Foundation's `JSONDecoder` reads, and
/// `StoredJSON.decode` answers the same.
func readsLikeFoundation<T: Decodable & Hashable>(
    _ text: String, as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let foundation = try StoredJSON.decodeWithFoundation(T.self, text)
    let row = try StoredJSON.decodeRow(T.self, text)
    #expect(row == foundation, "\(T.self): \(text.prefix(300))", sourceLocation: sourceLocation)
    #expect(try StoredJSON.decode(T.self, text) == foundation, sourceLocation: sourceLocation)
    // The same read from the text's bytes (how `fuhe check` hands the stored rows on).
    #expect(try StoredJSON.decodeRow(T.self, utf8: Array(text.utf8)) == foundation, sourceLocation: sourceLocation)
    #expect(try StoredJSON.decode(T.self, utf8: Array(text.utf8)) == foundation, sourceLocation: sourceLocation)
}

/// An odd but valid text (spaces, escapes, extra members, other number forms): `StoredJSON.decode`
/// answers as Foundation does; `decodeRow` reads it itself when `direct`, else refuses it so that
/// it is handed on to Foundation.
func expectReadOrHandedOn<T: Decodable & Equatable>(
    _ text: String, direct: Bool, as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let foundation = try? StoredJSON.decodeWithFoundation(T.self, text)
    #expect((try? StoredJSON.decode(T.self, text)) == foundation, "\(text)", sourceLocation: sourceLocation)
    #expect((try? StoredJSON.decode(T.self, utf8: Array(text.utf8))) == foundation, "\(text)", sourceLocation: sourceLocation)
    if direct {
        #expect(foundation != nil, "\(text)", sourceLocation: sourceLocation)
        #expect(try StoredJSON.decodeRow(T.self, text) == foundation, "\(text)", sourceLocation: sourceLocation)
    } else {
        #expect(throws: (any Error).self, "\(text)", sourceLocation: sourceLocation) { try StoredJSON.decodeRow(T.self, text) }
    }
}
