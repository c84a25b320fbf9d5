import HandoffText

extension ImportReport {
  /// The report as one JSON object (`import --json`): `file`, `source`, `encoding`,
  /// `delimiter`, `rows`, `created`, `updated`, `unchanged`, `refused` (counts),
  /// `dry_run`, `written`, `problems` (`[{line, message}]`, `line` null for the file),
  /// `notes`, `by_stage`/`by_owner`/`by_source` (value → count), `unmapped_owners` and
  /// `unmapped_stages` (`[{value, count, option}]`: the option to paste), and
  /// `unused_columns`.
  package func writeJSON(into w: inout JSONWriter, dryRun: Bool, written: Bool) {
    w.open()
    w.field("file", file)
    w.field("source", source.rawValue)
    w.field("encoding", encoding.name)
    w.field("delimiter", delimiter)
    w.field("rows", rows)
    w.field("created", created)
    w.field("updated", updated)
    w.field("unchanged", unchanged)
    w.field("refused", refused)
    w.field("dry_run", dryRun)
    w.field("written", written)
    w.beginArray("problems")
    for p in problems {
      w.open()
      w.nullable("line", p.line.map(Int64.init))
      w.field("message", p.message)
      w.close()
    }
    w.endArray()
    w.beginArray("notes")
    for n in notes { w.string(n) }
    w.endArray()
    func counts(_ name: StaticString, _ tally: Tally) {
      w.key(name)
      w.open()
      for t in tally {
        w.key(t.value)
        w.integer(Int64(t.count))
      }
      w.close()
    }
    counts("by_stage", byStage)
    counts("by_owner", byOwner)
    counts("by_source", bySource)
    func unmapped(_ name: StaticString, _ tally: Tally, _ option: String, _ placeholder: String) {
      w.beginArray(name)
      for t in tally {
        w.open()
        w.field("value", t.value)
        w.field("count", t.count)
        w.field("option", option + " " + ImportReport.shellQuoted(t.value + "=" + placeholder))
        w.close()
      }
      w.endArray()
    }
    unmapped("unmapped_owners", unmappedOwners, "--map-owner", "HANDLE")
    unmapped("unmapped_stages", unmappedStages, "--stage-map", "STAGE")
    w.beginArray("unused_columns")
    for c in unusedColumns { w.string(c) }
    w.endArray()
    w.close()
  }
}
