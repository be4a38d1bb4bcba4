import Foundation
import LoyaltyKit

/// A command-line mistake: the message is printed with the usage and the exit code is 2.
struct Usage: Error, CustomStringConvertible {
    var description: String

    static let text = """
        usage: customer-insights [TRANSACTIONS.csv] [--out DIR] [--delimiter comma|semicolon|tab|whitespace]
                                 [--no-header] [--columns customer,date,amount[,category]]
                                 [--date-format iso|yyyyMMdd|dd/MM/yyyy|...] [--currency EUR]
                                 [--decimal-separator .|,] [--time-zone Europe/Lisbon] [--cdnow]
          Without a file, generates a seeded synthetic log into DIR/synthetic-transactions.csv and
          reads that. --columns takes header names or 1-based positions. --cdnow reads the CDNOW
          logs (whitespace, no header, columns 2,3,5, yyyyMMdd, USD); options after it override it.
          DIR defaults to ./customer-insights-report.
        """
}

/// What the command line asks for.
struct Options {
    /// The transaction log, or `nil` for synthetic data.
    var input: String?
    var outputDirectory = "customer-insights-report"
    var delimiter: CSVReader.Delimiter = .comma
    var hasHeader = true
    var columns = TransactionImporter.Columns()
    var dateFormat: TransactionImporter.DateFormat = .iso8601
    var decimalSeparator: Character = "."
    var currency: Currency = .eur
    var calendar: BusinessCalendar = .utc
    /// Whether `--help` was asked for.
    var wantsHelp = false

    /// The importer these options describe.
    var importer: TransactionImporter {
        TransactionImporter(currency: currency, calendar: calendar, columns: columns, delimiter: delimiter,
                            hasHeader: hasHeader, dateFormat: dateFormat, decimalSeparator: decimalSeparator)
    }

    /// Parses the arguments (without the program name).
    /// - Throws: `Usage` for an unknown option, a missing value or a value that is not understood.
    init(arguments: [String]) throws {
        var index = 0
        func value(for option: String) throws -> String {
            guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
                throw Usage(description: "\(option) needs a value")
            }
            index += 1
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--out": outputDirectory = try value(for: argument)
            case "--delimiter": delimiter = try Options.delimiter(try value(for: argument))
            case "--no-header": hasHeader = false
            case "--columns": columns = try Options.columns(try value(for: argument))
            case "--date-format": dateFormat = Options.dateFormat(try value(for: argument))
            case "--decimal-separator":
                let separator = try value(for: argument)
                guard separator == "." || separator == "," else {
                    throw Usage(description: "--decimal-separator must be . or ,, not '\(separator)'")
                }
                decimalSeparator = Character(separator)
            case "--currency":
                let code = try value(for: argument)
                do { currency = try Currency(code: code) } catch { throw Usage(description: "--currency: \(error)") }
            case "--time-zone":
                let identifier = try value(for: argument)
                guard let zone = TimeZone(identifier: identifier) else {
                    throw Usage(description: "--time-zone: unknown time zone '\(identifier)'")
                }
                calendar = BusinessCalendar(timeZone: zone)
            case "--cdnow":
                columns = .init(customer: 2, date: 3, amount: 5)
                delimiter = .whitespace
                hasHeader = false
                dateFormat = .compact
                currency = .usd
            case "-h", "--help": wantsHelp = true
            default:
                if argument.hasPrefix("-") { throw Usage(description: "unknown option \(argument)") }
                guard input == nil else { throw Usage(description: "more than one transaction file: \(input ?? "") and \(argument)") }
                input = argument
            }
            index += 1
        }
        if arguments.contains("--cdnow"), input == nil { throw Usage(description: "--cdnow needs the CDNOW file, for example CDNOW_sample.txt") }
        if input == nil, arguments.contains(where: { ["--delimiter", "--no-header", "--columns", "--date-format", "--decimal-separator"].contains($0) }) {
            throw Usage(description: "--delimiter, --no-header, --columns, --date-format and --decimal-separator describe a transaction file; none was given")
        }
    }

    private static func delimiter(_ text: String) throws -> CSVReader.Delimiter {
        switch text {
        case "comma", ",": .comma
        case "semicolon", ";": .semicolon
        case "tab", "\\t": .tab
        case "whitespace", "space": .whitespace
        default: throw Usage(description: "--delimiter must be comma, semicolon, tab or whitespace, not '\(text)'")
        }
    }

    private static func columns(_ text: String) throws -> TransactionImporter.Columns {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (3...4).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw Usage(description: "--columns takes customer,date,amount[,category] (names or 1-based positions), not '\(text)'")
        }
        let columns = try parts.map { part -> TransactionImporter.Column in
            guard let position = Int(part) else { return .named(part) }
            guard position >= 1 else { throw Usage(description: "--columns: positions count from 1, not \(position)") }
            return .position(position)
        }
        return .init(customer: columns[0], date: columns[1], amount: columns[2], category: parts.count == 4 ? columns[3] : nil)
    }

    private static func dateFormat(_ text: String) -> TransactionImporter.DateFormat {
        switch text.lowercased() {
        case "iso", "iso8601": .iso8601
        default: .pattern(text)
        }
    }
}
