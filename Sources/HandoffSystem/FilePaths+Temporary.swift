#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FilePaths {
  /// Creates a new file of a unique name in `folder` (`prefix`, six random characters,
  /// `suffix`), readable and writable by its owner only (0600), and returns its path.
  /// The name is never one that existed: `mkstemps(3)` creates it exclusively.
  package static func makeTemporaryFile(in folder: String, prefix: String, suffix: String)
    throws(Errno) -> String
  {
    var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
    template += Array(prefix.utf8CString.dropLast()) + Array("XXXXXX".utf8CString.dropLast())
    template += Array(suffix.utf8CString)
    let suffixLength = CInt(suffix.utf8.count)
    let fd = try retrying { mkstemps(&template, suffixLength) }
    // mkstemps makes it 0600 whatever the umask; said again for a C library that does not.
    _ = fchmod(fd, 0o600)
    FileDescriptor(rawValue: fd).close()
    return String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
