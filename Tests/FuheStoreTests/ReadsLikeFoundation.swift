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
}
