/// Why a supervision talk cannot be created, written or finalised.
package enum TalkError: DescribedFailure, Equatable {
    /// A finalised talk is the record of what was said: nothing changes after it.
    case finalised
    /// Only the LIS's veileder creates and finalises talks.
    case veilederOnly
    /// Only the LIS and the veileder write in a talk.
    case notAParticipant
    /// A talk is finalised once its minutes are written.
    case minutesRequired
    /// A finalised talk counts as held in the progress report, so it cannot be finalised before its day.
    case futureDate(CalendarDate)
    /// No talk with this id for this LIS.
    case notFound
    case invalid(ValidationError)

    package var code: String {
        switch self {
        case .finalised: "talk.finalised"
        case .veilederOnly: "talk.veileder-only"
        case .notAParticipant: "talk.not-a-participant"
        case .minutesRequired: "talk.minutes-required"
        case .futureDate: "talk.future-date"
        case .notFound: "talk.not-found"
        case .invalid: "talk.invalid"
        }
    }

    package var detail: String {
        switch self {
        case .finalised: "the talk is finalised and can no longer change"
        case .veilederOnly: "only the LIS's veileder creates and finalises supervision talks"
        case .notAParticipant: "only the LIS and the veileder write in a supervision talk"
        case .minutesRequired: "write the minutes before finalising the talk"
        case .futureDate(let date): "the talk is dated \(date.iso), in the future; finalise it once it has been held"
        case .notFound: "no such supervision talk for this LIS"
        case .invalid(let error): error.detail
        }
    }

    package var message: String {
        switch self {
        case .finalised: "Samtalen er avsluttet og kan ikke endres."
        case .veilederOnly: "Bare veilederen til LIS-en kan opprette og avslutte veiledningssamtaler."
        case .notAParticipant: "Bare LIS-en og veilederen kan skrive i veiledningssamtalen."
        case .minutesRequired: "Skriv referat før du avslutter samtalen."
        case .futureDate(let date):
            "Samtalen er datert \(date.norwegian), fram i tid. Du kan avslutte den når den er gjennomført."
        case .notFound: "Vi finner ikke denne veiledningssamtalen."
        case .invalid(let error): error.message
        }
    }

    package var inputField: String? {
        if case .invalid(let error) = self { error.field } else { nil }
    }

    package var category: FailureCategory {
        switch self {
        case .veilederOnly, .notAParticipant: .forbidden
        case .finalised, .minutesRequired, .futureDate: .conflict
        case .notFound: .notFound
        case .invalid: .invalid
        }
    }
}
