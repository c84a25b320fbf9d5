/// Helpers shared by Handoff's test targets.
package enum TestSupport {}
