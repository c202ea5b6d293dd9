/// Other readings of common polyphonic characters, beside the one Foundation gives (长 reads
/// "zhang" there, but 长沙 is "changsha"). Keyed by the simplified form; tones left out.
///
/// `PolyphoneReadings.extra["长"] // ["chang"]`
enum PolyphoneReadings {
    static let extra: [Character: [String]] = [
        // Place names and surnames (Hunan first).
        "长": ["chang"], "重": ["chong"], "厦": ["xia", "sha"], "蚌": ["beng"], "六": ["lu"],
        "番": ["pan"], "涌": ["chong"], "枞": ["zong"], "曾": ["zeng"], "单": ["shan", "chan"],
        "朴": ["piao"], "翟": ["zhai"], "缪": ["miao"], "尉": ["yu"], "仇": ["qiu"], "区": ["ou"],
        "盛": ["cheng"], "查": ["zha"], "石": ["dan"],
        // Finance, audit and review vocabulary.
        "会": ["kuai"], "行": ["hang"], "调": ["tiao"], "还": ["huan"], "校": ["jiao"],
        "核": ["hu"], "率": ["shuai"], "差": ["chai", "ci"], "参": ["shen", "cen"], "数": ["shuo"],
        "给": ["ji"], "系": ["ji"], "属": ["zhu"], "降": ["xiang"], "省": ["xing"],
        "藏": ["zang"], "便": ["pian"], "觉": ["jiao"], "解": ["xie"], "和": ["huo", "hu"],
        "大": ["dai"], "车": ["ju"], "角": ["jue"], "都": ["du"], "乐": ["yue"], "朝": ["zhao"],
        "传": ["zhuan"], "地": ["di"], "的": ["di"], "了": ["liao"], "着": ["zhao", "zhuo"],
        "强": ["jiang"], "血": ["xie"], "薄": ["bo"], "折": ["she"], "露": ["lou"], "模": ["mu"],
        "奇": ["ji"], "秘": ["bi"], "期": ["ji"], "提": ["di"], "度": ["duo"], "得": ["dei"],
    ]

    /// `extra` for the matcher: by the simplified character's scalar, each reading packed as
    /// ``Letters/pack(_:)``. A key marks a character that has an entry here, and the search
    /// looks its readings up only then, so no key carries them.
    static let packed: [UInt32: [UInt64]] = Dictionary(uniqueKeysWithValues: extra.compactMap { character, readings in
        character.unicodeScalars.first.map { ($0.value, readings.map { Letters.pack(Array($0.utf8)) }) }
    })
}
