import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let submitReview = CommandID("review.submit")
    public static let finalizeReview = CommandID("review.finalize")
    public static let returnReview = CommandID("review.return")
    public static let reopenReview = CommandID("review.reopen")
}

/// Submit, finalize, return and reopen the open dossier's review; `ReviewLifecycle` (FuheCore)
/// decides what is allowed.
enum ReviewLifecycleCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.submitReview, [.character("S")], .sheet, "提交复核（检查 R-003/R-004/R-006）", when: dossierOpen) { ctx in submit(&ctx) },
        .init(.finalizeReview, [.character("F")], .sheet, "定稿（组长）", when: dossierOpen) { ctx in finalize(&ctx) },
        .form(.returnReview, [.character("B")], .sheet, "退回修改（组长，需理由）", when: dossierOpen,
              open: { _ in reasonForm("退回复核修改（组长）") }, submit: { form, ctx in change(form, ctx, reopen: false) }),
        .form(.reopenReview, [.character("R")], .sheet, "重新打开已定稿复核（组长，需理由）", when: dossierOpen,
              open: { _ in reasonForm("重新打开已定稿复核（组长）") }, submit: { form, ctx in change(form, ctx, reopen: true) }),
    ]

    static func dossierOpen(_ state: AppState) -> Availability {
        state.dossier == nil ? .notYet("先打开一个单位") : .available
    }

    static func reasonForm(_ title: String) -> FormState {
        FormState(title: title, fields: [.text("reason", "理由", "", multiline: true, hint: "必填，记入日志")])
    }

    /// Submits when every rule allows it; otherwise names the blockers and jumps to the first.
    static func submit(_ ctx: inout UpdateContext) {
        guard let d = ctx.state.dossier else { return }
        do {
            let submitted = try ReviewLifecycle.submit(ctx.draftReview(d), dossier: d, by: ctx.state.actor, at: ctx.clock.now())
            if let edit = ctx.edit([.review(submitted)], scope: .dossier, success: "已提交复核，待组长定稿（\(ctx.key(.finalizeReview))）") { ctx.save(edit) }
        } catch {
            let blockers = error.messages
            ctx.fail("不能提交：\(blockers.count) 项未完成（\(Set(blockers.map(\.code)).sorted().joined(separator: " "))），按 \(ctx.key(.messages)) 查看并跳转")
            if let first = blockers.first {
                ctx.jump(to: first)
                ctx.fail("不能提交：\(blockers.count) 项未完成，第一项：\(first.code) \(first.message)")
            }
        }
    }

    static func finalize(_ ctx: inout UpdateContext) {
        guard let d = ctx.state.dossier else { return }
        guard let scored = ctx.state.scored, let total = scored.total(.review).value, scored.total(.review).complete,
              let grade = scored.reviewGrade?.label else {
            ctx.fail("复核总分尚不完整，不能定稿")
            return
        }
        do {
            let finalized = try ReviewLifecycle.finalize(ctx.draftReview(d), by: ctx.state.actor, total: total, grade: grade, at: ctx.clock.now())
            let changes = [.review(finalized)] + ctx.evaluationChange(d, review: finalized, items: d.items)
            if let edit = ctx.edit(changes, scope: .dossier, success: "已定稿：复核总分 \(total)，等次 \(grade)") { ctx.save(edit) }
        } catch {
            ctx.fail(error.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
        }
    }

    /// Return to draft or reopen, with the reason the rules require.
    static func change(_ form: FormState, _ ctx: UpdateContext, reopen: Bool) -> FormSubmission {
        guard let d = ctx.state.dossier, let review = d.review else { return .invalid("尚未开始复核") }
        let reason = form.trimmed("reason")
        do {
            let updated = reopen
                ? try ReviewLifecycle.reopen(review, by: ctx.state.actor, reason: reason, at: ctx.clock.now())
                : try ReviewLifecycle.returnToDraft(review, by: ctx.state.actor, reason: reason, at: ctx.clock.now())
            let changes = [.review(updated)] + ctx.evaluationChange(d, review: updated, items: d.items)
            return ctx.saving(changes, reason: reason, scope: .dossier, success: reopen ? "已重新打开复核（可编辑）" : "已退回修改")
        } catch {
            return .invalid(EffectFailure(error).text)
        }
    }
}
