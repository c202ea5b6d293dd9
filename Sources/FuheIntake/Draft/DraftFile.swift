import Foundation
import FuheCore

/// `fuhe.draft/1` files: one draft per file, pretty-printed UTF-8 JSON (docs/intake.md).
public enum DraftFile {
    public static func encode(_ draft: IntakeDraft) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain model structs cannot fail.
        let data = (try? encoder.encode(draft)) ?? Data("{}".utf8)
        return Array(data) + [0x0A]
    }

    /// Reads a draft file; the message names the file and what is wrong.
    public static func decode(_ bytes: [UInt8], file: String) throws(IntakeError) -> IntakeDraft {
        struct Head: Decodable { var format: String? }
        guard let head = try? JSONDecoder().decode(Head.self, from: Data(bytes)) else {
            throw IntakeError(file: file, "不是 JSON 文件")
        }
        guard head.format == IntakeDraft.format else {
            throw IntakeError(file: file, "不是草稿文件（format 应为 \"\(IntakeDraft.format)\"，实为 \"\(head.format ?? "无")\"）")
        }
        do {
            return try JSONDecoder().decode(IntakeDraft.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw IntakeError(file: file, "缺少字段 \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw IntakeError(file: file, "字段 \(path(context.codingPath)) 类型不对")
        } catch let DecodingError.dataCorrupted(context) {
            throw IntakeError(file: file, "字段 \(path(context.codingPath)) 的值无效：\(context.debugDescription)")
        } catch {
            throw IntakeError(file: file, "无法读取草稿：\(error)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// "001_83b6….txt" → "001_83b6…-1.draft.json" (the report's position when the file held several).
    public static func fileName(for draft: IntakeDraft) -> String {
        let stem = (draft.source.file as NSString).deletingPathExtension
        let safe = String(stem.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
        return draft.source.reportCount > 1 ? "\(safe)-\(draft.source.reportIndex).draft.json" : "\(safe).draft.json"
    }
}
