/// Who performs a guarded action: a reviewer (王某), the team leader (组长), a unit contact ….
/// `role` is the person's role on the review team, nil for people outside it (e.g. a unit's 责任人).
///
/// ```swift
/// let leader = Actor(name: "李组长", role: .leader)
/// ```
public struct Actor: Hashable, Sendable {
    public var name: String
    public var role: TeamRole?

    public init(name: String, role: TeamRole? = nil) {
        self.name = name
        self.role = role
    }

    /// True for the team leader (组长), who alone may return, finalize or reopen a review.
    public var isLeader: Bool { role == .leader }
}
