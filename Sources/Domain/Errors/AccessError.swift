/// The person is known but may not do this.
package enum AccessError: Error, Equatable {
    case supportOnly
    /// Support reads training data only under an open, reasoned, time-limited access.
    case supportAccessRequired
}
