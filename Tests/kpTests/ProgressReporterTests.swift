import Foundation
import Synchronization
import Testing

@testable import kp

/// The one progress reporter of long `kp` work: plain lines when the output is not a terminal, a bar when it
/// is, and the ETA from the rate so far, all with a clock the test moves.
@Suite struct ProgressReporterTests {
    /// A clock and an output the test controls.
    final class Recorder: Sendable {
        let time = Mutex(0.0)
        let written = Mutex<[String]>([])

        func reporter(total: Int, style: ProgressReporter.Style) -> ProgressReporter {
            ProgressReporter(
                label: "migrate", unit: "tenants", total: total, style: style, clock: { self.time.withLock { $0 } },
                write: { text in self.written.withLock { $0.append(text) } })
        }

        func advance(_ reporter: ProgressReporter, seconds: Double, failed: Int = 0) {
            time.withLock { $0 += seconds }
            reporter.advance(failed: failed)
        }

        var text: String { written.withLock { $0.joined() } }
    }

    @Test func withoutATerminalALineIsWrittenEveryNItemsWithCountsRateAndETA() {
        let recorder = Recorder()
        let reporter = recorder.reporter(total: 25, style: .lines(everyItems: 10, everySeconds: 60))
        for index in 1...25 { recorder.advance(reporter, seconds: 0.5, failed: index == 3 ? 1 : 0) }
        reporter.finish()

        #expect(
            recorder.text.split(separator: "\n") == [
                "migrate: 10/25 tenants (40%), 1 failed, 2.0/s, ETA 7.5 s",
                "migrate: 20/25 tenants (80%), 1 failed, 2.0/s, ETA 2.5 s",
                "migrate: 25/25 tenants, 1 failed in 13 s",
            ])
    }

    @Test func withoutATerminalALineIsAlsoWrittenAfterSomeSecondsWithoutOne() {
        let recorder = Recorder()
        let reporter = recorder.reporter(total: 1000, style: .lines(everyItems: 100, everySeconds: 5))
        recorder.advance(reporter, seconds: 1)
        recorder.advance(reporter, seconds: 1)
        #expect(recorder.text.isEmpty, "neither 100 items nor 5 seconds yet")
        recorder.advance(reporter, seconds: 4)
        #expect(recorder.text == "migrate: 3/1000 tenants (0%), 0.5/s, ETA 33m 14s\n")
    }

    @Test func onATerminalTheBarIsRedrawnInPlaceAndClosedAtTheEnd() {
        let recorder = Recorder()
        let reporter = recorder.reporter(total: 4, style: .bar(width: 8))
        for _ in 1...4 { recorder.advance(reporter, seconds: 1) }
        reporter.finish()

        let text = recorder.text
        #expect(text.hasPrefix("\rmigrate [##......] 1/4 tenants 25% 1.0/s ETA 3.0 s\u{1B}[K"))
        #expect(text.contains("\rmigrate [########] 4/4 tenants 100% 1.0/s ETA 0.0 s\u{1B}[K"))
        #expect(text.hasSuffix("\nmigrate: 4/4 tenants in 4.0 s\n"))
        #expect(text.filter { $0 == "\n" }.count == 2, "one line for the bar, one for the summary")
    }

    @Test func theETAIsTheRemainingItemsAtTheRateSoFar() {
        #expect(ProgressReporter.eta(done: 0, total: 10, elapsed: 5) == nil)
        #expect(ProgressReporter.eta(done: 25, total: 100, elapsed: 10) == 30)
        #expect(ProgressReporter.eta(done: 100, total: 100, elapsed: 10) == 0)
        #expect(ProgressReporter.duration(0.44) == "0.4 s")
        #expect(ProgressReporter.duration(42) == "42 s")
        #expect(ProgressReporter.duration(194) == "3m 14s")
        #expect(ProgressReporter.duration(7500) == "2h 05m")
    }

    @Test func nothingIsWrittenAfterFinish() {
        let recorder = Recorder()
        let reporter = recorder.reporter(total: 2, style: .lines(everyItems: 1, everySeconds: 5))
        reporter.finish()
        let finished = recorder.text
        recorder.advance(reporter, seconds: 1)
        reporter.finish()
        #expect(recorder.text == finished)
    }
}
