import Foundation
import FuheCore
import TermCore

extension Workstation {
    /// Submit / finalize / return / reopen the review of the open dossier.
    func reviewCommand(_ command: CommandID) {
        guard let d = state.dossier else { info("先打开一个单位"); return }
        let review = d.review ?? Review(id: "RV-\(d.id)", team: [TeamMember(name: state.actor.name, role: state.actor.role ?? .member)],
                                        status: .draft, startedAt: clock.now())
        switch command {
        case .submitReview:
            do {
                let submitted = try ReviewLifecycle.submit(review, dossier: d, by: state.actor, at: clock.now())
                write([.review(submitted)], success: "已提交复核，待组长定稿（F）")
            } catch {
                let blockers = error.messages
                fail("不能提交：\(blockers.count) 项未完成（\(Set(blockers.map(\.code)).sorted().joined(separator: " "))），按 ! 查看并跳转")
                if let first = blockers.first { jump(to: first); fail("不能提交：\(blockers.count) 项未完成，第一项：\(first.code) \(first.message)") }
            }
        case .finalizeReview:
            guard let scored = state.scored, let total = scored.total(.review).value, scored.total(.review).complete,
                  let grade = scored.reviewGrade?.label else {
                fail("复核总分尚不完整，不能定稿")
                return
            }
            do {
                let finalized = try ReviewLifecycle.finalize(review, by: state.actor, total: total, grade: grade, at: clock.now())
                write(EvaluationLifecycle.completing([.review(finalized)], for: d), success: "已定稿：复核总分 \(total)，等次 \(grade)")
            } catch {
                fail(error.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
            }
        case .returnReview, .reopenReview:
            state.overlay = .form(FormState(title: command == .returnReview ? "退回复核修改（组长）" : "重新打开已定稿复核（组长）",
                                            fields: [.text("reason", "理由", "", multiline: true, hint: "必填，记入日志")],
                                            purpose: .reviewAction(command)))
        default:
            break
        }
    }

    func saveReviewAction(_ form: FormState, command: CommandID) {
        guard let d = state.dossier, let review = d.review else { formError(form, "尚未开始复核"); return }
        let reason = form.value("reason").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let updated = command == .returnReview
                ? try ReviewLifecycle.returnToDraft(review, by: state.actor, reason: reason, at: clock.now())
                : try ReviewLifecycle.reopen(review, by: state.actor, reason: reason, at: clock.now())
            write(EvaluationLifecycle.completing([.review(updated)], for: d), reason: reason, success: command == .returnReview ? "已退回修改" : "已重新打开复核（可编辑）")
        } catch {
            formError(form, error.messages.map { "\($0.code) \($0.message)" }.joined(separator: "；"))
        }
    }
}
