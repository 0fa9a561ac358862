import Domain
import Identity

/// The demo's named test persons as the development issuer's login page offers them: the same table as
/// `kp dev token --as NAME` and the README walkthrough (`DemoPerson`), so the page and the CLI name the
/// same people with the same identity numbers.
struct DevelopmentTestPerson: Sendable, Equatable {
    let key: String
    let name: String
    let pid: String
    let subject: String
    let role: String

    static let all: [DevelopmentTestPerson] = DemoPerson.all.map {
        DevelopmentTestPerson(key: $0.id, name: $0.name, pid: $0.pid, subject: $0.subject, role: $0.role.norwegianName)
    }
}
