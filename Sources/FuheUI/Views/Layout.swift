import TermCore

/// Where each pane goes for a terminal size. Each pane has a one-line title bar on its first row.
public struct Layout: Equatable, Sendable {
    public var units: Rect
    public var sheet: Rect
    public var items: Rect
    public var detail: Rect
    public var status: Rect
    /// Too small to show the workstation.
    public var tooSmall: Bool

    public init(width: Int, height: Int) {
        tooSmall = width < 60 || height < 16
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let detailHeight = height >= 40 ? 9 : height >= 30 ? 7 : 5
        let itemsHeight = height >= 40 ? 11 : height >= 30 ? 7 : 5
        let topHeight = max(3, height - 1 - detailHeight - itemsHeight)
        let unitsWidth = width >= 200 ? 60 : width >= 150 ? 52 : width >= 110 ? 42 : max(28, width * 33 / 100)
        units = Rect(x: 0, y: 0, width: unitsWidth, height: topHeight)
        sheet = Rect(x: unitsWidth + 1, y: 0, width: width - unitsWidth - 1, height: topHeight)
        items = Rect(x: 0, y: topHeight, width: width, height: itemsHeight)
        detail = Rect(x: 0, y: topHeight + itemsHeight, width: width, height: detailHeight)
    }

    /// Rows available for list content inside a pane (below its title bar).
    public static func bodyHeight(_ rect: Rect) -> Int { max(0, rect.height - 1) }
}
