/// Turns a name from outside — a domain name from `--name` or `(define (domain …))`, a chat's
/// title — into one file-name component that stays inside the folder it is joined to.
///
/// Path parts are split at `/` and `\`; empty, `.` and `..` parts are dropped and the rest joined
/// with `-` (`../../x` → `x`, `a/b` → `a-b`). Then only letters, digits and `- _ . +` are kept
/// (NUL, control characters, spaces become `-`), leading dots are dropped (no hidden files), and
/// the result is at most 120 bytes; an empty result becomes `fallback`.
public enum SafeFileName {
    public static func component(_ name: String, fallback: String = "unnamed") -> String {
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).filter { $0 != "." && $0 != ".." }
        var kept = String(parts.joined(separator: "-").unicodeScalars.map { scalar -> Character in
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.+".unicodeScalars.contains(scalar)
            return allowed ? Character(scalar) : "-"
        })
        while kept.hasPrefix(".") { kept.removeFirst() }
        while kept.utf8.count > 120 { kept.removeLast() }
        return kept.isEmpty ? fallback : kept
    }
}
