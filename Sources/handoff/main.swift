import Foundation
import HandoffCLI

exit(
  HandoffCLI.main(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment))
