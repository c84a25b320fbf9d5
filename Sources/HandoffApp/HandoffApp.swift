/// The `HandoffApp` layer of Handoff; see DESIGN.md "Parts".
package enum HandoffAppLayer {}
