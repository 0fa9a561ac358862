/// An attachment refused before anything is stored.
package enum AttachmentError: DescribedFailure, Equatable {
    /// Not a PDF, JPEG or PNG file (by its content).
    case typeNotAllowed
    /// Larger than the server's upload limit.
    case tooLarge(limit: Int)

    package var code: String {
        switch self {
        case .typeNotAllowed: "attachment.type-not-allowed"
        case .tooLarge: "attachment.too-large"
        }
    }

    package var detail: String {
        switch self {
        case .typeNotAllowed: "only PDF, JPEG and PNG files can be attached (recognised by their content)"
        case .tooLarge(let limit): "the file is larger than the upload limit of \(limit) bytes"
        }
    }

    package var message: String {
        switch self {
        case .typeNotAllowed: "Vedlegget må være en PDF-, JPEG- eller PNG-fil."
        case .tooLarge(let limit): "Vedlegget er for stort. Det kan være høyst \(Self.megabytes(limit))."
        }
    }

    package var inputField: String? { "attachment" }

    package var category: FailureCategory {
        switch self {
        case .typeNotAllowed: .invalid
        case .tooLarge: .tooLarge
        }
    }

    /// «25 MB» for 25 × 1024 × 1024 bytes.
    package static func megabytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(max(1, bytes / 1024)) kB"
    }
}
