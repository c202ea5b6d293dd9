import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let submitReview = CommandID("review.submit")
    public static let finalizeReview = CommandID("review.finalize")
    public static let returnReview = CommandID("review.return")
    public static let reopenReview = CommandID("review.reopen")
}

/// Submit, finalize, return and reopen the open dossier's review. `ReviewLifecycle` (FuheCore)
/// decides what is allowed: a step this actor may not take now is refused before anything opens,
/// with the reason, and the status line offers only the steps that would succeed. Submit and
/// finalize show what they will state (`ReviewSummary`: total, grade change, open warnings) and
/// ask; a submit that is blocked names its blockers and jumps to the first.
enum ReviewLifecycleCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        WorkstationCommand(.submitReview, [.character("S")], .sheet, "提交复核（先显示总分、等次变化和未处理提示并确认；有 R-003/R-004/R-006 未完成时列出并跳到第一项）",
                           hint: "提交", when: lifecycle(.submit)) { ctx in submit(&ctx) }
            .offered { possible(.submit, $0) },
        .init(.finalizeReview, [.character("F")], .sheet, "定稿（组长；先显示总分和等次并确认）", hint: "定稿", when: refusal(.finalize)) { ctx in finalize(&ctx) },
        .form(.returnReview, [.character("B")], .sheet, "退回修改（组长，需理由）", when: refusal(.returnToDraft),
              open: { _ in reasonForm("退回复核修改（组长）") }, submit: { form, ctx in change(form, ctx, reopen: false) }),
        .form(.reopenReview, [.character("R")], .sheet, "重新打开已定稿复核（组长，需理由）", when: refusal(.reopen),
              open: { _ in reasonForm("重新打开已定稿复核（组长）") }, submit: { form, ctx in change(form, ctx, reopen: true) }),
    ]

    static func dossierOpen(_ state: AppState) -> Availability {
        !state.hasDossier ? .notYet("先打开一个单位") : .available
    }

    /// Every reason `action` cannot be done now (`ReviewLifecycle.blockers`), nil with no open
    /// dossier. The answer is kept until the dossier or its scores change: the status line asks
    /// after every key.
    static func blockers(_ action: ReviewAction, _ state: AppState) -> [ValidationMessage]? {
        guard state.hasDossier else { return nil }
        return state.reviewBlockers.blockers(action, revision: state.dossierRevision, actor: state.actor) {
            state.dossier.map { ReviewLifecycle.blockers(for: action, dossier: $0, by: state.actor, scored: state.scored) } ?? []
        }
    }

    /// Refused with the rules' first reason when `action` cannot be done now.
    static func refusal(_ action: ReviewAction) -> @Sendable (AppState) -> Availability {
        { state in
            guard let blockers = blockers(action, state) else { return dossierOpen(state) }
            guard let why = blockers.first else { return .available }
            return .refused("\(why.code) \(why.message)")
        }
    }

    /// Refused only for the lifecycle and the role (RV-…); rows that block are named by the
    /// command itself (it jumps to the first).
    static func lifecycle(_ action: ReviewAction) -> @Sendable (AppState) -> Availability {
        { state in
            guard let blockers = blockers(action, state) else { return dossierOpen(state) }
            let why = blockers.first { $0.code.hasPrefix("RV-") }
            return why.map { .refused("\($0.code) \($0.message)") } ?? .available
        }
    }

    /// Whether `action` would succeed now (the status line offers it).
    static func possible(_ action: ReviewAction, _ state: AppState) -> Bool {
        blockers(action, state)?.isEmpty ?? false
    }

    static func reasonForm(_ title: String) -> FormState {
        FormState(title: title, fields: [.text("reason", "理由", "", multiline: true, hint: "必填，记入日志")])
    }

    /// What submitting or finalizing would state, for the confirmation.
    static func summary(_ action: ReviewAction, _ ctx: UpdateContext) -> ReviewSummary? {
        guard let d = ctx.state.dossier, let scored = ctx.state.scored else { return nil }
        return ReviewSummary(dossier: d, scored: scored, action: action, by: ctx.state.actor)
    }

    /// Names every blocker and jumps to the first; when nothing blocks, shows the summary and asks.
    static func submit(_ ctx: inout UpdateContext) {
        guard let summary = summary(.submit, ctx) else { return }
        guard summary.isAllowed else {
            let blockers = summary.blockers
            let codes = Set(blockers.map(\.code)).sorted().joined(separator: " ")
            if let first = blockers.first { ctx.jump(to: first) }
            let first = blockers.first.map { "，第一项：\($0.code) \($0.message)" } ?? ""
            ctx.fail("不能提交：\(blockers.count) 项未完成（\(codes)）\(first)；按 \(ctx.key(.messages)) 查看全部")
            return
        }
        ctx.push(ConfirmOverlay(title: "提交复核", lines: summary.lines + ["提交后组员只读，待组长定稿（组长可退回修改）。"],
                                question: "提交复核？", yes: "提交", no: "不提交") { ctx in submitNow(&ctx) })
    }

    /// The confirmed submit (the rules are asked again: the store may have changed meanwhile).
    static func submitNow(_ ctx: inout UpdateContext) {
        guard let d = ctx.state.dossier else { return }
        do {
            let submitted = try ReviewLifecycle.submit(ctx.draftReview(d), dossier: d, by: ctx.state.actor, at: ctx.clock.now())
            if let edit = ctx.edit([.review(submitted)], scope: .dossier, success: "已提交复核，待组长定稿（\(ctx.key(.finalizeReview))）") { ctx.save(edit) }
        } catch {
            ctx.fail("不能提交：" + error.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
        }
    }

    /// Shows what finalizing freezes and asks.
    static func finalize(_ ctx: inout UpdateContext) {
        guard let summary = summary(.finalize, ctx) else { return }
        guard summary.isAllowed else {
            ctx.fail(summary.blockers.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
            return
        }
        ctx.push(ConfirmOverlay(title: "定稿", lines: summary.lines + ["定稿后复核总分和等次冻结，评分表只读（组长可重新打开，需理由）。"],
                                question: "定稿？", yes: "定稿", no: "不定稿") { ctx in finalizeNow(&ctx) })
    }

    static func finalizeNow(_ ctx: inout UpdateContext) {
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
