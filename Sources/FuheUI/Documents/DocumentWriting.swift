/// Writes a unit's review documents for the workstation's `report.write` key: the 复核意见书, and
/// the 整改通知书 when the unit has open rectification items, into the reports folder. FuheApp
/// implements it over FuheDocuments (the UI never touches the store or the document code); the
/// `RepositoryRunner` calls it for `Effect.writeDocuments`.
public protocol DocumentWriting: AnyObject {
    /// The reports folder, how it was chosen and how to choose another (for the messages).
    var place: DocumentsPlace { get }
    /// Writes the documents of one dossier; never replaces a file (a taken name gets “（2）”).
    /// Throws when nothing was written; a later document's failure is `WrittenDocuments.failure`.
    func writeUnitDocuments(dossierID: String) throws -> WrittenDocuments
}

/// What `DocumentWriting` wrote, for the status line or the box that says where it went.
public struct WrittenDocuments: Sendable, Equatable {
    /// One file: its document ("复核意见书") and where it is.
    public struct File: Sendable, Equatable {
        public var title: String
        public var path: String
        public init(title: String, path: String) {
            self.title = title
            self.path = path
        }

        /// The file's name, without its folder.
        public var name: String { path.split(separator: "/").last.map(String.init) ?? path }
    }

    /// The reports folder the files went to.
    public var folder: String
    public var files: [File]
    /// Why a later document was not written after the earlier ones were ("整改通知书未写出：…").
    public var failure: String?
    /// The configured folder did not exist and was made.
    public var madeFolder = false

    public init(folder: String, files: [File], failure: String? = nil, madeFolder: Bool = false) {
        self.folder = folder
        self.files = files
        self.failure = failure
        self.madeFolder = madeFolder
    }
}

/// Where `report.write` writes, as the workstation tells the user: the folder, which setting
/// chose it, how to choose another, and a note said with every result (the demo's). Kept in the
/// state (`state[DocumentsPlace.self]`) once `Workstation.useDocuments` is called.
public struct DocumentsPlace: ViewState, Equatable {
    public var folder: String
    /// "启动参数 --reports-dir", "“文档”文件夹（XDG_DOCUMENTS_DIR）", "培训沙盒"…
    public var origin: String
    /// How to choose another folder; nil where it cannot be chosen (the demo).
    public var howToChange: String?
    /// Said with every result ("培训演示：文书只写在沙盒的临时文件夹里…").
    public var note: String?

    public init() { self.init(folder: "", origin: "") }

    public init(folder: String, origin: String, howToChange: String? = nil, note: String? = nil) {
        self.folder = folder
        self.origin = origin
        self.howToChange = howToChange
        self.note = note
    }
}

/// The unit whose documents to write, with what the message about them needs.
public struct DocumentsRequest: Sendable, Equatable {
    public var dossierID: String
    public var unitName: String
    /// "3/21" while rows are unreviewed: the 意见书 is then marked 复核未完成稿.
    public var unreviewed: String?

    public init(dossierID: String, unitName: String, unreviewed: String? = nil) {
        self.dossierID = dossierID
        self.unitName = unitName
        self.unreviewed = unreviewed
    }
}
