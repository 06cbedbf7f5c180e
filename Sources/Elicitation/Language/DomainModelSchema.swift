import Foundation

/// The JSON exchanged with a language model: exactly `DomainModel`'s `Codable` form.
///
///     {"name": "logistics", "description": "…",
///      "types": [{"name": "truck", "parent": "vehicle"}],          parent optional (object)
///      "objects": [{"name": "t1", "type": "truck"}],               type optional (object)
///      "predicates": [{"name": "at", "parameters": [{"name": "x", "type": "truck"}]}],
///      "actions": [{"name": "drive", "parameters": […],
///                   "preconditions": [{"predicate": "at", "arguments": ["t", "from"], "negated": false}],
///                   "effects": [{"predicate": "at", "arguments": ["t", "from"], "negated": true}]}],
///      "initialState": [{"predicate": "at", "arguments": ["t1", "depot"], "negated": false}],
///      "goal": [{"predicate": "at", "arguments": ["p1", "shop"], "negated": false}]}
///
/// A literal with predicate "=" is an equality of two action parameters (negated: "!=").
/// Arguments in actions are parameter names (no '?'); in init and goal, object names.
public enum DomainModelSchema {
    public static let jsonSchema = """
    {"type":"object","required":["name","description","types","objects","predicates","actions","initialState","goal"],
     "properties":{
      "name":{"type":"string","pattern":"^[a-z][a-z0-9_-]*$"},
      "description":{"type":"string"},
      "types":{"type":"array","items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"parent":{"type":"string"}}}},
      "objects":{"type":"array","items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"type":{"type":"string"}}}},
      "predicates":{"type":"array","items":{"$ref":"#/$defs/signature"}},
      "actions":{"type":"array","items":{"type":"object","required":["name","parameters","preconditions","effects"],
        "properties":{"name":{"type":"string"},"parameters":{"type":"array","items":{"$ref":"#/$defs/parameter"}},
          "preconditions":{"type":"array","items":{"$ref":"#/$defs/literal"}},"effects":{"type":"array","items":{"$ref":"#/$defs/literal"}}}}},
      "initialState":{"type":"array","items":{"$ref":"#/$defs/literal"}},
      "goal":{"type":"array","items":{"$ref":"#/$defs/literal"}}},
     "$defs":{
      "parameter":{"type":"object","required":["name","type"],"properties":{"name":{"type":"string"},"type":{"type":"string"}}},
      "signature":{"type":"object","required":["name","parameters"],"properties":{"name":{"type":"string"},"parameters":{"type":"array","items":{"$ref":"#/$defs/parameter"}}}},
      "literal":{"type":"object","required":["predicate","arguments","negated"],"properties":{"predicate":{"type":"string"},"arguments":{"type":"array","items":{"type":"string"}},"negated":{"type":"boolean"}}}}}
    """

    public static let instructions = """
    You turn a user's description of a planning problem into a typed STRIPS model. Answer with one \
    JSON object only, following this JSON schema, and keep everything already in the current model \
    unless the user changes it. Names are lower-case (a-z, 0-9, '-', '_'), start with a letter; action \
    arguments are parameter names, init and goal arguments are object names; a negated effect deletes a fact.
    Schema:
    \(jsonSchema)
    """

    public static func encode(_ model: DomainModel) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(model)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Decodes an answer, tolerating text around the JSON object (models often add a sentence).
    public static func decode(_ text: String) throws -> DomainModel {
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}") else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the answer contains no JSON object"))
        }
        return try JSONDecoder().decode(DomainModel.self, from: Data(text[start...end].utf8))
    }
}
