import Foundation
import HandoffPostgres
import Testing

/// The SCRAM-SHA-256 exchange, against RFC 7677's example and a server that misbehaves.
@Suite struct SCRAMClientTests {
  private let serverFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"

  private func rfcClient() -> SCRAMClient {
    SCRAMClient(user: "user", password: "pencil", nonce: "rOprNGfwEbeRWgbNEkqO")
  }

  @Test("the client's messages are RFC 7677 §3's, and its server signature checks out")
  func rfc7677Exchange() throws {
    var client = rfcClient()
    #expect(
      String(decoding: client.clientFirstMessage, as: UTF8.self)
        == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
    let final = try client.clientFinalMessage(serverFirst: Array(serverFirst.utf8))
    #expect(
      String(decoding: final, as: UTF8.self)
        == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
    try client.verify(
      serverFinal: Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
  }

  @Test("a server that does not know the password is caught by its signature")
  func wrongServerSignature() throws {
    var client = rfcClient()
    _ = try client.clientFinalMessage(serverFirst: Array(serverFirst.utf8))
    let forged = Data(repeating: 7, count: 32).base64EncodedString()
    #expect(throws: SCRAMError.wrongServerSignature) {
      try client.verify(serverFinal: Array("v=\(forged)".utf8))
    }
  }

  @Test(
    "a malformed or hostile first message from the server is refused",
    arguments: [
      // A nonce that does not extend the client's.
      "r=someoneElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
      // The client's nonce alone: the server added nothing.
      "r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
      "r=rOprNGfwEbeRWgbNEkqOxyz,s=not base64!,i=4096",
      "r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0",
      "r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==",
      "m=extension,r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
      "garbage",
    ])
  func hostileServerFirst(message: String) {
    var client = rfcClient()
    #expect(throws: SCRAMError.self) {
      try client.clientFinalMessage(serverFirst: Array(message.utf8))
    }
  }

  @Test(
    "the server's error in its last message is reported, and a last message before the proof is refused"
  )
  func serverFinalErrors() throws {
    var client = rfcClient()
    #expect(throws: SCRAMError.self) { try client.verify(serverFinal: Array("v=x".utf8)) }
    _ = try client.clientFinalMessage(serverFirst: Array(serverFirst.utf8))
    #expect(throws: SCRAMError.serverError("invalid-proof")) {
      try client.verify(serverFinal: Array("e=invalid-proof".utf8))
    }
  }

  @Test("random nonces differ, are 24 base64 characters and never hold a comma")
  func nonces() {
    let nonces = (0..<50).map { _ in SCRAMClient.randomNonce() }
    #expect(Set(nonces).count == 50)
    #expect(nonces.allSatisfy { $0.count == 24 && !$0.contains(",") })
  }

  @Test("user names are escaped as SCRAM requires")
  func userEscaping() {
    let client = SCRAMClient(user: "a=b,c", password: "x", nonce: "N")
    #expect(String(decoding: client.clientFirstMessage, as: UTF8.self) == "n,,n=a=3Db=2Cc,r=N")
  }
}

/// SASLprep as PostgreSQL applies it to passwords.
@Suite struct SASLPrepTests {
  @Test(
    "passwords are prepared as RFC 4013 says, or kept as they are where PostgreSQL keeps them",
    arguments: [
      // ASCII is kept exactly, even with a control character.
      ("pencil", "pencil"),
      ("tab\there", "tab\there"),
      // Non-ASCII spaces become spaces; invisible characters go.
      ("pass\u{00A0}word", "pass word"),
      ("I\u{00AD}X", "IX"),
      // NFKC: the fullwidth letters and the ligature become plain letters.
      ("ｐａｓｓ", "pass"),
      ("\u{FB01}le", "file"),
      // Prohibited (a control character among non-ASCII) or unassigned in Unicode 3.2
      // (an emoji): the password is used unchanged.
      ("ä\u{0007}", "ä\u{0007}"),
      ("ä\u{00A0}😀", "ä\u{00A0}😀"),
      // Right-to-left: wholly Hebrew is fine; Hebrew then Latin breaks the rule.
      ("\u{05D0}\u{05D1}", "\u{05D0}\u{05D1}"),
      ("\u{05D0}a\u{00A0}", "\u{05D0}a\u{00A0}"),
    ])
  func prepare(password: String, prepared: String) {
    #expect(Array(SASLPrep.prepare(password).unicodeScalars) == Array(prepared.unicodeScalars))
  }
}
