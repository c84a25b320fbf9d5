#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who is running the command: `--user`, else `HANDOFF_USER`, else the login name.
enum UserName {
  static func resolve(flag: String?, environment: [String: String]) -> String? {
    if let flag, !flag.isEmpty { return flag }
    if let env = environment["HANDOFF_USER"], !env.isEmpty { return env }
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
