import Foundation

/// The client side of SCRAM-SHA-256 (RFC 5802 with RFC 7677's hash) as PostgreSQL runs
/// it, as a state machine the connection drives: send `clientFirstMessage`, answer the
/// server's first message with `clientFinalMessage(serverFirst:)`, then check the
/// server's last message with `verify(serverFinal:)`, which proves the server knew the
/// password too. Without TLS there is no channel to bind to, so the client says so
/// (`n,,`).
package struct SCRAMClient: Sendable {
  private let password: [UInt8]
  private let nonce: String
  private let clientFirstBare: String
  /// What the server must sign with once the client's proof is sent.
  private var expectedServerSignature: [UInt8]?

  /// A client signing in with `password`. PostgreSQL takes the user from the start-up
  /// message and leaves it empty here; `nonce` is random unless a test fixes it.
  package init(user: String = "", password: String, nonce: String = SCRAMClient.randomNonce()) {
    self.password = Array(SASLPrep.prepare(password).utf8)
    self.nonce = nonce
    clientFirstBare = "n=\(Self.saslName(user)),r=\(nonce)"
  }

  /// A fresh nonce: 18 random bytes in base64 (never a comma, as SCRAM needs).
  package static func randomNonce() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<18).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return Data(bytes).base64EncodedString()
  }

  /// The first message: no channel binding, the user and the client's nonce.
  package var clientFirstMessage: [UInt8] { Array(("n,," + clientFirstBare).utf8) }

  /// Answers the server's first message (its nonce, the salt and the rounds) with the
  /// client's proof of the password.
  package mutating func clientFinalMessage(serverFirst: [UInt8]) throws(SCRAMError) -> [UInt8] {
    guard let serverFirstText = String(validating: serverFirst, as: UTF8.self) else {
      throw .malformed("the server's first message is not UTF-8")
    }
    let attributes = try Self.attributes(serverFirstText)
    if attributes.first?.key == "m" { throw .malformed("the server asks for an extension") }
    guard let combinedNonce = attributes.first(where: { $0.key == "r" })?.value,
      let saltText = attributes.first(where: { $0.key == "s" })?.value,
      let iterationText = attributes.first(where: { $0.key == "i" })?.value
    else { throw .malformed("the server's first message lacks its nonce, salt or rounds") }
    guard combinedNonce.hasPrefix(nonce), combinedNonce.count > nonce.count else {
      throw .nonceMismatch
    }
    guard let salt = Data(base64Encoded: saltText), !salt.isEmpty else {
      throw .malformed("the server's salt is not base64")
    }
    guard let iterations = Int(iterationText), iterations > 0 else {
      throw .malformed("the server's round count \(iterationText) is not a positive number")
    }

    let saltedPassword = PBKDF2.deriveKey(
      password: password, salt: Array(salt), iterations: iterations)
    let salted = HMACSHA256(key: saltedPassword)
    let clientKey = salted.authenticate(Array("Client Key".utf8))
    let storedKey = SHA256.hash(clientKey)
    // "biws" is base64 of the GS2 header "n,,": no channel binding.
    let clientFinalWithoutProof = "c=biws,r=\(combinedNonce)"
    let authMessage = Array(
      "\(clientFirstBare),\(serverFirstText),\(clientFinalWithoutProof)".utf8)
    let clientSignature = HMACSHA256.authenticate(authMessage, key: storedKey)
    let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
    let serverKey = salted.authenticate(Array("Server Key".utf8))
    expectedServerSignature = HMACSHA256.authenticate(authMessage, key: serverKey)
    return Array(
      "\(clientFinalWithoutProof),p=\(Data(proof).base64EncodedString())".utf8)
  }

  /// Checks the server's last message: its signature, or the error it reports.
  package func verify(serverFinal: [UInt8]) throws(SCRAMError) {
    guard let expected = expectedServerSignature else {
      throw .malformed("the server finished before the client sent its proof")
    }
    let attributes = try Self.attributes(String(decoding: serverFinal, as: UTF8.self))
    if let error = attributes.first(where: { $0.key == "e" }) {
      throw .serverError(error.value)
    }
    guard let text = attributes.first(where: { $0.key == "v" })?.value,
      let signature = Data(base64Encoded: text)
    else { throw .malformed("the server's last message has no signature") }
    guard Array(signature) == expected else { throw .wrongServerSignature }
  }

  /// `key=value` pairs separated by commas; a value may hold `=` (base64 does).
  private static func attributes(_ text: String) throws(SCRAMError) -> [(
    key: String, value: String
  )] {
    var result: [(key: String, value: String)] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let equals = part.firstIndex(of: "="),
        part.distance(from: part.startIndex, to: equals) == 1
      else { throw .malformed("the server sent an attribute that is not key=value") }
      result.append((String(part[..<equals]), String(part[part.index(after: equals)...])))
    }
    return result
  }

  /// A user name as SCRAM writes it: `=` and `,` escaped.
  private static func saslName(_ user: String) -> String {
    user.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: ",", with: "=2C")
  }
}

/// Why a SCRAM exchange failed, as the end of a one-line message.
package enum SCRAMError: Error, Equatable, Sendable, CustomStringConvertible {
  case malformed(String)
  case nonceMismatch
  case serverError(String)
  /// The server's signature is not the one the password gives: it does not know the
  /// password, so it is not the server it claims to be.
  case wrongServerSignature

  package var description: String {
    switch self {
    case .malformed(let what): "SCRAM exchange failed: \(what)"
    case .nonceMismatch: "SCRAM exchange failed: the server's nonce does not extend the client's"
    case .serverError(let code): "SCRAM exchange failed: the server reports \(code)"
    case .wrongServerSignature:
      "the server's SCRAM signature is wrong: it does not know the password, so it may not be the server it claims to be"
    }
  }
}
