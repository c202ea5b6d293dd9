import Foundation
import FuheCore
import Synchronization

/// Reading report files into drafts (`fuhe.draft/1`): one draft per report found, each value with
/// the place it came from, a template proposal, and the arithmetic checks found in the text.
///
/// ```swift
/// let drafts = try Intake.drafts(path: "001.txt", templates: BundledTemplates)
/// drafts[0].unit.value        // "绥宁县黄土矿镇人民政府"
/// drafts[0].checks.filter { $0.level == .error }.map(\.message)
/// ```
public enum Intake {
    /// Reads a file (text in any supported encoding, HTML, DOCX, PDF) into drafts.
    public static func drafts(path: String, templates: [IndicatorTemplate]) throws(IntakeError) -> [IntakeDraft] {
        try drafts(IntakeReader.read(path: path), templates: templates)
    }

    /// Index of the first number starting at or after `offset`.
    static func lowerBound(_ numbers: [NumberToken], _ offset: Int) -> Int {
        var lo = 0, hi = numbers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if numbers[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Drafts from text already read.
    public static func drafts(_ read: ReadText, templates: [IndicatorTemplate]) throws(IntakeError) -> [IntakeDraft] {
        let source = SourceText(read.text)
        let (working, cleaning) = Cleaner.clean(source, kind: read.kind)
        let lines = LineSplitter.split(working)
        let numbers = NumberScanner.scan(working)
        let digest = Digest.fnv1a(read.text)
        let segments = ReportSplitter.segments(lines)
        // Reports of a page are independent: read them side by side, keep the page's order.
        let draftAt = { @Sendable (k: Int) -> IntakeDraft? in
            let segment = segments[k]
            let part = Array(lines[segment.first...segment.last])
            let start = part.first?.start ?? 0, end = part.last?.end ?? 0
            guard ReportSplitter.looksLikeReport(working.scalars, start, end) else { return nil }
            let context = ReportContext(source: source, w: working, lines: part,
                                        numbers: Array(numbers[lowerBound(numbers, start)..<lowerBound(numbers, end)]),
                                        isCompilationPart: segment.count > 1)
            return DraftBuilder.draft(context, segment: segment, read: read, cleaning: cleaning, templates: templates, fileDigest: digest)
        }
        var drafts: [IntakeDraft] = []
        if segments.count > 1 {
            let found = Mutex<[Int: IntakeDraft]>([:])
            DispatchQueue.concurrentPerform(iterations: segments.count) { k in
                if let d = draftAt(k) { found.withLock { $0[k] = d } }
            }
            drafts = found.withLock { all in all.keys.sorted().compactMap { all[$0] } }
        } else if let d = segments.isEmpty ? nil : draftAt(0) {
            drafts = [d]
        }
        guard !drafts.isEmpty else {
            let lineCount = lines.filter { $0.kind == .text }.count
            throw IntakeError(file: read.file, "没有找到绩效评价报告（\(lineCount) 行文字中没有“绩效”“自评/评价”以及预算、资金、得分等内容）：请确认文件是单位的绩效自评报告")
        }
        return drafts
    }
}
