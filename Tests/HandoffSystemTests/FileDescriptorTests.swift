import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct FileDescriptorTests {
  @Test("bytes written to a file read back whole, and by range")
  func roundTrip() throws {
    let folder = TemporaryDirectory("handoff-system")
    let path = folder.path + "/data.bin"
    let fd = try FileDescriptor.open(path, O_RDWR | O_CREAT | O_TRUNC, mode: 0o600)
    defer { fd.close() }
    let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try fd.writeAll(bytes)
    try fd.sync()
    #expect(try fd.status().size == 70_000)
    #expect(try fd.read(from: 0, to: 70_000) == bytes)
    #expect(try fd.read(from: 1000, to: 1010) == Array(bytes[1000..<1010]))
    // Past the end: only what is there.
    #expect(try fd.read(from: 69_995, to: 80_000) == Array(bytes[69_995...]))
    try fd.truncate(to: 10)
    #expect(try fd.status().size == 10)
  }

  @Test("opening a missing file throws the named error, with the system's words")
  func missingFile() {
    #expect(throws: Errno.noSuchFile) {
      try FileDescriptor.open("/nonexistent-\(getpid())/x", O_RDONLY)
    }
    let error = SystemError("open", path: "/x", .noSuchFile)
    #expect(error.description == "cannot open /x: No such file or directory")
  }

  @Test("a non-blocking pipe with nothing in it says would-block; at its end, 0")
  func pipeEnds() throws {
    var ends: [CInt] = [0, 0]
    #expect(pipe(&ends) == 0)
    let reader = FileDescriptor(rawValue: ends[0])
    let writer = FileDescriptor(rawValue: ends[1])
    defer { reader.close() }
    _ = fcntl(reader.rawValue, F_SETFL, fcntl(reader.rawValue, F_GETFL) | O_NONBLOCK)
    var buffer = [UInt8](repeating: 0, count: 16)
    #expect {
      try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
    } throws: { ($0 as? Errno)?.isWouldBlock == true }
    try writer.writeAll("hello")
    #expect(try buffer.withUnsafeMutableBytes { try reader.read(into: $0) } == 5)
    #expect(String(decoding: buffer.prefix(5), as: UTF8.self) == "hello")
    writer.close()
    #expect(try buffer.withUnsafeMutableBytes { try reader.read(into: $0) } == 0)
  }

  @Test("folders are made with their parents; a file in the way is refused")
  func directories() throws {
    let folder = TemporaryDirectory("handoff-system")
    let deep = folder.path + "/a/b/c"
    try FilePaths.makeDirectories(deep)
    #expect(FileStatus.of(path: deep)?.isDirectory == true)
    try FilePaths.makeDirectories(deep)
    let file = folder.path + "/a/file"
    try FileDescriptor.open(file, O_WRONLY | O_CREAT, mode: 0o600).close()
    #expect(throws: Errno.notDirectory) { try FilePaths.makeDirectories(file) }
    #expect(FilePaths.directory(of: "/x") == "/")
    #expect(FilePaths.directory(of: "x") == ".")
    #expect(FilePaths.directory(of: "/a/b/c") == "/a/b")
  }

  @Test("a file's identity survives growth and changes when it is replaced")
  func identity() throws {
    let folder = TemporaryDirectory("handoff-system")
    let path = folder.path + "/log"
    let fd = try FileDescriptor.open(path, O_WRONLY | O_CREAT, mode: 0o600)
    let first = try fd.status()
    try fd.writeAll("more")
    fd.close()
    let grown = try #require(FileStatus.of(path: path))
    #expect(grown.sameFile(as: first) && grown.size == 4)
    let other = folder.path + "/new"
    try FileDescriptor.open(other, O_WRONLY | O_CREAT, mode: 0o600).close()
    #expect(rename(other, path) == 0)
    #expect(FileStatus.of(path: path)?.sameFile(as: first) == false)
  }
}
