import Foundation

/// Path parameters every LIS operation shares.
extension APIHandlers {
    func traineeID(_ raw: String) throws -> UUID { try uuid(raw, "traineeId") }

    /// A path parameter that must be a UUID; anything else is a 400 naming the parameter. The length is
    /// checked first: Foundation's parser reads a C string and would take `<uuid>%00junk` as the UUID.
    func uuid(_ raw: String, _ name: String) throws -> UUID {
        guard raw.utf8.count == 36, let id = UUID(uuidString: raw) else { throw RequestError.invalidParameter(name) }
        return id
    }
}
