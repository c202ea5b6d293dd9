/// The training demo's sandbox, as the workstation sees it: its data can be thrown away and
/// reloaded from the samples. `FuheApp.Sandbox` provides it; it also serves as the repository.
public protocol SandboxControl: AnyObject {
    /// Replaces everything in the sandbox with fresh copies of the sample dossiers.
    func resetSandbox() throws
}
