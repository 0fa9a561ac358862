import Domain
import Foundation
import GRDB

/// Login attempts and API sessions. Only hashes of `state` and of session tokens are stored.
extension Registry {
    /// Keeps a login attempt until its callback; `browserBindingHash` when a browser page started it.
    package func saveLoginAttempt(
        stateHash: String, nonce: String, codeVerifier: String, expiresAt: Date, browserBindingHash: String? = nil
    ) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM loginAttempt WHERE expiresAt < ?", arguments: [expiresAt.addingTimeInterval(-3600)])
            try db.execute(
                sql: """
                    INSERT INTO loginAttempt (stateHash, nonce, codeVerifier, expiresAt, browserBindingHash)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [stateHash, nonce, codeVerifier, expiresAt, browserBindingHash])
        }
    }

    /// Removes and returns the attempt with this state: a state is good for one callback only.
    package func takeLoginAttempt(stateHash: String) async throws
        -> (nonce: String, codeVerifier: String, expiresAt: Date, browserBindingHash: String?)?
    {
        try await pool.write { db in
            guard let row = try Row.fetchOne(
                db,
                sql: "SELECT nonce, codeVerifier, expiresAt, browserBindingHash FROM loginAttempt WHERE stateHash = ?",
                arguments: [stateHash])
            else { return nil }
            try db.execute(sql: "DELETE FROM loginAttempt WHERE stateHash = ?", arguments: [stateHash])
            return (row["nonce"], row["codeVerifier"], row["expiresAt"], row["browserBindingHash"])
        }
    }

    package func createSession(tokenHash: String, for principal: Principal, at now: Date, expiresAt: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO session (tokenHash, personKey, issuer, subject, name, hprNumber, securityLevel, isSupport,
                        createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    tokenHash, principal.personKey.hex, principal.issuer, principal.subject, principal.name,
                    principal.hprNumber, principal.securityLevel.rawValue, principal.isSupport, now, expiresAt,
                ])
        }
    }

    /// The session of this token: its person while it is live, or why it no longer is, so that a client
    /// can tell a logout from an expiry.
    package func session(tokenHash: String, at now: Date) throws -> SessionLookup {
        try readNow { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT personKey, issuer, subject, name, hprNumber, securityLevel, isSupport, revokedAt,
                            expiresAt FROM session WHERE tokenHash = ?
                        """), arguments: [tokenHash])
            else { return .unknown }
            // A logout ends the session for good, whether or not it would have expired by now.
            if (row["revokedAt"] as Date?) != nil { return .ended }
            guard (row["expiresAt"] as Date) > now else { return .expired }
            guard let key = try? PersonKey(hex: row["personKey"]), let level = SecurityLevel(rawValue: row["securityLevel"])
            else { throw StorageError.corruptRow(table: "session", column: "personKey") }
            return .live(
                Principal(
                    issuer: row["issuer"], subject: row["subject"], personKey: key, hprNumber: row["hprNumber"],
                    name: row["name"], securityLevel: level, isSupport: row["isSupport"]))
        }
    }

    package func revokeSession(tokenHash: String, at now: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE session SET revokedAt = ? WHERE tokenHash = ? AND revokedAt IS NULL",
                arguments: [now, tokenHash])
        }
    }
}
