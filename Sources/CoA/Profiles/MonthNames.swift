import Foundation

/// Month names as suppliers write them, in English and the main European languages (German, French,
/// Spanish, Italian, Dutch, Portuguese, Polish in both cases), full and abbreviated. Looked up without
/// case, accents or a trailing dot, so `März`, `MARZ`, `févr.` and `Feb` all read.
enum MonthNames {
    static func month(_ written: String) -> Int? {
        table[fold(written)]
    }

    static func fold(_ text: String) -> String {
        var folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        while folded.hasSuffix(".") { folded.removeLast() }
        return folded
    }

    private static let names: [[String]] = [
        // en, abbreviations, de, fr, es, it, nl, pt, pl (nominative, genitive)
        [
            "january", "jan", "januar", "janner", "janvier", "janv", "enero", "ene", "gennaio", "gen",
            "januari",
            "janeiro", "styczen", "stycznia", "sty",
        ],
        [
            "february", "feb", "februar", "feber", "fevrier", "fevr", "fev", "febrero", "febbraio",
            "februari",
            "fevereiro", "luty", "lutego", "lut",
        ],
        ["march", "mar", "marz", "mrz", "mars", "marzo", "maart", "mrt", "marco", "marzec", "marca"],
        ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecien", "kwietnia", "kwi"],
        ["may", "mai", "mayo", "maggio", "mag", "mei", "maio", "maj", "maja"],
        ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "cze"],
        [
            "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca",
            "lip",
        ],
        ["august", "aug", "aout", "agosto", "ago", "augustus", "sierpien", "sierpnia", "sie"],
        [
            "september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
            "setembro",
            "wrzesien", "wrzesnia", "wrz",
        ],
        [
            "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
            "pazdziernik", "pazdziernika", "paz",
        ],
        ["november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "lis"],
        [
            "december", "dec", "dezember", "dez", "decembre", "diciembre", "dic", "dicembre", "dezembro",
            "grudzien", "grudnia", "gru",
        ],
    ]

    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings { table[fold(spelling)] = index + 1 }
        }
        return table
    }()
}
