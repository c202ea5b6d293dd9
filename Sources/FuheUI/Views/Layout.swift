import TermCore

/// Where each pane goes for a terminal size. Each pane has a one-line title bar on its first row.
/// `top` rows above the panes and `bottom` rows between the detail area and the status line are
/// left to the caller (the training demo's banner, lesson pane and key strip).
public struct Layout: Equatable, Sendable {
    public var units: Rect
    public var sheet: Rect
    public var items: Rect
    public var detail: Rect
    public var status: Rect
    /// The rows left between the detail area and the status line (`bottom` of them).
    public var reserved: Rect
    /// Rows left above the panes.
    public var top: Int
    /// Too small to show the workstation.
    public var tooSmall: Bool

    public init(width: Int, height: Int, top: Int = 0, bottom: Int = 0) {
        let inner = height - top - bottom
        self.top = top
        tooSmall = width < 60 || inner < 16
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        reserved = Rect(x: 0, y: height - 1 - bottom, width: width, height: bottom)
        let detailHeight = inner >= 40 ? 9 : inner >= 30 ? 7 : 5
        let itemsHeight = inner >= 40 ? 11 : inner >= 30 ? 7 : 5
        let topHeight = max(3, inner - 1 - detailHeight - itemsHeight)
        let unitsWidth = width >= 200 ? 60 : width >= 150 ? 52 : width >= 110 ? 42 : max(28, width * 33 / 100)
        units = Rect(x: 0, y: top, width: unitsWidth, height: topHeight)
        sheet = Rect(x: unitsWidth + 1, y: top, width: width - unitsWidth - 1, height: topHeight)
        items = Rect(x: 0, y: top + topHeight, width: width, height: itemsHeight)
        detail = Rect(x: 0, y: top + topHeight + itemsHeight, width: width, height: detailHeight)
    }

    /// The layout of a state: in the training demo the banner, lesson pane and key strip take
    /// their rows first (`TrainingRows`).
    public init(_ state: AppState) {
        let rows = TrainingRows(state)
        self.init(width: state.width, height: state.height, top: rows.banner, bottom: rows.lesson + rows.strip)
    }

    /// Rows available for list content inside a pane (below its title bar).
    public static func bodyHeight(_ rect: Rect) -> Int { max(0, rect.height - 1) }
}

/// How many rows the training demo takes: the banner (always: it must never be missed), then the
/// lesson pane and the key strip of presentation mode, each only if the workstation keeps the 16
/// rows it needs.
public struct TrainingRows: Equatable, Sendable {
    public var banner = 0
    public var lesson = 0
    public var strip = 0

    public init(_ state: AppState) {
        guard let training = state.training else { return }
        banner = 1
        var spare = state.height - 16 - banner
        func take(_ rows: Int, minimum: Int) -> Int {
            let n = min(rows, spare)
            guard n >= minimum else { return 0 }
            spare -= n
            return n
        }
        if let lesson = training.lesson {
            let wanted = state.height >= 40 ? min(9, lesson.steps.count + 3) : state.height >= 30 ? 6 : 4
            // The pane grows for a current step and note that need more rows (read whole), but
            // leaves presentation mode its key strip.
            let needed = min(LessonPaneView.neededRows(lesson, width: state.width), spare - (training.presenting ? 1 : 0))
            self.lesson = take(max(4, wanted, needed), minimum: 3)
        }
        if training.presenting { strip = take(1, minimum: 1) }
    }
}
