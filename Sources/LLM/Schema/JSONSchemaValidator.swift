/// Checks a JSON value against the subset of JSON Schema that structured output needs:
/// `type` (one name or a list), `properties`, `required`, `additionalProperties: false`, `items`,
/// `enum`. Other keywords are ignored, so a richer schema is checked only partly — never wrongly.
public struct JSONSchemaValidator: Sendable {
    public let schema: JSONValue

    public init(schema: JSONValue) { self.schema = schema }

    /// Every violation found, each as "path: problem" (path `$` is the root). Empty means valid.
    public func violations(of value: JSONValue) -> [String] {
        var found: [String] = []
        check(value, against: schema, at: "$", into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]) {
        guard case .object(let rules) = schema else { return }  // `true`/`{}`-like schemas accept anything
        if let type = rules["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            if !allowed.isEmpty, !allowed.contains(where: { Self.value(value, hasType: $0) }) {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), got \(Self.typeName(of: value))")
                return  // deeper checks would only repeat the same mistake
            }
        }
        if let options = rules["enum"]?.arrayValue, !options.contains(value) {
            let listed = options.map(\.jsonText).joined(separator: ", ")
            found.append("\(path): \(value.jsonText) is not one of \(listed)")
        }
        if case .object(let fields) = value {
            let properties = rules["properties"]?.objectValue ?? [:]
            for name in rules["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where fields[name] == nil {
                found.append("\(path): missing required property \"\(name)\"")
            }
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
                if let rule = properties[name] {
                    check(field, against: rule, at: "\(path).\(name)", into: &found)
                } else if rules["additionalProperties"] == .bool(false) {
                    found.append("\(path): unexpected property \"\(name)\"")
                } else if let rule = rules["additionalProperties"], case .object = rule {
                    check(field, against: rule, at: "\(path).\(name)", into: &found)
                }
            }
        }
        if case .array(let items) = value, let rule = rules["items"] {
            for (index, item) in items.enumerated() {
                check(item, against: rule, at: "\(path)[\(index)]", into: &found)
            }
        }
    }

    static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array),
             ("object", .object), ("number", .number):
            true
        case ("integer", .number(let n)):
            n.rounded() == n
        default:
            false
        }
    }

    static func typeName(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.rounded() == n ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
