import FuheCore
import TermCore

extension CommandID {
    public static let resultApplication = CommandID("review.application")
}

/// 结果应用 of the open unit: how its review's result is applied to next year's budget (优先保障 /
/// 调减 / 取消 / 通报 / 约谈) with a reason — `ResultApplicationRules` (A-001, A-002). Stored in the
/// review (journaled), shown on the dashboard, read by the cycle documents.
enum ApplicationCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .form(.resultApplication, [.character("A")], .global, "结果应用：复核结果如何用于下年预算（优先保障/调减/取消/通报/约谈，需理由）",
              when: { $0.dossier == nil ? .notYet("先打开一个单位") : .available }, open: { ctx in
            guard let d = ctx.state.dossier else { return nil }
            let current = d.review?.application
            let kinds = ApplicationKind.allCases
            let total = ctx.state.scored.map { s in s.total(.review).value.map { "复核 \($0) \(s.reviewGrade?.label ?? "")" } ?? "复核未完成" } ?? ""
            return FormState(title: "结果应用 · \(d.unit.displayName)（\(total)）", fields: [
                .choice("kind", "应用方式", kinds.map(\.label) + ["（未确定）"],
                        selected: current.flatMap { kinds.firstIndex(of: $0.kind) } ?? 0),
                .text("reason", "理由", current?.reason ?? "", multiline: true, hint: "必填（A-001），如：复核等次为良，项目绩效目标基本实现，维持预算规模"),
            ], target: d.id)
        }, submit: { form, ctx in
            guard let d = ctx.state.dossier else { return .nothing }
            let kinds = ApplicationKind.allCases
            let kind = kinds.indices.contains(form.index("kind")) ? kinds[form.index("kind")] : nil
            do {
                let review = try ResultApplicationRules.decide(kind, reason: form.trimmed("reason"), on: d.review, by: ctx.state.actor, on: ctx.state.today)
                return ctx.saving([.review(review)], reason: form.trimmed("reason"),
                                  success: kind.map { "已确定结果应用：\($0.label)" } ?? "已撤销结果应用")
            } catch {
                return .invalid(EffectFailure(error).text, field: "reason")
            }
        }),
    ]
}
