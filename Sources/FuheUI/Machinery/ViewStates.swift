/// The state of a pane or another view, kept in `AppState` by its type: `state[UnitsPane.self]`.
/// A new view declares its state type and reads and changes it there, without adding a field
/// to `AppState`.
public protocol ViewState: Sendable {
    /// The state before anything happened.
    init()
}

/// Each view's state by type. Changing one takes it out and puts it back, so a pane's large
/// lists are changed in place, never copied.
public struct ViewStates: Sendable {
    private var storage: [ObjectIdentifier: any ViewState] = [:]

    public init() {}

    public subscript<V: ViewState>(_ type: V.Type) -> V {
        get { storage[ObjectIdentifier(type)] as? V ?? V() }
        _modify {
            let key = ObjectIdentifier(type)
            var value = storage.removeValue(forKey: key) as? V ?? V()
            defer { storage[key] = value }
            yield &value
        }
        set { storage[ObjectIdentifier(type)] = newValue }
    }
}
