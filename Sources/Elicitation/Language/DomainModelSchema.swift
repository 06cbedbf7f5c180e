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
    /// Names are patterns and lists have a most-items bound: with structured output a local server
    /// turns the schema into a grammar, and these keep a small model from writing prose into a name
    /// or repeating one list item until it runs out of tokens.
    public static let jsonSchema = """
    {"type":"object","required":["name","description","types","objects","predicates","actions","initialState","goal"],
     "properties":{
      "name":{"$ref":"#/$defs/name"},
      "description":{"type":"string","maxLength":300},
      "types":{"type":"array","maxItems":12,"items":{"type":"object","required":["name"],"properties":{"name":{"$ref":"#/$defs/name"},"parent":{"$ref":"#/$defs/name"}}}},
      "objects":{"type":"array","maxItems":30,"items":{"type":"object","required":["name"],"properties":{"name":{"$ref":"#/$defs/name"},"type":{"$ref":"#/$defs/name"}}}},
      "predicates":{"type":"array","maxItems":16,"items":{"$ref":"#/$defs/signature"}},
      "actions":{"type":"array","maxItems":12,"items":{"type":"object","required":["name","parameters","preconditions","effects"],
        "properties":{"name":{"$ref":"#/$defs/name"},"parameters":{"type":"array","maxItems":6,"items":{"$ref":"#/$defs/parameter"}},
          "preconditions":{"type":"array","maxItems":12,"items":{"$ref":"#/$defs/literal"}},"effects":{"type":"array","maxItems":12,"items":{"$ref":"#/$defs/literal"}}}}},
      "initialState":{"type":"array","maxItems":60,"items":{"$ref":"#/$defs/literal"}},
      "goal":{"type":"array","maxItems":30,"items":{"$ref":"#/$defs/literal"}}},
     "$defs":{
      "name":{"type":"string","pattern":"^[a-z][a-z0-9_-]{0,30}$","maxLength":31},
      "parameter":{"type":"object","required":["name","type"],"properties":{"name":{"$ref":"#/$defs/name"},"type":{"$ref":"#/$defs/name"}}},
      "signature":{"type":"object","required":["name","parameters"],"properties":{"name":{"$ref":"#/$defs/name"},"parameters":{"type":"array","maxItems":6,"items":{"$ref":"#/$defs/parameter"}}}},
      "literal":{"type":"object","required":["predicate","arguments","negated"],"properties":{"predicate":{"type":"string","pattern":"^([a-z][a-z0-9_-]{0,30}|=)$","maxLength":31},"arguments":{"type":"array","maxItems":6,"items":{"$ref":"#/$defs/name"}},"negated":{"type":"boolean"}}}}}
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
