import Foundation
import FuheCore

/// Assembles one report's draft from what the extractors found.
enum DraftBuilder {
    static func draft(_ c: ReportContext, segment: ReportSegment, read: ReadText, cleaning: Cleaner.Report,
                      templates: [IndicatorTemplate], fileDigest: String) -> IntakeDraft {
        let titleLine = c.lines.first { $0.kind == .text }
        let (sa, _) = c.w.sourceRange(c.start, c.start + 1)
        let (_, sb) = c.w.sourceRange(max(c.start, c.end - 1), c.end)
        let firstLine = c.source.line(of: sa), lastLine = c.source.line(of: max(sa, sb - 1))
        let text = c.source.lines(firstLine, lastLine)
        var notes: [DraftNote] = []
        var cleaningNotes: [String] = []
        if cleaning.pinyinRemoved > 0 { cleaningNotes.append("去除字后的拼音注音 \(cleaning.pinyinRemoved) 处（如“區(qū)”）") }
        if cleaning.traditionalFolded > 0 { cleaningNotes.append("繁体字按简体比对 \(cleaning.traditionalFolded) 处（原文保留）") }
        if cleaning.numbersJoined > 0 { cleaningNotes.append("接上跨行断开的数字与单位 \(cleaning.numbersJoined) 处") }
        if cleaning.linesJoined > 0 { cleaningNotes.append("接上跨行断开的文字 \(cleaning.linesJoined) 处") }
        var unreadable: [SourceSpan] = []
        for i in sa..<max(sa, sb) where c.source.scalars[i] == "\u{FFFD}" { unreadable.append(c.source.span(i, i + 1)) }
        if !unreadable.isEmpty {
            let lines = Array(Set(unreadable.map(\.line))).sorted()
            let listed = lines.prefix(8).map(String.init).joined(separator: "、") + (lines.count > 8 ? " 等" : "")
            notes.append(DraftNote("有 \(unreadable.count) 个字符无法读出（显示为 �），在第 \(listed) 行：请对照原件核实", spans: Array(unreadable.prefix(20))))
        }

        let tables = merge(PipeTables.read(c), ColumnTables.read(c))
        let scores = ScoreExtractor.read(c, tables: tables)
        let shares = ShareChecks.checks(c)
        var checks = tables.checks + SumChecks.checks(c) + ThreePublicChecks.checks(c, tables: tables) + shares.checks
        checks += ScoreChecks.checks(c, scores, execution: shares.execution)

        let typeValue = HeaderExtractor.evalType(c, title: segment.title)
        var indicators: [DraftIndicator] = []
        for item in scores.items {
            let ownLine = c.line(at: item.start)?.start ?? item.start
            let parent = item.parent.map { scores.items[$0].label } ?? c.heading(before: ownLine - 1).map(\.title)
            let span = c.span(item.start, item.end)
            indicators.append(DraftIndicator(id: "indicator.\(indicators.count + 1)", label: item.label,
                                             parentLabel: parent == item.label ? nil : parent, score: item.score?.text,
                                             weight: item.weight?.text, spans: [span]))
        }
        let proposal = TemplateProposer.propose(indicators: indicators, evalType: typeValue.value.flatMap(EvalType.init), text: TextIndex(c, names: TemplateProposer.names(templates)),
                                                templates: templates)
        var template = DraftValue(value: proposal.template?.id, note: proposal.template.map { "最适合：\($0.name)" } ?? "没有合适的模板，请选择")
        if proposal.template == nil, let best = proposal.candidates.first { template.note = "没有合适的模板（最接近 \(best.id)，吻合度 \(best.fit)），请选择" }

        let figures = FigureExtractor.figures(c, tables: tables).enumerated().map { i, f in
            var fig = f.figure
            fig.id = "figure.\(i + 1)"
            return fig
        }
        let lists = ListExtractor.read(c)
        let problems = lists.problems.enumerated().map { i, p in DraftText(id: "problem.\(i + 1)", text: p.text, spans: [c.span(p.start, p.end)]) }
        let measures = lists.measures.enumerated().map { i, m in DraftText(id: "measure.\(i + 1)", text: m.text, spans: [c.span(m.start, m.end)]) }
        let totals = scores.totals.enumerated().map { i, t in
            DraftItemValue(id: "total.\(i + 1)", value: t.0.text, spans: [c.span(t.1, t.0.unitEnd)])
        }
        if scores.totals.isEmpty { notes.append(DraftNote("报告未写明自评总分")) }
        let source = DraftSource(file: read.file, kind: read.kind, encoding: read.encoding, reportIndex: segment.index,
                                 reportCount: segment.count, title: segment.title, firstLine: firstLine, lastLine: lastLine,
                                 text: text, textDigest: Digest.fnv1a(text), cleaning: cleaningNotes)
        let fit = String(format: "%.2f", proposal.fit)
        return IntakeDraft(id: "D-\(fileDigest.prefix(10))-\(segment.index)", source: source,
                           unit: UnitExtractor.unit(c, title: segment.title, titleLine: titleLine),
                           year: HeaderExtractor.year(c, title: segment.title), evalType: typeValue, template: template,
                           templateFit: proposal.template == nil ? nil : fit, templateCandidates: proposal.candidates,
                           basisDocs: HeaderExtractor.basisDocs(c), reportDate: HeaderExtractor.reportDate(c), totals: totals,
                           grade: scores.grade, indicators: proposal.indicators, figures: figures, problems: problems,
                           measures: measures, checks: CheckMaker.numbered(checks), notes: notes)
    }

    static func merge(_ a: TableReading, _ b: TableReading) -> TableReading {
        var out = a
        out.cells += b.cells
        out.checks += b.checks
        out.pairs += b.pairs
        out.lines.formUnion(b.lines)
        if out.unit.isEmpty { out.unit = b.unit }
        return out
    }
}

/// FNV-1a 64-bit, hex: a short stable name for a text.
enum Digest {
    static func fnv1a(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return String(h, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
