/// The `HandoffStore` layer of Handoff; see DESIGN.md "Parts".
package enum HandoffStoreLayer {}
