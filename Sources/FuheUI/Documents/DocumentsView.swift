import TermCore

extension CommandID {
    public static let documentsClose = CommandID("documents.close")
}

extension CommandScope {
    public static let documents = CommandScope("documents", title: "文书 Documents", rank: 64)
}

extension KeyOutcome.Context {
    public static let documents = KeyOutcome.Context(rawValue: "documents")
}

/// Where the documents `report.write` wrote went — the folder and each file, a note about the
/// folder, the draft mark — or why nothing was written and where the folder is set. Lines wrap
/// by display width with their continuation under the text, so long paths stay readable at 80×24.
public struct DocumentsView: Overlay, CommandProvider, Hashable {
    /// One line: a label ("文件夹 ", "✓ 复核意见书  ") and its text, which wraps under itself.
    public struct Line: Sendable, Hashable {
        public var label: String
        public var text: String
        public var style: Style
    }

    public var title: String
    public var lines: [Line]

    public static let context = KeyOutcome.Context.documents
    public var keyScopes: [CommandScope] { [.documents] }

    static let commands: [WorkstationCommand] = [
        .on(DocumentsView.self, .documentsClose, [.escape, .enter, .character("q")], .documents, "知道了（关闭）") { _, ctx, _ in ctx.closeTop() },
    ]

    /// The box after writing: the folder, each file, and what else the user should know.
    static func written(_ request: DocumentsRequest, _ written: WrittenDocuments, place: DocumentsPlace) -> DocumentsView {
        var lines = [Line(label: "文件夹 ", text: written.folder + (written.madeFolder ? "（新建）" : ""), style: .plain)]
        for file in written.files {
            lines.append(Line(label: "✓ \(file.title)  ", text: file.name, style: .bold))
        }
        if let failure = written.failure {
            lines.append(Line(label: "✗ ", text: failure, style: Style(bold: true, foreground: .red)))
        }
        if let progress = request.unreviewed {
            lines.append(Line(label: "", text: "复核未完成（已复核 \(progress) 行）：意见书标为“复核未完成稿”。", style: .plain))
        }
        if let note = place.note { lines.append(Line(label: "", text: note, style: .plain)) }
        lines.append(Line(label: "", text: "文件仅本人可读写（0600）；已有同名文件时另存为“（2）”，从不覆盖。", style: .dim))
        return DocumentsView(title: "已写出文书 · \(request.unitName)", lines: lines)
    }

    /// The box when nothing was written: why, which setting chose the folder, how to choose another.
    static func failed(_ request: DocumentsRequest, _ reason: String, place: DocumentsPlace) -> DocumentsView {
        var lines = [Line(label: "✗ ", text: reason, style: Style(bold: true, foreground: .red))]
        if !place.folder.isEmpty {
            lines.append(Line(label: "", text: "文书文件夹 \(place.folder) 来自\(place.origin)。", style: .plain))
        }
        if let how = place.howToChange { lines.append(Line(label: "", text: how, style: .plain)) }
        if let note = place.note { lines.append(Line(label: "", text: note, style: .plain)) }
        return DocumentsView(title: "未写出文书 · \(request.unitName)", lines: lines)
    }

    /// The lines wrapped to `width`.
    func wrapped(width: Int) -> [(text: String, style: Style)] {
        lines.flatMap { line -> [(text: String, style: Style)] in
            let indent = DisplayWidth.of(line.label)
            let pad = String(repeating: " ", count: indent)
            let body = line.text.wrapped(toWidth: max(10, width - indent))
            return body.enumerated().map { (($0.offset == 0 ? line.label : pad) + $0.element, line.style) }
        }
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let width = min(96, frame.screen.width - 2)
        let body = wrapped(width: width - 4)
        let height = min(frame.screen.height - 2, body.count + 4)
        let inner = OverlayBox.draw(title: title, width: width, height: height, in: frame.screen, into: &buffer)
        for (i, line) in body.prefix(max(0, inner.height - 2)).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + i, style: line.style, maxWidth: inner.width, clip: inner)
        }
        buffer.put("\(state.key(.documentsClose)) 知道了", x: inner.x, y: inner.maxY - 1, style: .dim, maxWidth: inner.width, clip: inner)
    }
}
