#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who is running the command when nothing else says: the login name.
enum UserName {
  /// The name of the process's user, else the terminal's login name; nil with neither.
  static func login() -> String? {
    if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name {
      let s = String(cString: name)
      if !s.isEmpty { return s }
    }
    if let login = getlogin() {
      let s = String(cString: login)
      if !s.isEmpty { return s }
    }
    return nil
  }
}
