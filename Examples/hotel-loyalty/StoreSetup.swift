import Foundation
import LoyaltyKit
import LoyaltyKitSQLite

/// Which store the demo writes to, from `--store` and `--path`.
struct StoreSetup {
    enum Kind: String, CaseIterable {
        case sqlite, file, memory
    }

    static let usage = "usage: hotel-loyalty [--store sqlite|file|memory] [--path PATH]"

    var kind = Kind.sqlite
    /// The SQLite file or the FileStore directory; `nil` for the in-memory store.
    var path: String?

    init(arguments: [String]) throws {
        var arguments = arguments[...]
        var path: String?
        while let flag = arguments.popFirst() {
            guard let value = arguments.popFirst() else { throw LoyaltyError(.invalidInput, "\(flag) needs a value") }
            switch flag {
            case "--store":
                guard let kind = Kind(rawValue: value) else {
                    throw LoyaltyError(.invalidInput, "unknown store '\(value)'; choose sqlite, file or memory")
                }
                self.kind = kind
            case "--path": path = value
            default: throw LoyaltyError(.invalidInput, "unknown option \(flag)")
            }
        }
        switch kind {
        case .memory:
            guard path == nil else { throw LoyaltyError(.invalidInput, "--path has no meaning with --store memory") }
        case .sqlite, .file:
            self.path = path ?? StoreSetup.temporaryPath(for: kind)
        }
    }

    /// A path in a new temporary directory.
    private static func temporaryPath(for kind: Kind) -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hotel-loyalty-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970))")
        return folder.appendingPathComponent(kind == .sqlite ? "seaside.sqlite" : "seaside-store").path
    }

    func open() throws -> any LoyaltyStore {
        switch (kind, path) {
        case (.sqlite, let path?):
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            return try SQLiteStore(path: path)
        case (.file, let path?):
            return try FileStore(directory: URL(fileURLWithPath: path))
        default:
            return InMemoryStore()
        }
    }

    /// One line saying where the data is, and whether this run continues an earlier one.
    func describe(continuing members: Int) -> String {
        let place = switch kind {
        case .sqlite: "SQLite file \(path ?? "")"
        case .file: "FileStore directory \(path ?? "")"
        case .memory: "memory (nothing is kept)"
        }
        return members == 0 ? "Store: \(place) (new)\n" : "Store: \(place) (continuing with \(members) stored members)\n"
    }
}
