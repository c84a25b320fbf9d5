import HandoffModel
import HandoffTerminal

/// The assign picker: the active members of the lead's department with their load,
/// the lead's current owner marked, filtered as you type; text after a colon is a note
/// that goes with the assignment.
package struct MemberPicker: Equatable, Sendable {
  /// The lead being assigned, and the version the user saw.
  package var leadID: Int
  package var version: Int
  /// The department whose members may own the lead.
  package var department: Department
  /// The lead's owner when the picker opened, marked in the list.
  package var owner: String?
  /// The members as the engine's picker shows and filters them.
  package var list: ListPicker

  /// A picker of the department's members as the pipeline has them now.
  package init(
    leadID: Int, version: Int, department: Department, owner: String? = nil, pipeline: Pipeline
  ) {
    self.leadID = leadID
    self.version = version
    self.department = department
    self.owner = owner
    list = ListPicker(
      title: "Assign \(leadID) to \(department.rawValue)",
      items: MemberPicker.items(department, owner: owner, pipeline),
      columns: [
        TableColumn("handle", width: 10), TableColumn("name", width: 18),
        TableColumn("load", width: 1, grows: true),
      ],
      hint: "type to filter · name: note adds a note", noteSeparator: ":")
    list.prompt = "> "
    list.emptyText = "no member matches"
    // Room for the longest load in full: `100 open / 100 · away · owner`.
    list.width = 62
    list.maxRows = 11
  }

  /// What has been typed, note included.
  package var query: String { list.filter.text }

  /// The note typed after a colon (`sam: knows the account`), if any.
  package var note: String? { list.note }

  /// The handles of the members matching what is typed, in roster order.
  package var matchingHandles: [String] { list.matches.map { list.items[$0].key } }

  /// Takes in changes to the members and their loads, keeping what is typed.
  mutating func refresh(_ pipeline: Pipeline) {
    list.replaceItems(MemberPicker.items(department, owner: owner, pipeline))
  }

  /// One row per active member of the department: handle, name, and load, the load
  /// in the warning colour for a member who is away or at capacity (assigning to them
  /// asks first); the lead's owner is marked `owner` in the accent colour.
  static func items(_ department: Department, owner: String?, _ pipeline: Pipeline)
    -> [PickerItem]
  {
    pipeline.members.filter { $0.active && $0.department == department }.map { m in
      let load = pipeline.load(of: m.handle)
      let over = m.capacity.map { load >= $0 } ?? false
      let loadText =
        "\(load) open" + (m.capacity.map { " / \($0)" } ?? "") + (m.away ? " · away" : "")
        + (m.handle == owner ? " · owner" : "")
      let isOwner = m.handle == owner
      return PickerItem(
        key: m.handle,
        cells: [
          Span(m.handle, role: isOwner ? .accent : .overlay), Span(m.name, role: .overlay),
          Span(loadText, role: m.away || over ? .warn : .muted),
        ],
        searchText: m.handle + " " + m.name)
    }
  }
}
