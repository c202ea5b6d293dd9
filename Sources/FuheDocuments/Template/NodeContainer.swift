/// Something with child nodes: an element, or a section the compiler wrapped around siblings.
protocol NodeContainer: AnyObject {
    var children: [XMLNode] { get set }
}

extension XMLElement: NodeContainer {}
extension TemplateSection: NodeContainer {}

/// One step of a path from the root down to a node: the container and the child's index in it.
struct PathStep {
    let container: any NodeContainer
    let index: Int
}

enum NodePaths {
    /// Every tag in document order with its path (the last step holds the tag itself).
    static func tags(in root: XMLElement) -> [(tag: TemplateTag, path: [PathStep])] {
        var out: [(TemplateTag, [PathStep])] = []
        var path: [PathStep] = []
        func walk(_ container: any NodeContainer) {
            for (i, child) in container.children.enumerated() {
                path.append(PathStep(container: container, index: i))
                switch child {
                case .tag(let t): out.append((t, path))
                case .element(let e): walk(e)
                case .section(let s): walk(s)
                case .text, .raw: break
                }
                path.removeLast()
            }
        }
        walk(root)
        return out
    }

    /// Removes the tag at the end of `path` from its container.
    static func remove(_ path: [PathStep]) {
        guard let last = path.last else { return }
        last.container.children.remove(at: last.index)
    }
}
