import Foundation
import ZIPFoundation

/// A zip of named files in memory (the .docx writer and the archive download use it).
public enum ZipPackage {
    public static func make(_ files: [(String, Data)], modified: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in files {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw DocxWriter.Problem(description: "pakken kunne ikke lages") }
        return data
    }
}
