import Foundation
import Testing
import FuheCore
@testable import FuheDocuments

/// The generated DOCX and XLSX as LibreOffice reads them: converted to PDF (and CSV) by
/// `soffice`, then read with pdftotext. A missing LibreOffice or poppler fails these tests.
@Suite struct ReaderFidelityTests {
    private func outputs() throws -> ReaderOutputs { try ReaderOutputs.shared.get() }

    /// The scoresheet as the document must show it, row by row: code, name, and the scores.
    private func scoresheetLines(_ o: ReaderOutputs, _ id: String, withDiff: Bool = true) throws -> [String] {
        let d = try #require(o.dossiers[id]), scored = try #require(o.scored[id])
        let parents = d.template.parentIDs
        return d.template.nodes.map { node in
            let row = d.result(for: node.id)
            let isParent = parents.contains(node.id)
            // A parent shows the unit's stated subtotal, else the roll-up of its rows.
            let selfScore = row.selfScore?.description ?? (isParent ? DocText.rollup(scored.score(node.id, .selfStated)) : "")
            let review = isParent ? DocText.rollup(scored.score(node.id, .review)) : (row.reviewScore?.description ?? "")
            return "\(node.code)\(node.name)\(DocText.weight(node))" + selfScore + review + (withDiff ? DocText.diff(scored.rowDiff(node.id)) : "")
        }
    }

    @Test func reviewOpinionOfHeshanHasEverythingInOrder() throws {
        let o = try outputs()
        let d = try #require(o.dossiers[ReaderOutputs.heshan])
        let text = try #require(o.text["review-heshan"])
        var expected = ["关于益阳市赫山区政务服务中心2021年度部门整体支出绩效自评的复核意见", "复核未完成稿：已复核0/21项",
                        "益阳市赫山区政务服务中心：", "一、复核基本情况", "T4湖南县级部门整体支出绩效自评指标表", "二、复核结论",
                        "你单位自评报告未填报综合得分", "（一）各一级指标得分对比", "1投入10.00", "2过程50.00", "3产出及效率40.00",
                        "合计100.00未填报", "（二）变化较大的指标及原因", "三、复核评分表", "编码指标分值自评复核差异扣分原因"]
        expected += try scoresheetLines(o, ReaderOutputs.heshan)
        expected += ["四、发现的问题"] + d.findings.map { "【\($0.category.label)】\($0.description)" }
        expected += ["五、整改要求"] + d.items.sorted { $0.seq < $1.seq }.map { $0.measure }
        expected += ["复核组组长（签字）", "复核组成员（签字）", "益阳市赫山区财政局", "年月日"]
        #expect(ReaderOutputs.firstMissing(expected, in: text) == nil, "\(ReaderOutputs.firstMissing(expected, in: text) ?? "")")
    }

