import Foundation
import SkjenkCore
import Testing

/// JSON string literals: every string reads back as itself; markup escaped when asked.
@Suite struct JSONStringTests {
    static let samples = [
        "", "Bar Boble", "Sitat: \"ja\" \\ nei", "linje 1\nlinje 2\r\n\tinnrykk", "\u{0}\u{1}\u{1F}\u{7F}",
        "æøå ÆØÅ – «bokmål» 🍺", "</script><script>alert(1)</script>&amp;",
    ]

    @Test(arguments: samples)
    func readsBackAsItself(text: String) throws {
        for markup in [false, true] {
            let literal = JSONString.quoted(text, escapingMarkup: markup)
            let decoded =
                try JSONSerialization.jsonObject(
                    with: Data("[\(literal)]".utf8), options: []) as? [String]
            #expect(decoded == [text], "\(literal)")
            #expect(!literal.unicodeScalars.contains { $0.value < 0x20 }, "no raw control characters")
        }
    }

    @Test func markupIsEscapedOnlyWhenAsked() {
        #expect(JSONString.quoted("<a>&") == #""<a>&""#)
        #expect(JSONString.quoted("<a>&", escapingMarkup: true) == #""\u003ca\u003e\u0026""#)
        #expect(JSONString.quoted("\u{1}") == #""\u0001""#)
        #expect(JSONString.quoted("\u{1F}") == #""\u001f""#)
    }
}
