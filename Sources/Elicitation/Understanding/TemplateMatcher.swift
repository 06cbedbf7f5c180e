/// Ranks the bundled templates against a description by shared words. A template's words are its
/// name, its one-line description and the names in its domain (types, predicates, actions, split
/// at '-' and '_'); both sides are mapped through a small table of synonyms first, so "parcels"
/// meets logistics' "package" and "rooms" meets gripper's "room" as well as other places.
public struct TemplateMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        public var template: String
        public var description: String
        /// The description's words that the template shares, in the description's order.
        public var sharedWords: [String]
    }

    public let templates: [TemplateSource]

    public init(templates: [TemplateSource]) { self.templates = templates }

    /// The templates sharing at least two concepts with `reading` (or one, when the template's
    /// own name is used), best first; at most `limit`.
    public func matches(for reading: DescriptionReading, limit: Int = 2) -> [Match] {
        let wanted = reading.words.map { ($0, Self.concept($0)) }
        var scored: [(match: Match, score: Int, order: Int)] = []
        for (order, template) in templates.enumerated() {
            let vocabulary = Set(Self.vocabulary(of: template).map(Self.concept))
            var shared: [String] = [], concepts: Set<String> = []
            for (word, concept) in wanted where vocabulary.contains(concept) && !concepts.contains(concept) {
                shared.append(word)
                concepts.insert(concept)
            }
            let named = reading.words.contains(template.name.lowercased())
            guard concepts.count >= 2 || named else { continue }
            scored.append((Match(template: template.name, description: template.description, sharedWords: shared),
                           concepts.count + (named ? 3 : 0), order))
        }
        return scored.sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }.prefix(limit).map(\.match)
    }

    /// The words a template is about.
    static func vocabulary(of template: TemplateSource) -> [String] {
        let text = template.name + " " + template.description + " " + identifiers(in: template.domainPDDL).joined(separator: " ")
        return DescriptionReading.tokens(of: text).map { DescriptionReading.verb($0) ?? DescriptionReading.singular($0) }
    }

    /// Names in PDDL text (not keywords starting with ':' nor variables).
    static func identifiers(in pddl: String) -> [String] {
        pddl.lowercased().split { $0.isWhitespace || $0 == "(" || $0 == ")" }
            .filter { !$0.hasPrefix(":") && !$0.hasPrefix("?") && $0 != "-" && !["define", "domain", "and", "not"].contains($0) }
            .map(String.init)
    }

    /// The canonical word of a synonym group, or the word itself.
    static func concept(_ word: String) -> String { synonyms[word] ?? word }

    static let synonyms: [String: String] = {
        let groups: [[String]] = [
            ["package", "parcel", "packet", "box", "crate", "item", "good", "cargo", "shipment", "letter", "mail", "order"],
            ["location", "place", "room", "site", "area", "spot", "position", "city", "town", "depot", "warehouse", "shop",
             "store", "office", "building", "airport", "station"],
            ["carry", "deliver", "transport", "bring", "move", "take", "fetch", "ship", "send", "haul"],
            ["truck", "vehicle", "van", "lorry", "car", "lorrie"],
            ["airplane", "plane", "aircraft", "jet", "drone"],
            ["robot", "robby", "agent", "rover", "bot"],
            ["ball", "object", "thing", "toy"],
            ["gripper", "hand", "arm", "claw"],
            ["pick", "grab", "grasp", "lift", "collect"],
            ["drop", "release", "put", "place"],
            ["elevator", "lift", "escalator"],
            ["floor", "level", "storey", "story"],
            ["passenger", "person", "people", "customer", "guest", "rider"],
            ["board", "enter"],
            ["depart", "leave", "exit", "alight"],
            ["block", "cube", "brick"],
            ["stack", "pile", "tower"],
            ["table", "ground"],
            ["ferry", "boat", "ship", "vessel"],
            ["port", "harbour", "harbor", "dock", "pier"],
            ["disc", "disk", "ring"],
            ["peg", "pole", "rod", "post"],
            ["satellite", "spacecraft"],
            ["instrument", "camera", "sensor"],
            ["image", "photo", "picture", "photograph", "snapshot"],
            ["visit", "explore", "cover", "tour"],
            ["cell", "square", "tile"],
        ]
        var map: [String: String] = [:]
        for group in groups { for word in group where map[word] == nil { map[word] = group[0] } }
        return map
    }()
}
