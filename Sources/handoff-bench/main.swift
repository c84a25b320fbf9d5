import HandoffCLI