    @Test func reviewOpinionFiguresAreTheEngines() throws {
        let o = try outputs()
        for id in [ReaderOutputs.yizhang, ReaderOutputs.fupin] {
            let d = try #require(o.dossiers[id]), scored = try #require(o.scored[id])
            let stem = id == ReaderOutputs.yizhang ? "review-yizhang" : "review-fupin"
            let text = try #require(o.text[stem])
            let dev = try #require(scored.deviation)
            let total = try #require(scored.total(.review).value)
            var expected = ["自评总分\(dev.selfTotal)分", "复核总分\(total)分",
                            "偏差率\(DocText.percent(dev.rate))"]
            for root in d.template.nodes where root.parentID == nil && root.kind != .trial {
                expected.append(root.code + root.name + DocText.weight(root) + DocText.rollup(scored.score(root.id, .selfStated))
                                + DocText.rollup(scored.score(root.id, .review)) + DocText.diff(scored.rowDiff(root.id)))
            }
            expected.append("合计\(d.template.baseTotal)\(dev.selfTotal)\(total)\(dev.diff.signedDescription)")
            expected += try scoresheetLines(o, id)
            #expect(ReaderOutputs.firstMissing(expected, in: text) == nil, "\(stem): \(ReaderOutputs.firstMissing(expected, in: text) ?? "")")
            // Every deduction reason is printed in full.
            for r in d.results.values { if let reason = r.deductionReason { #expect(ReaderOutputs.squeezed(text).contains(ReaderOutputs.squeezed(reason))) } }
        }
    }

    @Test func layoutRepeatsTableHeadersNumbersPagesAndUsesChineseFonts() throws {
        let o = try outputs()
        for stem in ["review-heshan", "review-yizhang", "notice-heshan", "cycle"] {
            let text = try #require(o.text[stem])
            let pages = try #require(o.pages[stem])
            #expect(pages >= 2, "\(stem)")
            // Page numbers "— n —" on every page, in order, on lines of their own.
            let numbers = text.split(separator: "\n").compactMap { line -> Int? in
                guard line.hasPrefix("— "), line.hasSuffix(" —") else { return nil }
                return Int(line.dropFirst(2).dropLast(2))
            }
            #expect(numbers == Array(1...pages), "\(stem) page numbers \(numbers)")
            // CJK text is set in a Noto CJK font (what LibreOffice maps 仿宋_GB2312, 黑体 … to here).
            let fonts = try #require(o.fonts[stem])
            #expect(fonts.contains { $0.contains("NotoSansCJK") || $0.contains("NotoSerifCJK") }, "\(stem): \(fonts)")
        }
        // The scoresheet runs over pages and its header row comes back on each.
        let yizhang = ReaderOutputs.squeezed(try #require(o.text["review-yizhang"]))
        #expect(yizhang.components(separatedBy: "编码指标分值自评复核差异扣分原因").count - 1 >= 2)
    }

    @Test func noticeListsOpenItemsWithDeadlinesEvidenceAndWhomToReportTo() throws {
        let o = try outputs()
        for (id, stem) in [(ReaderOutputs.heshan, "notice-heshan"), (ReaderOutputs.yueyang, "notice-yueyang")] {
            let d = try #require(o.dossiers[id])
            let text = try #require(o.text[stem])
            let open = d.items.filter { $0.status.isOpen }.sorted { $0.seq < $1.seq }
            var expected = ["关于\(d.unit.name)\(d.cycle.fiscalYear)年度绩效自评复核发现问题的整改通知", "\(d.unit.name)：",
                            "一、存在的问题及整改要求"]
            for item in open {
                let finding = d.findings.first { $0.id == item.findingID }
                let node = finding?.nodeID.flatMap { d.template.node(id: $0) }
                expected += ["\(item.seq).\(item.measure)", "整改类型：\(item.rectType.label)", "责任单位：\(item.respUnit)",
                             "责任人：\(item.respPerson)", "整改时限：\(DocText.date(item.deadline))",
                             "销号须报送：\(ClosingEvidence.expected(for: finding, node: node))"]
            }
            expected += ["二、整改时限和报送要求", "报送\(d.cycle.issuer ?? "")", "三、整改事项清单"]
            expected += open.map(\.measure)
            #expect(ReaderOutputs.firstMissing(expected, in: text) == nil, "\(stem): \(ReaderOutputs.firstMissing(expected, in: text) ?? "")")
            for closed in d.items where !closed.status.isOpen {
                #expect(!ReaderOutputs.squeezed(text).contains(ReaderOutputs.squeezed(closed.measure)), "\(stem) lists a closed item")
            }
        }
        // Whom to report back to names the review team's leader where there is one.
        let yueyang = try #require(o.dossiers[ReaderOutputs.yueyang])
        let leader = try #require(yueyang.review?.leader)
        #expect(ReaderOutputs.squeezed(try #require(o.text["notice-yueyang"])).contains(ReaderOutputs.squeezed("联系人：复核组组长\(leader.name)")))
    }

    @Test func cycleReportHasTheFiguresTheChartAndEveryUnit() throws {
        let o = try outputs()
        let text = try #require(o.text["cycle"])
        var followUps: [DossierFollowUp] = []
        for u in o.units { if let d = o.dossiers[u.dossierID] { followUps.append(DossierFollowUp(d)) } }
        let summary = CycleSummary(units: o.units, followUps: followUps, schemes: ["MOF_4": .mof4], today: o.today)
        var expected = ["关于2017—2021年度预算绩效自评复核结果的通报", "各有关单位：", "本次复核共涉及\(o.units.count)个单位",
                        "自评平均分\(try #require(summary.averageSelf))分", "复核平均分\(try #require(summary.averageReview))分",
                        "自评与复核等次分布（\(summary.comparisons.count)个单位）", "自评等次", "复核等次", "表1自评与复核等次分布"]
        expected += summary.gradeLabels.map { "\($0)\(summary.selfGradeCounts[$0] ?? 0)\(summary.reviewGradeCounts[$0] ?? 0)" }
        expected += ["三、自评与复核偏差较大的单位"] + summary.byDeviation.map { o.dossiers[$0.summary.dossierID]?.unit.name ?? "" }
        expected += ["四、复核发现的问题", "复核共发现问题\(summary.findingCount)个"]
        expected += summary.categories.map { "\($0.category.label)\($0.findings)\($0.units)\($0.amount?.formatted() ?? "超出可计算范围")" }
        expected += ["五、整改情况", "共提出整改事项\(summary.itemCount)项", "逾期未整改\(summary.overdueItems)项", "附件"]
        expected += o.units.enumerated().map { "\($0.offset + 1)\(o.dossiers[$0.element.dossierID]?.unit.name ?? "")\($0.element.evalType.label)" }
        #expect(ReaderOutputs.firstMissing(expected, in: text) == nil, "\(ReaderOutputs.firstMissing(expected, in: text) ?? "")")
    }

    @Test func ledgerWorkbookOpensWithValuesAndDatesIntact() throws {
        let o = try outputs()
        let sheet = try #require(o.csv["ledger-整改台账"])
        let lines = sheet.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines.first?.hasPrefix(LedgerRow.columns.joined(separator: ",")) == true)
        #expect(lines.count == o.ledgerRows.count + 1)
        for (row, line) in zip(o.ledgerRows, lines.dropFirst()) {
            let cells = CSVLine.split(line)
            #expect(cells.count == LedgerRow.columns.count, "\(line)")
            guard cells.count == LedgerRow.columns.count else { continue }
            #expect(cells[0] == String(row.seq))
            #expect(cells[1] == row.unitName)
            #expect(cells[6] == row.measure)
            #expect(cells[10] == row.deadline.description, "deadline of \(row.unitName) \(row.seq)")
            let column = { (name: String) in LedgerRow.columns.firstIndex(of: name) ?? 0 }
            #expect(cells[column("销号日期")] == (row.closedOn?.description ?? ""))
            #expect(cells[column("状态")] == row.status.label)
            #expect(cells[column("剩余/逾期天数")] == row.dueText)
            #expect(cells[column("下次检查日")] == (row.nextCheck?.description ?? ""))
        }
        let summary = try #require(o.csv["ledger-按单位汇总"])
        let summaryLines = summary.split(separator: "\n").map(String.init)
        #expect(summaryLines.count == Set(o.ledgerRows.map(\.dossierID)).count + 2)
        #expect(summaryLines.last?.hasPrefix("\"合计（") == true || summaryLines.last?.hasPrefix("合计（") == true)
        // The ledger prints too (values, dates, overdue marks are on the sheet).
        #expect(ReaderOutputs.firstMissing(["序号", "被评价单位", "整改时限", o.ledgerRows[0].deadline.description], in: try #require(o.text["ledger"])) == nil)
    }

    @Test func textThatLooksLikeAFormulaStaysText() throws {
        let o = try outputs()
        let sheet = try #require(o.csv["hostile-整改台账"])
        let lines = sheet.split(separator: "\n").map(String.init).dropFirst()
        for (i, line) in lines.enumerated() where i < ReaderOutputs.hostile.count {
            let cells = CSVLine.split(line)
            #expect(cells[6] == ReaderOutputs.hostile[i], "measure \(i): \(cells[6])")
            #expect(cells[9] == ReaderOutputs.hostile[ReaderOutputs.hostile.count - 1 - i])
        }
    }

    @Test func bureauTemplatesMakeTheSameDocuments() throws {
        let o = try outputs()
        let d = try #require(o.dossiers[ReaderOutputs.heshan])
        let review = try #require(o.text["bureau-review-heshan"])
        var expected = ["2021年度绩效自评复核意见书", "被评价单位：益阳市赫山区政务服务中心"]
        expected += d.template.nodes.map { "\($0.code)\($0.name)" }
        expected += d.findings.map { "问题\($0.seq)：\($0.description)" }
        expected += ["整改要求："] + d.items.sorted { $0.seq < $1.seq }.map { "\($0.seq)、\($0.measure)（\($0.respUnit)，\(DocText.date($0.deadline))前完成）" }
        // The bureau's page header (a field) is drawn inside paragraphs that run over a page.
        let header = ["益阳市赫山区政务服务中心　2021年度"]
        #expect(ReaderOutputs.squeezed(review).hasPrefix(ReaderOutputs.squeezed(header[0])))
        let missing = ReaderOutputs.firstMissing(expected, in: review, ignoring: header)
        #expect(missing == nil, "\(missing ?? "")")
        let yz = try #require(o.text["bureau-review-yizhang"])
        let scored = try #require(o.scored[ReaderOutputs.yizhang])
        let yzMissing = ReaderOutputs.firstMissing(["复核总分：\(try #require(scored.total(.review).value))"]
                                                   + (try scoresheetLines(o, ReaderOutputs.yizhang, withDiff: false)), in: yz)
        #expect(yzMissing == nil, "\(yzMissing ?? "")")
        let notice = try #require(o.text["bureau-notice-heshan"])
        let open = d.items.filter { $0.status.isOpen }.sorted { $0.seq < $1.seq }
        let noticeMissing = ReaderOutputs.firstMissing(["整改通知（赫山区政务服务中心）"]
                                                       + open.map { "\($0.seq)\($0.measure)\($0.respPerson)\($0.deadline)" }, in: notice)
        #expect(noticeMissing == nil, "\(noticeMissing ?? "")")
        // The bureau's table lets rows break across pages: the repeated header lands inside a row and
        // a long name's end goes to the next page, so units are checked by the start of their names.
        let cycle = try #require(o.text["bureau-cycle"])
        let cycleMissing = ReaderOutputs.firstMissing(["复核结果通报", "共复核\(o.units.count)个单位", "自评与复核等次分布"]
                                                      + o.units.map { String((o.dossiers[$0.dossierID]?.unit.name ?? "").prefix(6)) },
                                                      in: cycle, ignoring: ["序号单位自评复核差异"])
        #expect(cycleMissing == nil, "\(cycleMissing ?? "")")
    }
}

/// Splits one line of LibreOffice's CSV (comma, double quotes).
enum CSVLine {
    static func split(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var chars = Array(line)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            i += 1
        }
        cells.append(cell)
        return cells
    }
}
