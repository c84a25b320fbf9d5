/// The `HandoffCLI` layer of Handoff; see DESIGN.md "Parts".
package enum HandoffCLILayer {}
