import Foundation

/// A new folder with a short path (so socket paths fit), owned by `owner` when given: in
/// memory (/dev/shm, when it has room) unless `onDisk`, so that clusters cost no disk
/// writes on a machine that is busy building.
func makeFolder(_ prefix: String, owner: PostgresBinaries.Owner?, onDisk: Bool = false)
  throws(ClusterError) -> String
{
  let base = clusterBase(onDisk: onDisk)
  var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
  let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
  guard made != nil else { throw ClusterError("cannot create a folder under \(base)") }
  let path = String(
    decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  if let owner, chown(path, owner.uid, owner.gid) != 0 {
    throw ClusterError("cannot give \(path) to \(owner.name)")
  }
  return path
}

/// Appends lines to a text file, creating it.
func appendLines(_ lines: [String], to path: String) throws(ClusterError) {
  let text = lines.map { $0 + "\n" }.joined()
  guard let handle = fopen(path, "a") else { throw ClusterError("cannot write \(path)") }
  defer { fclose(handle) }
  guard fputs(text, handle) >= 0 else { throw ClusterError("cannot write \(path)") }
}

/// Replaces a text file's lines.
func writeLines(_ lines: [String], to path: String) throws(ClusterError) {
  guard let handle = fopen(path, "w") else { throw ClusterError("cannot write \(path)") }
  fclose(handle)
  try appendLines(lines, to: path)
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
func freePort() throws(ClusterError) -> Int {
  #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
  #endif
  guard fd >= 0 else { throw ClusterError("cannot open a socket") }
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
      bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
    }
  }
  guard bound else { throw ClusterError("cannot find a free port") }
  return Int(UInt16(bigEndian: address.sin_port))
}

/// A word for /bin/sh, in single quotes.
func shellQuoted(_ word: String) -> String {
  "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Percent-encodes everything but letters and digits, for a URL's password.
func percentEncode(_ text: String) -> String {
  text.utf8.map { byte in
    let scalar = Unicode.Scalar(byte)
    return scalar.properties.isAlphabetic && byte < 0x80 || ("0"..."9").contains(scalar)
      ? String(scalar) : String(format: "%%%02X", byte)
  }.joined()
}

/// Where clusters' folders go: /dev/shm when it has room and `onDisk` is false, else /tmp.
func clusterBase(onDisk: Bool) -> String {
  !onDisk && memoryFolderHasRoom() ? "/dev/shm" : "/tmp"
}

/// Whether /dev/shm exists with a gigabyte free (a container's is often only 64 MB).
private func memoryFolderHasRoom() -> Bool {
  var info = statvfs()
  guard statvfs("/dev/shm", &info) == 0, access("/dev/shm", W_OK) == 0 else { return false }
  return UInt64(info.f_bavail) * UInt64(info.f_frsize) >= 1 << 30
}
