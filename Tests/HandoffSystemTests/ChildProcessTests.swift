import Foundation
import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct ChildProcessTests {
  @Test("a child's exit code and the signal that killed it come back as its ending")
  func endings() throws {
    let exited = try ChildProcess.spawn("/bin/sh", ["-c", "exit 3"])
    #expect(exited.wait() == .exited(3))
    #expect(ChildProcess.Ending.exited(3).shellStatus == 3)

    let killed = try ChildProcess.spawn("/bin/sh", ["-c", "kill -9 $$"])
    #expect(killed.wait() == .signaled(SIGKILL))
    #expect(ChildProcess.Ending.signaled(SIGKILL).shellStatus == 128 + SIGKILL)
  }

  @Test("exactly the environment given, output and error to files, in the folder named")
  func environmentOutputAndFolder() throws {
    let folder = TemporaryDirectory("handoff-child")
    let output = folder.path + "/out.txt"
    var options = ChildProcess.Options(
      environment: ["ONLY": "this"], output: .file(output, append: false),
      error: .descriptor(1))
    options.directory = folder.path
    let child = try ChildProcess.spawn(
      "/bin/sh", ["-c", "echo \"$ONLY ${HOME:-none}\"; pwd; echo oops >&2"], options)
    #expect(child.wait() == .exited(0))
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    let realFolder = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
    #expect(lines.count == 3)
    #expect(lines.first == "this none")
    #expect(lines.dropFirst().first.map { URL(fileURLWithPath: String($0)).path } == realFolder)
    #expect(lines.last == "oops")
  }

  @Test("a file opened for appending keeps what it held")
  func appends() throws {
    let folder = TemporaryDirectory("handoff-child")
    let output = folder.path + "/log.txt"
    for word in ["one", "two"] {
      let child = try ChildProcess.spawn(
        "/bin/echo", [word], ChildProcess.Options(output: .file(output, append: true)))
      #expect(child.wait() == .exited(0))
    }
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "one\ntwo\n")
  }

  @Test("a program that cannot be started is one line naming it")
  func missingProgram() {
    #expect {
      _ = try ChildProcess.spawn("/nonexistent/editor", [])
    } throws: { error in
      "\(error)" == "cannot start /nonexistent/editor: No such file or directory"
    }
  }
}
