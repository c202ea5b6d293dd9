import FuheCore
import Foundation
import TermCore

/// Reads session records. Every refusal names the file, the line and the field:
/// `class.jsonl:4: ms: 1200 is earlier than the key before it (1500 ms)`.
public enum SessionFile {
    public static func parse(_ data: Data, file: String) throws(SessionFileError) -> SessionRecord {
        guard let text = String(data: data, encoding: .utf8) else {
            throw SessionFileError(file: file, line: nil, field: "", message: tr("不是 UTF-8 文本", "not UTF-8 text"))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        let numbered = lines.enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = numbered.first else {
            throw SessionFileError(file: file, line: nil, field: "", message: tr("是空的；第一行应是 \(SessionRecord.format) 文件头", "empty; expected a \(SessionRecord.format) header line"))
        }
        let header: SessionHeader = try decode(first.element, line: first.offset + 1, file: file, known: SessionHeader.CodingKeys.allCases.map(\.rawValue))
        guard header.format == SessionRecord.format else {
            throw SessionFileError(file: file, line: first.offset + 1, field: "format", message: tr("“\(header.format)”不是 \(SessionRecord.format)", "\"\(header.format)\" is not \(SessionRecord.format)"))
        }
        guard header.width > 0, header.height > 0 else {
            throw SessionFileError(file: file, line: first.offset + 1, field: header.width > 0 ? "height" : "width", message: tr("须为正数", "must be positive"))
        }
        var events: [SessionEvent] = []
        for (index, line) in numbered.dropFirst() {
            let n = index + 1
            let event: SessionEvent = try decode(line, line: n, file: file, known: SessionEvent.CodingKeys.allCases.map(\.rawValue))
            guard KeyName.key(named: event.key) != nil else {
                throw SessionFileError(file: file, line: n, field: "key", message: tr("“\(event.key)”不是按键名（一个字符，或 <Enter>、<C-r>、<F5> …）", "\"\(event.key)\" is not a key name (a character, or <Enter>, <C-r>, <F5> …)"))
            }
            guard event.ms >= 0 else { throw SessionFileError(file: file, line: n, field: "ms", message: tr("不能为负数", "must not be negative")) }
            if let last = events.last, event.ms < last.ms {
                throw SessionFileError(file: file, line: n, field: "ms", message: tr("\(event.ms) 早于前一个按键（\(last.ms) 毫秒）", "\(event.ms) is earlier than the key before it (\(last.ms) ms)"))
            }
            events.append(event)
        }
        return SessionRecord(header: header, events: events)
    }

    private static func decode<T: Decodable>(_ line: String, line n: Int, file: String, known: [String]) throws(SessionFileError) -> T {
        let data = Data(line.utf8)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SessionFileError(file: file, line: n, field: "", message: tr("不是 JSON 对象", "not a JSON object"))
        }
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw SessionFileError(file: file, line: n, field: unknown, message: tr("未知字段", "unknown field"))
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            let e = LessonFileError(file: file, decoding: error)
            throw SessionFileError(file: file, line: n, field: e.path, message: e.message)
        } catch {
            throw SessionFileError(file: file, line: n, field: "", message: "\(error)")
        }
    }
}

/// Why a session record was refused.
public struct SessionFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String
    public var message: String

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if !field.isEmpty { s += field + ": " }
        return s + message
    }
}
