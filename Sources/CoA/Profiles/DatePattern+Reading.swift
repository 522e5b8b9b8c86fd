import Domain

extension DatePattern {
    /// What a written date read as.
    public enum Reading: Sendable, Hashable {
        case day(Day)
        /// The text is not written this way.
        case noMatch
        /// Written this way, but not a day of the calendar (`2026-02-30`), or out of range.
        case invalid(String)
    }

    public func read(_ text: String) -> Reading {
        let characters = Array(text)
        switch kind {
        case .iso: return Self.iso(characters)
        case .excel: return Self.excel(text)
        case .parts(let parts): return Self.read(characters, parts: parts)
        }
    }

    private static func read(_ text: [Character], parts: [Part]) -> Reading {
        var index = 0
        var day: Int?
        var month: Int?
        var year: Int?
        func digits(max count: Int, exactly: Bool = false) -> Int? {
            var value = 0
            var taken = 0
            while taken < count, index < text.count, let digit = text[index].wholeNumberValue,
                text[index].isASCII
            {
                value = value * 10 + digit
                taken += 1
                index += 1
            }
            return taken == 0 || (exactly && taken != count) ? nil : value
        }
        for part in parts {
            switch part {
            case .day:
                guard let read = digits(max: 2) else { return .noMatch }
                day = read
                // English ordinals: `March 2nd, 2026`.
                let rest = String(text[index...].prefix(2)).lowercased()
                if ["st", "nd", "rd", "th"].contains(rest) { index += 2 }
            case .month:
                guard let read = digits(max: 2) else { return .noMatch }
                month = read
            case .monthName:
                let start = index
                while index < text.count, text[index].isLetter || text[index] == "." { index += 1 }
                guard let read = MonthNames.month(String(text[start..<index])) else { return .noMatch }
                month = read
            case .year2:
                guard let read = digits(max: 2, exactly: true) else { return .noMatch }
                year = read < 70 ? 2000 + read : 1900 + read
            case .year4:
                guard let read = digits(max: 4, exactly: true) else { return .noMatch }
                year = read
            case .literal(let character):
                if character == " " {
                    guard index < text.count, text[index].isWhitespace else { return .noMatch }
                    while index < text.count, text[index].isWhitespace { index += 1 }
                } else {
                    guard index < text.count, text[index] == character else { return .noMatch }
                    index += 1
                }
            }
        }
        guard isTime(text[index...]) else { return .noMatch }
        guard let day, let month, let year else { return .noMatch }
        return calendarDay(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, then optionally an offset (`Z`, `+01:00`, as `xs:date` allows) or a time.
    private static func iso(_ text: [Character]) -> Reading {
        guard text.count >= 10, text[4] == "-", text[7] == "-" else { return .noMatch }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for character in text[range] {
                guard character.isASCII, let digit = character.wholeNumberValue else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return .noMatch
        }
        let rest = text[10...]
        guard rest.isEmpty || isOffset(rest) || isTime(rest) else { return .noMatch }
        return calendarDay(year: year, month: month, day: day)
    }

    /// A spreadsheet serial: days since 1899-12-30 (which absorbs the 1900 leap-year slip of serials
    /// from 61 on, the only ones after 1970); a fraction is the time of day.
    private static func excel(_ text: String) -> Reading {
        let normalized = text.replacingOccurrences(of: ",", with: ".")
        guard let serial = Double(normalized), serial.isFinite,
            normalized.allSatisfy({ $0.isNumber || $0 == "." })
        else { return .noMatch }
        // 2,958,465 is 9999-12-31: beyond it the number cannot be a day, and the conversion to Int is safe.
        guard serial >= 1, serial <= 2_958_465 else {
            return .invalid("is outside the days a spreadsheet counts")
        }
        let epoch = Day(year: 1899, month: 12, day: 30)
        return inRange(epoch.advanced(by: Int(serial.rounded(.down))))
    }

    private static func calendarDay(year: Int, month: Int, day: Int) -> Reading {
        guard (1...12).contains(month) else { return .invalid("has no month \(month)") }
        let length = Day.daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else {
            return .invalid("is not a day: month \(month) of \(year) has \(length) days")
        }
        return inRange(Day(year: year, month: month, day: day))
    }

    private static func inRange(_ day: Day) -> Reading {
        // Before 1970 a date is a placeholder (and year 0000, which XSD allows, PostgreSQL refuses).
        day >= InputRange.earliestDay ? .day(day) : .invalid("is before 1970-01-01")
    }

    /// A time after the date (`T10:30`, ` 10:30:00`, with an offset): allowed, and not read.
    private static func isTime(_ rest: ArraySlice<Character>) -> Bool {
        guard let first = rest.first else { return true }
        guard first == "T" || first == " " else { return false }
        let time = rest.dropFirst().drop { $0 == " " }
        guard time.count >= 4, time.first?.isNumber == true else { return false }
        return time.allSatisfy {
            $0.isASCII && ($0.isNumber || ":.,+-Z ".contains($0)) || "AaPpMm".contains($0)
        }
    }

    private static func isOffset(_ rest: ArraySlice<Character>) -> Bool {
        if rest == ["Z"] { return true }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return false }
        let digits = rest.dropFirst().filter { $0 != ":" }
        return digits.count == 4 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
