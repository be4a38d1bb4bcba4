import Foundation
import Testing
@testable import LoyaltyKit

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("RFC 4180: quoted delimiters, doubled quotes and line breaks inside quotes; CRLF, LF and CR endings")
    func rfc4180() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nlast,,\rend"
        let records = try CSVReader().records(in: text)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["last", "", ""], ["end"]])
        #expect(records.map(\.line) == [1, 2, 4, 5])
    }

    @Test("blank lines are skipped, spaces are kept, a quote inside an unquoted field is literal")
    func blanksAndSpaces() throws {
        let records = try CSVReader().records(in: "\n a , b \n\n   \n12\" single,x\n\"\"\n")
        #expect(records.map(\.fields) == [[" a ", " b "], ["12\" single", "x"], [""]])
        #expect(records.map(\.line) == [2, 5, 6])
    }

    @Test("a UTF-8 byte order mark at the start is skipped")
    func byteOrderMark() throws {
        let records = try CSVReader().records(in: "\u{FEFF}customer,date\nana,2025-01-01\n")
        #expect(records.first?.fields == ["customer", "date"])
    }

    @Test("semicolons, tabs and runs of whitespace separate fields")
    func delimiters() throws {
        #expect(try CSVReader(delimiter: .semicolon).records(in: "a;\"b;c\";1,5").first?.fields == ["a", "b;c", "1,5"])
        #expect(try CSVReader(delimiter: .tab).records(in: "a\t b\t").first?.fields == ["a", " b", ""])
        let cdnow = try CSVReader(delimiter: .whitespace).records(in: " 00004 0001 19970101  2   29.33\r\n\t\"New York\"  x \r\n   \r\n")
        #expect(cdnow.map(\.fields) == [["00004", "0001", "19970101", "2", "29.33"], ["New York", "x"]])
    }

    @Test("errors name the source, the line and the column", arguments: [
        ("a,b\nc,\"open\nstill open", "data.csv:2:2", "unterminated"),
        ("a,b\n\"x\"y,z", "data.csv:2:1", "after a closing quote"),
        ("a,\"b\" ,c", "data.csv:1:2", "after a closing quote"),
    ])
    func syntaxErrors(text: String, location: String, message: String) {
        let error = expectError(.invalidData) { _ = try CSVReader().records(in: text, source: "data.csv") }
        #expect(error?.location == location)
        #expect(error?.message.contains(message) == true)
    }

    @Test("bytes that are not UTF-8 are an error at their field")
    func invalidUTF8() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-utf8-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("a,b\nok,".utf8 + [0xC3, 0x28] + Data("\n".utf8)).write(to: url)
        let error = expectError(.invalidData) { try CSVReader().forEachRecord(inFile: url.path) { _ in } }
        #expect(error?.location == "\(url.lastPathComponent):2:2")
    }

    @Test("a delimiter must be one ASCII character other than a quote or a line break", arguments: ["\"", "\n", "€"] as [Character])
    func badDelimiter(_ delimiter: Character) {
        expectError(.invalidInput) { _ = try CSVReader(delimiter: .character(delimiter)).records(in: "a") }
    }

    @Test("a file streams in chunks and reads exactly like the same text in memory")
    func fileMatchesText() throws {
        var text = "id,note\r\n"
        for line in 0..<15_000 {
            text += line % 7 == 0 ? "\(line),\"multi\r\nline, \"\"quoted\"\" é\"\r\n" : "\(line),plain text here\r\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-stream-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 3 * 65_536)
        var fromFile: [CSVRecord] = []
        try CSVReader().forEachRecord(inFile: url.path) { fromFile.append($0) }
        let fromText = try CSVReader().records(in: text)
        #expect(fromFile.count == 15_001)
        #expect(fromFile == fromText)
        let twoLineRecordsBefore = (0..<14_999).filter { $0 % 7 == 0 }.count
        #expect(fromFile.last?.line == 2 + 14_999 + twoLineRecordsBefore)
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        let error = expectError(.invalidData) { try CSVReader().forEachRecord(inFile: "/nonexistent/file.csv") { _ in } }
        #expect(error?.location == "/nonexistent/file.csv")
    }
}
