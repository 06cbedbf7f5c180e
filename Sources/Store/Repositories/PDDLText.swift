import Foundation

/// The little the Store needs to know about PDDL text: names in the `define` header, and file I/O.
/// Full parsing belongs to the PDDL module, which the Store does not depend on.
enum PDDLText {
    static func domainName(in text: String) throws -> String {
        guard let name = headerName(kind: "domain", in: text) else {
            throw StoreError.invalidInput("not a PDDL domain: no (define (domain NAME) …) found")
        }
        return name
    }

    static func problemName(in text: String) throws -> String {
        guard let name = headerName(kind: "problem", in: text) else {
            throw StoreError.invalidInput("not a PDDL problem: no (define (problem NAME) …) found")
        }
        return name
    }

    /// Finds `(define (KIND NAME` ignoring case, whitespace and `;` comments.
    private static func headerName(kind: String, in text: String) -> String? {
        let stripped = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
            .joined(separator: "\n")
        let pattern = #"\(\s*define\s*\(\s*"# + kind + #"\s+([^\s()]+)"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let match = regex.firstMatch(in: stripped, range: NSRange(stripped.startIndex..., in: stripped)),
              let range = Range(match.range(at: 1), in: stripped)
        else { return nil }
        return String(stripped[range])
    }

    /// The most a PDDL file may hold (as `SourceText.defaultMaximumSize` in the PDDL module).
    static let maximumSize = 128 << 20

    static func read(_ path: String) throws -> String {
        let outcome: BoundedFileReader.Outcome
        do { outcome = try BoundedFileReader.read(path: path, limit: maximumSize) } catch {
            throw StoreError.invalidInput("cannot read \(path): \(error)")
        }
        guard case .bytes(let bytes) = outcome else {
            throw StoreError.invalidInput("\(path) is larger than \(maximumSize >> 20) MB")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw StoreError.invalidInput("\(path) is not UTF-8 text")
        }
        return text
    }

    static func write(_ text: String, to path: String) throws {
        do { try AtomicFileWriter.write(text, to: path) } catch {
            throw StoreError.invalidInput("\(error)")
        }
    }
}
