import Foundation
import LoyaltyKit
import LoyaltyKitTesting
import Testing

@Suite("Crash safety and processes", .serialized, .enabled(if: Torture.isAvailable, "store-torture is not next to the test binary"))
struct CrashSafetyTests {
    @Test("killed at 20 random moments, a writer loses no acknowledged activity and leaves nothing half applied",
          arguments: [("sqlite", UInt64(101)), ("file", UInt64(202))])
    func randomKills(store kind: String, seed: UInt64) async throws {
        let folder = try Torture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(kind == "sqlite" ? "loyalty.sqlite" : "store").path
        var generator = SeededGenerator(seed: seed)
        var acknowledged: Set<String> = []
        var stored = 0
        for _ in 0..<20 {
            let run = try Torture.start(["record", "--store", kind, "--path", path, "--seed", "7", "--count", "5000"], in: folder)
            try await Task.sleep(nanoseconds: UInt64.random(in: 30...400, using: &generator) * 1_000_000)
            run.kill()
            acknowledged.formUnion(run.acknowledged)
            let store = try Torture.open(kind, at: path)
            stored = try await Torture.verify(store, acknowledged: acknowledged)
            await Torture.close(store)
        }
        #expect(!acknowledged.isEmpty, "no write was acknowledged before the kills")
        #expect(stored >= acknowledged.count)
    }

    @Test("three processes recording into one SQLite file lose nothing and duplicate nothing")
    func processesShareSQLite() async throws {
        let folder = try Torture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loyalty.sqlite").path
        // Two writers record the same 300 activities at once; a third records its own.
        let runs = try [
            Torture.start(["record", "--store", "sqlite", "--path", path, "--seed", "5", "--count", "300"], in: folder),
            Torture.start(["record", "--store", "sqlite", "--path", path, "--seed", "5", "--count", "300"], in: folder),
            Torture.start(["record", "--store", "sqlite", "--path", path, "--seed", "9", "--count", "300", "--writer", "c"], in: folder),
        ]
        var acknowledged: Set<String> = []
        for run in runs {
            #expect(run.wait() == 0, "\(run.lines.suffix(3))")
            #expect(run.lines.last == "done")
            acknowledged.formUnion(run.acknowledged)
        }
        let store = try Torture.open("sqlite", at: path)
        let count = try await Torture.verify(store, acknowledged: acknowledged)
        await Torture.close(store)
        // Everything stored was acknowledged by someone (the 20 enrolments aside).
        #expect(count == acknowledged.count + 20)
    }

    @Test("a second process opening a FileStore in use gets the documented error")
    func fileStoreLock() async throws {
        let folder = try Torture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store").path
        let holder = try Torture.start(["hold", "--store", "file", "--path", path], in: folder)
        #expect(try await holder.waitFor("ready", seconds: 30))
        await expectError(.storage, containing: "in use by another process") { _ = try FileStore(directory: URL(fileURLWithPath: path)) }
        let probe = try Torture.start(["probe", "--store", "file", "--path", path], in: folder)
        #expect(probe.wait() == 3)
        #expect(probe.lines.joined().contains("in use by another process"))
        holder.kill()
        // The lock dies with its process.
        let store = try FileStore(directory: URL(fileURLWithPath: path))
        await store.close()
    }
}

private func expectError(_ code: LoyaltyError.Code, containing text: String, _ body: () throws -> Void) async {
    do {
        try body()
        Issue.record("expected \(code), nothing was thrown")
    } catch let error as LoyaltyError {
        #expect(error.code == code)
        #expect(error.description.contains(text), "\(error)")
    } catch {
        Issue.record("expected a LoyaltyError, got \(error)")
    }
}
