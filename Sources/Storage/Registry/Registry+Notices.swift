import Domain
import Foundation
import GRDB

/// Which e-mail notices a person has turned off (every kind is on unless turned off).
extension Registry {
    package func noticeOptOuts(of person: PersonKey) throws -> Set<NoticeKind> {
        try pool.read { db in
            Set(
                try String.fetchAll(db, sql: "SELECT kind FROM noticeOptOut WHERE personKey = ?", arguments: [person.hex])
                    .compactMap(NoticeKind.init(rawValue:)))
        }
    }

    /// Replaces the person's choice as a whole, in one transaction.
    package func setNoticeOptOuts(_ kinds: Set<NoticeKind>, of person: PersonKey) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM noticeOptOut WHERE personKey = ?", arguments: [person.hex])
            for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
                try db.execute(
                    sql: "INSERT INTO noticeOptOut (personKey, kind) VALUES (?, ?)", arguments: [person.hex, kind.rawValue])
            }
        }
    }

    /// Whether the person wants notices of this kind; a registry that cannot be read says yes, so a notice is
    /// not lost to a read failure.
    package func wantsNotice(_ kind: NoticeKind, person: PersonKey) -> Bool {
        (try? noticeOptOuts(of: person).contains(kind)) != true
    }
}
