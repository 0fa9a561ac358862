import struct Foundation.UUID

/// Why a LIS cannot be registered or read.
package enum TraineeError: Error, Equatable, Sendable {
    case alreadyRegistered(UUID)
    case notRegistered
    case notFound(UUID)
    case invalid(ValidationError)
}
