/// The `HandoffTerminal` layer of Handoff; see DESIGN.md "Parts".
package enum HandoffTerminalLayer {}
