/// Where a journalled change came from, as recorded in `JournalRecord.origin`, and how to say it.
public enum JournalOrigin {
    /// "本地", "副本 L-1", "合并决定 L-1", "导入", …
    public static func label(_ origin: String) -> String {
        let parts = origin.split(separator: ":", maxSplits: 1).map(String.init)
        let lease = parts.count > 1 ? " " + parts[1] : ""
        switch parts.first ?? "" {
        case "local": return "本地"
        case "copy": return "副本" + lease
        case "merge": return "合并决定" + lease
        case "checkout": return "借出" + lease
        case "lease": return "借出登记" + lease
        case "import": return "导入"
        case "samples": return "示例数据"
        case "upgrade": return "升级"
        default: return origin
        }
    }
}
