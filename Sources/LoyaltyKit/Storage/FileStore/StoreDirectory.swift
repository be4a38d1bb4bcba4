import Foundation

/// The files of a `FileStore` directory.
struct StoreDirectory {
    /// The directory's path.
    let path: String

    /// The file whose lock marks the store as in use.
    var lock: String { path + "/store.lock" }
    /// The append-only journal.
    var journal: String { path + "/journal.bin" }
    /// The compacted snapshot.
    var snapshot: String { path + "/snapshot.bin" }

    init(_ url: URL) {
        var path = url.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    /// Creates the directory (permissions 0700) if it is missing.
    /// - Throws: ``LoyaltyError/Code/storage`` when it cannot be created.
    func create() throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LoyaltyError(.storage, "cannot create the store directory \(path)", underlying: "\(error)")
        }
    }

    /// Removes what an interrupted compaction or journal creation left behind.
    func removeTemporaryFiles() throws {
        try StoreFile.remove(journal + ".tmp")
        try StoreFile.remove(snapshot + ".tmp")
    }

    /// A path for a backup of the journal that does not exist yet: `journal.bin.backup`,
    /// then `journal.bin.backup-2`, …
    func unusedBackupPath() -> String {
        let base = journal + ".backup"
        var candidate = base
        var number = 1
        while StoreFile.exists(candidate) {
            number += 1
            candidate = base + "-\(number)"
        }
        return candidate
    }
}
