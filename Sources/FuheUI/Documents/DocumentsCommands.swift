import FuheCore
import TermCore

extension CommandID {
    public static let writeDocuments = CommandID("report.write")
}

/// The key that writes the unit's review documents — its 复核意见书, and its 整改通知书 when it
/// has open items — into the reports folder, and says where each file went: on the status line
/// when one file's path fits, otherwise in a box (`DocumentsView`). In the unit list it writes
/// the selected unit's; elsewhere the open unit's.
enum DocumentsCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.writeDocuments, [.character("D")], .global, "写出文书：该单位的复核意见书（有未完成整改时加整改通知书）",
              when: { state in
                  request(state) == nil ? .notYet("先选择一个单位，再按 \(state.key(.writeDocuments)) 写出它的文书") : .available
              }) { ctx in
            guard let request = request(ctx.state) else { return }
            ctx.emit(.writeDocuments(request))
        },
    ]

    /// The unit the key acts on: the selected one in the unit list, otherwise the open one.
    static func request(_ state: AppState) -> DocumentsRequest? {
        if state.focus == .units {
            guard let unit = state.selectedUnit else { return nil }
            return DocumentsRequest(dossierID: unit.dossierID, unitName: unit.unitName,
                                    unreviewed: unit.reviewComplete ? nil : "\(unit.reviewedRows)/\(unit.scorableRows)")
        }
        guard let dossier = state.dossier else { return nil }
        let complete = state.scored?.total(.review).complete ?? false
        let progress = state.scored.map { "\($0.reviewedLeafCount)/\($0.scorableLeafCount)" } ?? "—"
        return DocumentsRequest(dossierID: dossier.id, unitName: dossier.unit.displayName, unreviewed: complete ? nil : progress)
    }

    /// The documents are written: one file whose path fits goes on the status line; otherwise a
    /// box lists the folder and every file (and a later document's failure).
    static func receive(_ request: DocumentsRequest, _ written: WrittenDocuments, in ctx: inout UpdateContext) {
        let place = ctx.state[DocumentsPlace.self]
        if written.files.count == 1, written.failure == nil, place.note == nil, !written.madeFolder, let file = written.files.first {
            let line = "已写出\(file.title)\(request.unreviewed == nil ? "" : "（复核未完成稿）")：\(file.path)"
            if DisplayWidth.of(line) + 2 <= ctx.state.width {
                ctx.info(line)
                return
            }
        }
        let count = written.files.count
        if written.failure != nil {
            ctx.fail("只写出 \(count) 份文书，另一份未写出（见说明）")
        } else {
            ctx.info("已写出 \(count) 份文书到 \(written.folder)")
        }
        ctx.push(DocumentsView.written(request, written, place: place))
    }

    /// Nothing was written: the status line says so and a box explains why and where the folder
    /// is set.
    static func receiveFailure(_ request: DocumentsRequest, _ failure: EffectFailure, in ctx: inout UpdateContext) {
        ctx.fail("未写出文书：\(failure.text)")
        ctx.push(DocumentsView.failed(request, failure.text, place: ctx.state[DocumentsPlace.self]))
    }
}
