import Foundation
import Synchronization

/// Progress of long `kp` work (`migrate`, `dev seed-training`, `catalog import`), on stderr so stdout keeps
/// the command's result: on a terminal a bar redrawn in place with counts, rate and ETA; otherwise (a log, a
/// pipe, CI) a plain line every `everyItems` items or `everySeconds` seconds, whichever comes first.
///
/// Safe to call from several workers at once. The clock is passed in (seconds since any fixed start), so
/// the lines and the ETA can be tested without waiting.
final class ProgressReporter: Sendable {
    enum Style: Sendable, Equatable {
        /// Redrawn at most ten times a second.
        case bar(width: Int)
        case lines(everyItems: Int, everySeconds: Double)
    }

    let label: String
    let unit: String
    let style: Style
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let state: Mutex<State>

    private struct State {
        var total: Int
        var done = 0
        var failed = 0
        var lastOutputAt: Double
        var finished = false
    }

    init(
        label: String, unit: String, total: Int, style: Style, clock: @escaping @Sendable () -> Double,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.label = label
        self.unit = unit
        self.style = style
        self.clock = clock
        self.write = write
        self.state = Mutex(State(total: total, lastOutputAt: clock()))
    }

    /// On stderr: a bar when stderr is a terminal, lines (every 10% of the work, or every 5 seconds; every
    /// 5 seconds only when the total is not known yet) when not.
    static func standardError(label: String, unit: String, total: Int) -> ProgressReporter {
        let start = ContinuousClock.now
        let style: Style =
            isatty(STDERR_FILENO) == 1
            ? .bar(width: 30) : .lines(everyItems: total > 0 ? max(1, total / 10) : Int.max, everySeconds: 5)
        return ProgressReporter(
            label: label, unit: unit, total: total, style: style, clock: { (ContinuousClock.now - start).seconds },
            write: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// `count` more items are done (`failed` of them failed).
    func advance(by count: Int = 1, failed: Int = 0) {
        update { state in
            state.done += count
            state.failed += failed
        }
    }

    /// `done` of `total` items are done: for work that learns its size on the way (a file being parsed).
    func advance(to done: Int, of total: Int) {
        update { state in
            state.done = done
            state.total = total
        }
    }

    private func update(_ change: (inout State) -> Void) {
        let now = clock()
        let output: String? = state.withLock { state in
            guard !state.finished else { return nil }
            let before = state.done
            change(&state)
            let total = state.total
            switch style {
            case .bar:
                guard now - state.lastOutputAt >= 0.1 || state.done >= total else { return nil }
                state.lastOutputAt = now
                return "\r" + bar(state, elapsed: now) + "\u{1B}[K"
            case .lines(let everyItems, let everySeconds):
                let crossed = before / everyItems != state.done / everyItems
                guard crossed || now - state.lastOutputAt >= everySeconds else { return nil }
                state.lastOutputAt = now
                return line(state, elapsed: now) + "\n"
            }
        }
        if let output { write(output) }
    }

    /// Ends the display: the bar's line is closed, and a last line says how long the whole took.
    func finish() {
        let now = clock()
        let output: String? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            let summary = "\(label): \(state.done)/\(state.total) \(unit)\(failures(state)) in \(Self.duration(now))\n"
            switch style {
            case .bar: return "\r" + bar(state, elapsed: now) + "\u{1B}[K\n" + summary
            case .lines: return summary
            }
        }
        if let output { write(output) }
    }

    // MARK: Text

    private func failures(_ state: State) -> String { state.failed > 0 ? ", \(state.failed) failed" : "" }

    /// `migrate: 1200/10000 tenants (12%), 3 failed, 45.2/s, ETA 3m 14s`
    private func line(_ state: State, elapsed: Double) -> String {
        "\(label): \(state.done)/\(state.total) \(unit) (\(percent(state)))\(failures(state)), "
            + "\(Self.rate(done: state.done, elapsed: elapsed)), ETA \(eta(state, elapsed: elapsed))"
    }

    /// `migrate [#########.....................] 1200/10000 tenants 12% 45.2/s ETA 3m 14s`
    private func bar(_ state: State, elapsed: Double) -> String {
        guard case .bar(let width) = style else { return line(state, elapsed: elapsed) }
        let total = state.total
        let filled = total > 0 ? min(width, width * state.done / total) : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "\(label) [\(bar)] \(state.done)/\(total) \(unit) \(percent(state))\(failures(state)) "
            + "\(Self.rate(done: state.done, elapsed: elapsed)) ETA \(eta(state, elapsed: elapsed))"
    }

    private func percent(_ state: State) -> String {
        state.total > 0 ? "\(100 * state.done / state.total)%" : "100%"
    }

    private func eta(_ state: State, elapsed: Double) -> String {
        Self.eta(done: state.done, total: state.total, elapsed: elapsed).map(Self.duration) ?? "?"
    }

    /// Seconds left at the rate so far; nil before the first item (no rate yet).
    static func eta(done: Int, total: Int, elapsed: Double) -> Double? {
        guard done > 0, elapsed > 0 else { return nil }
        return Double(max(0, total - done)) * elapsed / Double(done)
    }

    static func rate(done: Int, elapsed: Double) -> String {
        guard elapsed > 0 else { return "-/s" }
        return String(format: "%.1f/s", Double(done) / elapsed)
    }

    /// `0.4 s`, `12 s`, `3m 14s`, `2h 05m`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60)m \(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h \(String(format: "%02d", whole % 3600 / 60))m"
    }
}

extension Duration {
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
