import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process that runs a planning session: its pid, host name and start time. Recorded with
/// every session so that start-up can tell a session whose process died (mark it interrupted)
/// from one another process — another user's TUI, a `plansmith serve` — is still running.
/// A pid alone is not enough: pids are reused, so the process's start time must match too.
public struct SessionOwner: Sendable, Equatable {
    public var pid: Int32
    public var host: String
    /// The kernel's start time of the process (clock ticks since boot on Linux); "" where unknown.
    public var startTime: String

    public init(pid: Int32, host: String, startTime: String) {
        self.pid = pid; self.host = host; self.startTime = startTime
    }

    /// This process.
    public static let current = SessionOwner(pid: getpid(), host: hostName(), startTime: startTime(of: getpid()) ?? "")

    /// True when this owner's process is certainly gone: same host, and the pid is free, a
    /// zombie, or now another process (a different start time). An owner on another host is never
    /// gone as far as we can tell (its host may be up), so its sessions are left alone.
    public static func isGone(pid: Int32, host: String, startTime: String?, localHost: String = current.host) -> Bool {
        guard host == localHost else { return false }
        guard pid > 0 else { return true }
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        #if os(Linux)
        guard let stat = procStat(of: pid) else { return true }  // vanished between the two checks
        if stat.state == "Z" { return true }  // killed but not yet reaped: it will run no more
        if let startTime, !startTime.isEmpty, stat.startTime != startTime { return true }
        #endif
        return false
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(cString: buffer)
    }

    static func startTime(of pid: Int32) -> String? { procStat(of: pid)?.startTime }

    /// State and start time from /proc/PID/stat. The command name (field 2) may hold spaces and
    /// parentheses, so fields are counted after the last ')'; starttime is field 22, state field 3.
    static func procStat(of pid: Int32) -> (state: String, startTime: String)? {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return (String(fields[0]), String(fields[19]))
        #else
        return nil
        #endif
    }
}
