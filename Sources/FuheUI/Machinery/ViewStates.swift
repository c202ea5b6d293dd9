/// The state of a pane or another view, kept in `AppState` by its type: `state[UnitsPane.self]`.
/// A new view declares its state type and reads and changes it there, without adding a field
/// to `AppState`.
public protocol ViewState: Sendable {
    /// The state before anything happened.
    init()
}

/// Each view's state by type, each in a box of its own keyed by that type, so that reading one
/// (every key reads the focused pane's cursor several times) neither casts nor copies it, and
/// changing one changes it in place. The boxes are copied on write: an `AppState` copy (the
/// frame renderer keeps the last one) shares them until either side changes a view, which then
/// gets a box of its own — the value semantics of a dictionary of values.
public struct ViewStates: Sendable {
    private var storage: [ObjectIdentifier: ViewBox] = [:]

    public init() {}

    public subscript<V: ViewState>(_ type: V.Type) -> V {
        _read {
            if let box = storage[ObjectIdentifier(type)] {
                // The key is the value's type: the box holds a `V`.
                yield unsafeDowncast(box, to: TypedViewBox<V>.self).value
            } else {
                yield V()
            }
        }
        _modify {
            let key = ObjectIdentifier(type)
            let box: TypedViewBox<V>
            if let index = storage.index(forKey: key) {
                // Unique unless another AppState shares it (or the dictionary is shared, which
                // this access copies first): then this state gets its own copy.
                if !isKnownUniquelyReferenced(&storage.values[index]) {
                    storage.values[index] = TypedViewBox(unsafeDowncast(storage.values[index], to: TypedViewBox<V>.self).value)
                }
                box = unsafeDowncast(storage.values[index], to: TypedViewBox<V>.self)
            } else {
                box = TypedViewBox(V())
                storage[key] = box
            }
            yield &box.value
        }
        set {
            let key = ObjectIdentifier(type)
            if let index = storage.index(forKey: key), isKnownUniquelyReferenced(&storage.values[index]) {
                unsafeDowncast(storage.values[index], to: TypedViewBox<V>.self).value = newValue
            } else {
                storage[key] = TypedViewBox(newValue)
            }
        }
    }
}

/// A view's state in a box (see ``ViewStates``). Only ``ViewStates`` changes it, and only when
/// no other state shares it.
class ViewBox: @unchecked Sendable {}

/// Its parameter is unconstrained: making `TypedViewBox<UnitsPane>` at run time then needs no
/// search of the binary's conformance records for `UnitsPane: ViewState` (one per view type at start).
final class TypedViewBox<V>: ViewBox, @unchecked Sendable {
    var value: V
    init(_ value: V) { self.value = value }
}
