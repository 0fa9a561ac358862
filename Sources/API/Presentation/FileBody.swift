import Foundation
import OpenAPIRuntime

/// Response bodies for files whose bytes are certified elsewhere (a seal, a statement's SHA-256): sent as
/// they are, never decoded and encoded again, so the download hashes to what was certified.
enum FileBody {
    /// Streams a file from disk in chunks, with its length known up front; an export is never held whole in
    /// memory.
    static func stream(_ url: URL, chunkSize: Int = 64 * 1024) throws -> HTTPBody {
        let handle = try FileHandle(forReadingFrom: url)
        let length = try handle.seekToEnd()
        try handle.seek(toOffset: 0)
        let chunks = AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
            guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else {
                try handle.close()
                return nil
            }
            return ArraySlice(data)
        }
        return HTTPBody(chunks, length: .known(Int64(length)), iterationBehavior: .single)
    }

    /// A sealed file exactly as it was sealed.
    static func sealed(_ fileText: String) -> HTTPBody { HTTPBody(fileText) }
}
