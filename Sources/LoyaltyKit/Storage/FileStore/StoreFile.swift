#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An open file of a `FileStore` directory, through POSIX calls: positioned reads and writes,
/// truncation, durable syncs and an advisory lock. Closed when released.
///
/// Every failure is a ``LoyaltyError/Code/storage`` error naming the file and the system error.
final class StoreFile {
    /// The file's path.
    private(set) var path: String
    private var descriptor: Int32

    /// Opens `path` for reading and writing, creating it with permissions 0600 if `create`.
    /// - Throws: ``LoyaltyError/Code/storage`` when it cannot be opened.
    init(path: String, create: Bool) throws {
        self.path = path
        let flags = O_RDWR | (create ? O_CREAT : 0)
        let descriptor = StoreFile.retrying { open(path, flags | O_CLOEXEC, mode_t(0o600)) }
        guard descriptor >= 0 else { throw StoreFile.error("cannot open", path) }
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Closes the file (and so releases its lock). Later calls fail.
    func close() {
        guard descriptor >= 0 else { return }
        _ = Self.systemClose(descriptor)
        descriptor = -1
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.error("cannot read the size of", path) }
        return Int(info.st_size)
    }

    /// The whole file.
    func readAll() throws -> [UInt8] {
        let count = try size()
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count, let base = buffer.baseAddress {
                let read = pread(descriptor, base + done, count - done, off_t(done))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { failed = true; break }
                done += read
            }
            initialized = done
        }
        guard !failed else { throw Self.error("cannot read", path) }
        return bytes
    }

    /// Writes all of `bytes` at `offset`.
    func write(_ bytes: [UInt8], at offset: Int) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let written = pwrite(descriptor, base + done, buffer.count - done, off_t(offset + done))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw Self.error("cannot write", path) }
                done += written
            }
        }
    }

    /// Cuts the file to `size` bytes.
    func truncate(to size: Int) throws {
        guard Self.retrying({ ftruncate(descriptor, off_t(size)) }) == 0 else { throw Self.error("cannot truncate", path) }
    }

    /// Makes what was written durable: `fsync`, or on Apple platforms `F_FULLFSYNC`, which
    /// also flushes the drive's cache (falling back to `fsync` where it is not supported).
    func sync() throws {
        #if canImport(Darwin)
        if fcntl(descriptor, F_FULLFSYNC) == 0 { return }
        #endif
        guard Self.retrying({ fsync(descriptor) }) == 0 else { throw Self.error("cannot sync", path) }
    }

    /// Takes an exclusive advisory lock without waiting.
    /// - Returns: `false` when another open file (in this or another process) holds it.
    func tryLock() throws -> Bool {
        if Self.retrying({ flock(descriptor, LOCK_EX | LOCK_NB) }) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw Self.error("cannot lock", path)
    }

    /// Writes a new file next to `path` with `body`, makes it durable, and renames it over
    /// `path` (an atomic replacement: a crash leaves the old file or the new one, whole).
    /// The directory is not synced: call ``syncDirectory(_:)`` to make the rename durable.
    /// - Returns: the new file, open.
    static func create(replacing path: String, _ body: (StoreFile) throws -> Void) throws -> StoreFile {
        let temporary = path + ".tmp"
        try remove(temporary)
        let file = try StoreFile(path: temporary, create: true)
        do {
            try body(file)
            try file.sync()
            try rename(temporary, to: path)
        } catch {
            file.close()
            try? remove(temporary)
            throw error
        }
        file.path = path
        return file
    }

    /// Makes a directory's entries (created or renamed files) durable.
    static func syncDirectory(_ path: String) throws {
        let descriptor = retrying { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw error("cannot open directory", path) }
        defer { _ = systemClose(descriptor) }
        guard retrying({ fsync(descriptor) }) == 0 else { throw error("cannot sync directory", path) }
    }

    /// Renames `source` to `destination`, replacing it atomically.
    static func rename(_ source: String, to destination: String) throws {
        #if canImport(Darwin)
        let result = Darwin.rename(source, destination)
        #elseif canImport(Glibc)
        let result = Glibc.rename(source, destination)
        #else
        let result = Musl.rename(source, destination)
        #endif
        guard result == 0 else { throw error("cannot rename \(source) to", destination) }
    }

    /// Removes a file if it exists.
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw error("cannot remove", path) }
    }

    /// Whether a file exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func systemClose(_ descriptor: Int32) -> Int32 {
        #if canImport(Darwin)
        Darwin.close(descriptor)
        #elseif canImport(Glibc)
        Glibc.close(descriptor)
        #else
        Musl.close(descriptor)
        #endif
    }

    /// Calls `body` again while it fails with `EINTR`.
    private static func retrying(_ body: () -> Int32) -> Int32 {
        while true {
            let result = body()
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }

    /// A storage error for a failed system call, read from `errno`.
    static func error(_ what: String, _ path: String) -> LoyaltyError {
        let code = errno
        return LoyaltyError(.storage, "\(what) \(path)", underlying: String(cString: strerror(code)) + " (errno \(code))")
    }
}
