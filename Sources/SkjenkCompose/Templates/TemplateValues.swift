import Foundation

/// A view model turned into dictionaries and arrays once, before rendering, through its
/// synthesised `Encodable` conformance. swift-mustache otherwise looks up each tag with `Mirror`,
/// scanning every property of the view (and of each object below it on the context stack) per
/// tag, and even one `Mirror` walk over a statement's view costs more than the encoding. Dictionaries
/// keyed by `String` are `MustacheParent`s, so templates read them as they read the view.
enum TemplateValues {
    static func box(_ value: some Encodable) -> Any {
        let encoder = ValueEncoder()
        do {
            try value.encode(to: encoder)
        } catch {
            // The encoder itself never throws; a value's own `encode(to:)` might. Render nothing for it.
            return [String: Any]()
        }
        return encoder.storage.value
    }
}

/// Where an encoded value ends up: a scalar, a keyed box or an unkeyed box (boxes are classes so
/// nested containers can fill them after they are attached).
private final class Storage {
    enum Kind {
        case none
        case scalar(Any)
        case keyed(KeyedBox)
        case unkeyed(UnkeyedBox)
    }

    var kind: Kind = .none

    var value: Any {
        switch kind {
        case .none: return [String: Any]()
        case .scalar(let value): return value
        case .keyed(let box): return box.values.mapValues { $0.value }
        case .unkeyed(let box): return box.values.map(\.value)
        }
    }
}

private final class KeyedBox {
    var values: [String: Storage] = [:]
}

private final class UnkeyedBox {
    var values: [Storage] = []
}

private struct ValueEncoder: Encoder {
    let storage = Storage()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: KeyedBox
        if case .keyed(let existing) = storage.kind {
            box = existing
        } else {
            box = KeyedBox()
            storage.kind = .keyed(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = UnkeyedBox()
        storage.kind = .unkeyed(box)
        return UnkeyedContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(storage: storage) }
}

/// Encodes `value` into `storage`: scalars as themselves, everything else through its `encode(to:)`.
private func encode(_ value: some Encodable, into storage: Storage) throws {
    switch value {
    case let text as String: storage.kind = .scalar(text)
    case let flag as Bool: storage.kind = .scalar(flag)
    // Every primitive must be caught here: they encode themselves through a single-value
    // container, which would otherwise come straight back.
    case let number as any BinaryInteger: storage.kind = .scalar(Int(number))
    case let number as any BinaryFloatingPoint: storage.kind = .scalar(Double(number))
    default:
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        storage.kind = encoder.storage.kind
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: KeyedBox
    var codingPath: [any CodingKey] = []

    func encodeNil(forKey key: Key) throws {}

    func encode(_ value: some Encodable, forKey key: Key) throws {
        let storage = Storage()
        try SkjenkCompose.encode(value, into: storage)
        box.values[key.stringValue] = storage
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    )
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = KeyedBox()
        let storage = Storage()
        storage.kind = .keyed(nested)
        box.values[key.stringValue] = storage
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = UnkeyedBox()
        let storage = Storage()
        storage.kind = .unkeyed(nested)
        box.values[key.stringValue] = storage
        return UnkeyedContainer(box: nested)
    }

    func superEncoder() -> any Encoder { ValueEncoder() }
    func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder() }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: UnkeyedBox
    var codingPath: [any CodingKey] = []
    var count: Int { box.values.count }

    func encodeNil() throws {}

    func encode(_ value: some Encodable) throws {
        let storage = Storage()
        try SkjenkCompose.encode(value, into: storage)
        box.values.append(storage)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = KeyedBox()
        let storage = Storage()
        storage.kind = .keyed(nested)
        box.values.append(storage)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = UnkeyedBox()
        let storage = Storage()
        storage.kind = .unkeyed(nested)
        box.values.append(storage)
        return UnkeyedContainer(box: nested)
    }

    func superEncoder() -> any Encoder { ValueEncoder() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey] = []

    func encodeNil() throws {}
    func encode(_ value: some Encodable) throws { try SkjenkCompose.encode(value, into: storage) }
}
