/// The demo's named test persons, offered on the development issuer's login page.
///
/// TODO(issue 12): take these from the shared table of demo persons (`kp dev token --as NAME`) once it is
/// merged, so the page, the CLI and the README name the same people.
struct DevelopmentTestPerson: Sendable, Equatable {
    let key: String
    let name: String
    let pid: String
    let subject: String
    let role: String

    static let all: [DevelopmentTestPerson] = [
        .init(key: "rita", name: "Rita Rådmann", pid: "30108299939", subject: "rita", role: "signerer for kommunen"),
        .init(key: "siri", name: "Siri Støtte", pid: "15888510025", subject: "dev-support", role: "brukerstøtte"),
        .init(key: "lise", name: "Lise Lege", pid: "02013299997", subject: "dev-lis-1", role: "lege i spesialisering"),
        .init(key: "lars", name: "Lars Leder", pid: "30108299920", subject: "lars", role: "leder"),
    ]
}
