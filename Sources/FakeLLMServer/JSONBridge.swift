import Foundation

/// Foundation helpers kept in one place so the renderers read as plain dictionaries.
enum JSONSerializationBridge {
    static func object(from text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}

enum NSNullBridge {
    static var null: Any { NSNull() }
}
