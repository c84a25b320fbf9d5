/// The answer to PostgreSQL's `md5` password request: `md5` followed by
/// `md5(md5(password + user) + salt)` in hexadecimal, where `salt` is the four bytes the
/// server sent.
package enum MD5Password {
  package static func response(user: String, password: String, salt: [UInt8]) -> String {
    let inner = MD5.hexHash(Array(password.utf8) + Array(user.utf8))
    return "md5" + MD5.hexHash(Array(inner.utf8) + salt)
  }
}
