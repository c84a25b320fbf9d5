/// The `HandoffModel` layer of Handoff; see DESIGN.md "Parts".
package enum HandoffModelLayer {}
