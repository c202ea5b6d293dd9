import FuheCore

/// The cleaning passes, in order. Each copies the working text once; positions in the source
/// are kept through `WorkingText.origin`.
enum Cleaner {
    struct Report {
        var pinyinRemoved = 0
        var traditionalFolded = 0
        var numbersJoined = 0
        var linesJoined = 0
    }

    static func clean(_ source: SourceText, kind: String) -> (WorkingText, Report) {
        var report = Report()
        var w = WorkingText(source: source)
        w = forms(w)
        w = fold(w, &report)
        w = pinyin(w, &report)
        w = splitGluedHeadings(w)
        w = joinBroken(w, &report)
        if kind == "pdf" {
            w = dropLayoutSpaces(w)
            w = joinSoftWraps(w, &report)
        }
        return (w, report)
    }

    /// Full-width ASCII forms as ASCII, odd spaces as spaces, zero-width characters dropped.
    static func forms(_ w: WorkingText) -> WorkingText {
        var b = WorkingText.Builder(capacity: w.count)
        for (i, s) in w.scalars.enumerated() {
            let v = s.value
            switch v {
            case 0xFF01...0xFF5E: b.append(Unicode.Scalar(v - 0xFEE0)!, from: w.origin[i])
            case 0x3000, 0xA0, 0x2002, 0x2003, 0x2009, 0x09: b.append(" ", from: w.origin[i])
            case 0x200B, 0x200C, 0x200D, 0xFEFF: continue
            case 0xFE5D, 0x3014, 0x3010: b.append("[", from: w.origin[i])
            case 0xFE5E, 0x3015, 0x3011: b.append("]", from: w.origin[i])
            default: b.append(s, from: w.origin[i])
            }
        }
        return b.text
    }

    /// Traditional characters as simplified (one for one).
    static func fold(_ w: WorkingText, _ r: inout Report) -> WorkingText {
        let table = HanFold.table(for: w.scalars)
        guard table.contains(where: { $0.key != $0.value }) else { return w }
        // A flat table for the basic plane: one array read per character.
        var flat = [UInt32](repeating: 0, count: 0x10000)
        for (k, v) in table where k < 0x10000 && k != v { flat[Int(k)] = v }
        var out = w
        for (i, s) in w.scalars.enumerated() {
            let v = s.value
            let f = v < 0x10000 ? flat[Int(v)] : (table[v].flatMap { $0 == v ? nil : $0 } ?? 0)
            if f != 0, let scalar = Unicode.Scalar(f) {
                out.scalars[i] = scalar
                r.traditionalFolded += 1
            }
        }
        return out
    }

