import Foundation
import Testing

@testable import SkjenkWeb

/// Issue 15, finding 1: the multipart reader's limits (parts, header bytes, boundary length), so its
/// work stays linear in the body whatever its shape; and an ordinary form still reads.
@Suite struct FormFieldsTests {
    static func part(_ name: String, _ value: String, boundary: String = "grense", fileName: String? = nil) -> String {
        let file = fileName.map { "; filename=\"\($0)\"" } ?? ""
        return "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\(file)\r\n\r\n\(value)\r\n"
    }

    @Test func readsValuesAndFiles() throws {
        let body = Self.part("csrf", "abc") + Self.part("fil", "<xml/>", fileName: "uke47.xml") + "--grense--\r\n"
        let form = try #require(FormFields.parse(Data(body.utf8), contentType: "multipart/form-data; boundary=grense"))
        #expect(form["csrf"] == "abc")
        #expect(form.file("fil")?.fileName == "uke47.xml")
        #expect(form.file("fil").map { String(decoding: $0.data, as: UTF8.self) } == "<xml/>")
    }

    @Test func readsAtMostAHundredParts() throws {
        let body = (0..<150).map { Self.part("felt\($0)", "\($0)") }.joined() + "--grense--\r\n"
        let form = try #require(FormFields.parse(Data(body.utf8), contentType: "multipart/form-data; boundary=grense"))
        #expect(form["felt0"] == "0")
        #expect(form["felt98"] == "98")
        #expect(form["felt120"] == nil)
    }

    @Test func ignoresAPartWhoseHeadersRunPastFourKilobytes() throws {
        let long = "--grense\r\nContent-Disposition: form-data; name=\"lang\"\r\nX-Fyll: "
            + String(repeating: "x", count: 5_000) + "\r\n\r\nverdi\r\n"
        let body = long + Self.part("kort", "ok") + "--grense--\r\n"
        let form = try #require(FormFields.parse(Data(body.utf8), contentType: "multipart/form-data; boundary=grense"))
        #expect(form["lang"] == nil)
        #expect(form["kort"] == "ok")
    }

    @Test func refusesABoundaryLongerThanTheStandardAllows() {
        let boundary = String(repeating: "-", count: 71)
        let body = Self.part("a", "b", boundary: boundary) + "--\(boundary)--\r\n"
        #expect(FormFields.parse(Data(body.utf8), contentType: "multipart/form-data; boundary=\(boundary)") == nil)
        let fine = String(repeating: "-", count: 70)
        let ok = Self.part("a", "b", boundary: fine) + "--\(fine)--\r\n"
        #expect(FormFields.parse(Data(ok.utf8), contentType: "multipart/form-data; boundary=\(fine)")?["a"] == "b")
    }
}
