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
        /// N=2^15, r=8, p=1: 32 MiB and ~0.3 s per hash in a debug build.
        public static let standard = Cost(n: 1 << 15, r: 8, p: 1)
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
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
              let n = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              n > 1, n <= 1 << 20, n & (n - 1) == 0, (1...32).contains(r), (1...16).contains(p),
              let salt = Data(base64Encoded: String(parts[4])),
              let expected = Data(base64Encoded: String(parts[5])), expected.count == 32,
              let actual = try? derive(password, salt: Array(salt), cost: Cost(n: n, r: r, p: p))
        else { return false }
        return ConstantTime.equal(actual, expected)
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
