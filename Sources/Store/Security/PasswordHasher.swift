import Crypto
import _CryptoExtras
import Foundation

/// Hashes passwords with scrypt into `scrypt$N$r$p$saltB64$hashB64` and verifies them in
/// constant time. N, r and p travel with each hash, so raising the cost later keeps old
/// hashes verifiable.
public struct PasswordHasher: Sendable {
    public struct Cost: Sendable, Equatable {
        public var n: Int, r: Int, p: Int
        public init(n: Int, r: Int, p: Int) { self.n = n; self.r = r; self.p = p }
        /// N=2^17, r=8, p=1: 128 MiB per hash, OWASP's scrypt minimum. Hashes made at a lower
        /// cost (N=2^15 before) still verify and are rehashed at the next successful login.
        public static let standard = Cost(n: 1 << 17, r: 8, p: 1)

        /// True when hashes at this cost should be redone at `other` (any parameter lower).
        public func isWeaker(than other: Cost) -> Bool { n < other.n || r < other.r || p < other.p }
        /// Cheap parameters for tests that hash many passwords (never for real accounts).
        public static let testing = Cost(n: 1 << 10, r: 8, p: 1)
    }

    public var cost: Cost
    public init(cost: Cost = .standard) { self.cost = cost }

    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try derive(password, salt: salt, cost: cost)
        return "scrypt$\(cost.n)$\(cost.r)$\(cost.p)$\(Data(salt).base64EncodedString())$\(derived.base64EncodedString())"
    }

    /// True when `password` produces `encoded`. Malformed hashes verify as false.
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard let cost = Self.cost(of: encoded) else { return false }
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard let salt = Data(base64Encoded: String(parts[4])),
              let expected = Data(base64Encoded: String(parts[5])), expected.count == 32,
              let actual = try? derive(password, salt: Array(salt), cost: cost)
        else { return false }
        return ConstantTime.equal(actual, expected)
    }

    /// The work of one `verify` at this hasher's cost, with no stored hash to check: callers
    /// that refuse a login without checking (unknown email, back-off) spend it so their answer
    /// takes as long as a real check.
    public func verifyNothing(_ password: String) {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        _ = try? derive(password, salt: salt, cost: cost)
    }

    /// The parameters a stored hash was made with; nil when it is not a well-formed scrypt hash.
    public static func cost(of encoded: String) -> Cost? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
              let n = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              n > 1, n <= 1 << 20, n & (n - 1) == 0, (1...32).contains(r), (1...16).contains(p)
        else { return nil }
        return Cost(n: n, r: r, p: p)
    }

    private func derive(_ password: String, salt: [UInt8], cost: Cost) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32,
                                           rounds: cost.n, blockSize: cost.r, parallelism: cost.p)
        return key.withUnsafeBytes { Data($0) }
    }
}

/// Comparison whose running time does not depend on where two byte strings first differ.
enum ConstantTime {
    static func equal<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