    static let toneMarked: Set<UInt32> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars.map(\.value))

    /// "區(qū)" → "區": a parenthesised pinyin syllable with a tone mark right after a Han character.
    static func pinyin(_ w: WorkingText, _ r: inout Report) -> WorkingText {
        var b = WorkingText.Builder(capacity: w.count)
        var i = 0
        let s = w.scalars
        while i < s.count {
            if s[i] == "(", i > 0, HanFold.isHan(s[i - 1]) {
                var j = i + 1
                var toned = false
                while j < s.count, j - i <= 8 {
                    let v = s[j].value
                    if (0x61...0x7A).contains(v) || v == 0xFC { j += 1; continue }
                    if toneMarked.contains(v) { toned = true; j += 1; continue }
                    break
                }
                if toned, j < s.count, s[j] == ")", j > i + 1 {
                    r.pinyinRemoved += 1
                    i = j + 1
                    continue
                }
            }
            b.append(s[i], from: w.origin[i])
            i += 1
        }
        return b.text
    }

    /// "…不完善         五、存在的主要问题": a heading glued to the end of a line after a run of spaces
    /// starts its own line.
    static func splitGluedHeadings(_ w: WorkingText) -> WorkingText {
        var b = WorkingText.Builder(capacity: w.count)
        let s = w.scalars
        var i = 0
        while i < s.count {
            if s[i] == " " {
                var j = i
                while j < s.count, s[j] == " " { j += 1 }
                if j - i >= 4, i > 0, s[i - 1] != "\n", Outline.chineseNumeralHeading(s, at: j) {
                    b.append("\n", from: w.origin[i])
                    i = j
                    continue
                }
                for k in i..<j { b.append(s[k], from: w.origin[k]) }
                i = j
                continue
            }
            b.append(s[i], from: w.origin[i])
            i += 1
        }
        return b.text
    }

    static func isUnitStart(_ s: [Unicode.Scalar], _ j: Int) -> Bool {
        guard j < s.count else { return false }
        switch s[j] {
        case "万", "元", "亿", "%": return true
        default: return false
        }
    }

    /// "682.1442\n\n万元" → "682.1442万元"; a 《title》 broken over lines is joined.
    static func joinBroken(_ w: WorkingText, _ r: inout Report) -> WorkingText {
        var b = WorkingText.Builder(capacity: w.count)
        let s = w.scalars
        var i = 0
        var openTitle = false
        while i < s.count {
            let c = s[i]
            if c == "《" { openTitle = true }
            if c == "》" { openTitle = false }
            if c == " " || c == "\n" {
                var j = i
                var newlines = 0
                while j < s.count, s[j] == " " || s[j] == "\n" { if s[j] == "\n" { newlines += 1 }; j += 1 }
                if newlines > 0, newlines <= 3, i > 0, ("0"..."9").contains(s[i - 1]), isUnitStart(s, j) {
                    r.numbersJoined += 1
                    i = j
                    continue
                }
                if newlines > 0, newlines <= 3, openTitle, closesSoon(s, from: j) {
                    r.linesJoined += 1
                    i = j
                    continue
                }
                if newlines > 0 { openTitle = false }
            }
            b.append(c, from: w.origin[i])
            i += 1
        }
        return b.text
    }

    /// Whether a "》" comes within the next 40 scalars of the same line.
    static func closesSoon(_ s: [Unicode.Scalar], from j: Int) -> Bool {
        var k = j
        while k < s.count, k - j < 40, s[k] != "\n" {
            if s[k] == "》" { return true }
            if s[k] == "《" { return false }
            k += 1
        }
        return false
    }

    /// pdftotext puts a space between Chinese and Latin letters or digits ("20xx 年度", "98.2 分",
    /// "〔2018〕45 号"): one such space is dropped.
    static func dropLayoutSpaces(_ w: WorkingText) -> WorkingText {
        var b = WorkingText.Builder(capacity: w.count)
        let s = w.scalars
        func cjk(_ c: Unicode.Scalar) -> Bool { HanFold.isHan(c) || (0x3000...0x303F).contains(c.value) || c == "“" || c == "”" }
        func latin(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "%" || c == ".") }
        for i in s.indices {
            if s[i] == " ", i > 0, i + 1 < s.count, s[i - 1] != " ", s[i + 1] != " ",
               (cjk(s[i - 1]) && latin(s[i + 1])) || (latin(s[i - 1]) && cjk(s[i + 1])) || (s[i - 1] == "]" && latin(s[i + 1])) {
                continue
            }
            b.append(s[i], from: w.origin[i])
        }
        return b.text
    }

    /// PDF text laid out in page-wide lines: a line that fills the page width and does not end a
    /// sentence continues on the next line.
    static func joinSoftWraps(_ w: WorkingText, _ r: inout Report) -> WorkingText {
        let s = w.scalars
        var widths: [(start: Int, end: Int, width: Int)] = []
        var start = 0
        for i in 0...s.count where i == s.count || s[i] == "\n" {
            var width = 0
            for k in start..<i { width += s[k].value >= 0x1100 ? 2 : 1 }
            widths.append((start, i, width))
            start = i + 1
        }
        let sorted = widths.map(\.width).sorted()
        let wide = sorted.isEmpty ? 0 : sorted[sorted.count * 9 / 10]
        guard wide >= 40 else { return w }
        var b = WorkingText.Builder(capacity: w.count)
        var n = 0
        while n < widths.count {
            let line = widths[n]
            n += 1
            for k in line.start..<line.end { b.append(s[k], from: w.origin[k]) }
            guard line.end < s.count, n < widths.count else { continue }
            var last = line.end - 1
            while last >= line.start, s[last] == " " { last -= 1 }
            let next = widths[n]
            var firstOfNext = next.start
            while firstOfNext < next.end, s[firstOfNext] == " " { firstOfNext += 1 }
            let ends = last >= line.start && "。!?|".unicodeScalars.contains(s[last])
            let numberNext = firstOfNext < next.end && ("0"..."9").contains(s[firstOfNext]) && last >= line.start && HanFold.isHan(s[last])
            let full = line.width * 100 >= wide * 92
            if full || (line.width * 10 >= wide * 7 && !ends) || numberNext, last >= line.start, firstOfNext < next.end,
               !Outline.startsWithMarker(s, at: firstOfNext) {
                r.linesJoined += 1
                // Drop the newline and the next line's indentation.
                widths[n].start = firstOfNext
                continue
            }
            b.append("\n", from: w.origin[line.end])
        }
        return b.text
    }
}
