/// The kinds of e-mail notice the training work sends; a person can turn each off.
package enum NoticeKind: String, Sendable, CaseIterable, Codable {
    /// To a supervisør or veileder: an activity waits for their signature.
    case activityToSign = "activity-to-sign"
    /// To a leder: an objective waits for their approval.
    case objectiveToApprove = "objective-to-approve"
    /// To a LIS: an activity or objective they sent was decided.
    case decision
    /// To a LIS: their veileder planned a supervision talk.
    case talkPlanned = "talk-planned"

    /// What the settings page calls it.
    package var norwegianLabel: String {
        switch self {
        case .activityToSign: "Når en læringsaktivitet venter på min signatur (supervisør og veileder)"
        case .objectiveToApprove: "Når et læringsmål venter på min godkjenning (leder)"
        case .decision: "Når aktiviteter eller læringsmål jeg har sendt, er godkjent, avvist eller underkjent (LIS)"
        case .talkPlanned: "Når veilederen min planlegger en veiledningssamtale (LIS)"
        }
    }
}
