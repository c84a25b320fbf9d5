#if os(Linux)
  import Glibc

  /// Linux's file-change notifications (`inotify(7)`): one non-blocking descriptor, for
  /// `poll(2)`, that becomes readable when a watched file or folder changes.
  package struct Inotify {
    /// The descriptor to poll; readable while notices are waiting.
    package let descriptor: FileDescriptor

    /// One watch on one file or folder (by inode: a file renamed keeps its watch).
    package struct Watch: Hashable, Sendable {
      package let rawValue: CInt
    }

    /// What a watch reports.
    package struct Events: OptionSet, Hashable, Sendable {
      package let rawValue: UInt32
      package init(rawValue: UInt32) { self.rawValue = rawValue }

      /// The file's contents were written.
      package static let modified = Events(rawValue: UInt32(IN_MODIFY))
      /// Its metadata changed, its link count included: it was unlinked, or replaced by
      /// a rename over its name.
      package static let attributes = Events(rawValue: UInt32(IN_ATTRIB))
      /// It was renamed or moved.
      package static let movedSelf = Events(rawValue: UInt32(IN_MOVE_SELF))
      /// It is gone (its last name and descriptor closed).
      package static let deletedSelf = Events(rawValue: UInt32(IN_DELETE_SELF))
      /// In a watched folder: an entry was created.
      package static let created = Events(rawValue: UInt32(IN_CREATE))
      /// In a watched folder: an entry was renamed or moved into it.
      package static let movedIn = Events(rawValue: UInt32(IN_MOVED_TO))
      /// The watch ended (its file is gone, or `stopWatching`).
      package static let ignored = Events(rawValue: UInt32(IN_IGNORED))
    }

    /// One change: on which watch, what happened, and in a folder, to which entry.
    package struct Notice: Hashable, Sendable {
      package var watch: Watch
      package var events: Events
      /// The entry's name, for a folder's watch ("" for the watched file itself).
      package var name: String
    }

    /// A new, empty set of watches.
    package init() throws(Errno) {
      descriptor = FileDescriptor(
        rawValue: try retrying { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) })
    }

    /// Starts reporting `events` on the file or folder at `path` (following links).
    package func watch(_ path: String, for events: Events) throws(Errno) -> Watch {
      Watch(
        rawValue: try retrying { inotify_add_watch(descriptor.rawValue, path, events.rawValue) })
    }

    /// Stops a watch (a watch whose file is gone has stopped already).
    package func stopWatching(_ watch: Watch) {
      _ = inotify_rm_watch(descriptor.rawValue, watch.rawValue)
    }

    /// Every notice waiting, oldest first; empty when none is.
    package func read() -> [Notice] {
      var notices: [Notice] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = buffer.withUnsafeMutableBytes { raw in
          (try? descriptor.read(into: raw)) ?? 0
        }
        guard count > 0 else { return notices }
        buffer.withUnsafeBytes { raw in
          var at = 0
          let header = MemoryLayout<inotify_event>.size
          while at + header <= count {
            let event = raw.loadUnaligned(fromByteOffset: at, as: inotify_event.self)
            let nameBytes = raw[(at + header)..<min(count, at + header + Int(event.len))]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            notices.append(
              Notice(
                watch: Watch(rawValue: event.wd), events: Events(rawValue: event.mask), name: name))
            at += header + Int(event.len)
          }
        }
      }
    }

    /// Closes the descriptor, ending every watch.
    package func close() { descriptor.close() }
  }
#endif
