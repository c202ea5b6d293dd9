import FuheCore

/// The store's names for FuheCore's shared encodings (one encoding for every store and the wire).
typealias JSONColumn = StoredJSON
typealias ISO = JournalTime
