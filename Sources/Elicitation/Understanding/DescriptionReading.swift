/// What a plain sentence says about a planning problem, read without a language model: the kinds
/// of things it names (an agent that acts, items acted on, places), the verbs, and every content
/// word for template matching.
///
/// The reading is deliberately shallow — word lists, simple plurals, and the prepositions that
/// introduce places ("between rooms", "from the depot to shops") — because its only job is to
/// answer a first sentence with something to start from: the matching templates and a few
/// controlled-syntax lines the user can type or edit. It never changes the model by itself.
public struct DescriptionReading: Sendable, Equatable {
    /// The subject when a verb follows it ("Robots deliver …" → robot).
    public var agent: String?
    /// Other things named, in order of appearance.
    public var items: [String]
    /// Things named after a place preposition ("between rooms" → room).
    public var places: [String]
    /// Verbs, in base form ("delivers" → deliver).
    public var verbs: [String]
    /// Every content word in singular/base form, for template matching.
    public var words: [String]

    /// All the kinds of things named: agent, items, places.
    public var kinds: [String] { (agent.map { [$0] } ?? []) + items + places }

    public init(_ text: String) {
        let tokens = Self.tokens(of: text)
        var agent: String?, items: [String] = [], places: [String] = [], verbs: [String] = [], words: [String] = []
        var afterPlaceWord = false, afterBy = false, passive = false, lastWasPlace = false
        var nounsBeforeVerb: [String] = []
        var previous = ""
        for raw in tokens {
            defer { previous = raw }
            if Self.placeWords.contains(raw) { afterPlaceWord = true; continue }
            // "between rooms and offices": a list of places goes on through "and"/"or" only.
            if raw == "and" || raw == "or", lastWasPlace { afterPlaceWord = true; continue }
            lastWasPlace = false
            if raw == "by" { afterBy = true; continue }
            if Self.stopWords.contains(raw) || raw.count < 3 || raw.allSatisfy(\.isNumber) { continue }
            if let verb = Self.verb(raw) {
                if !verbs.contains(verb) { verbs.append(verb) }
                if !words.contains(verb) { words.append(verb) }
                // The first noun before the first verb acts ("Robots deliver parcels"), unless the
                // verb is passive ("Boxes are carried … by trucks": the noun after "by" acts).
                if verbs.count == 1 { passive = ["are", "is", "was", "were", "be", "been", "being", "get", "gets"].contains(previous) }
                if agent == nil, verbs.count == 1, !passive, let first = nounsBeforeVerb.first { agent = first }
                afterPlaceWord = false
                continue
            }
            let noun = Self.singular(raw)
            if !words.contains(noun) { words.append(noun) }
            guard DescriptionReading.isUsableName(noun) else { continue }
            if verbs.isEmpty { nounsBeforeVerb.append(noun) }
            if afterBy {
                afterBy = false
                if passive && agent == nil { agent = noun; continue }
            }
            if afterPlaceWord {
                afterPlaceWord = false
                lastWasPlace = true
                // A thing named before keeps its role ("cars between ports, one car at a time").
                if !places.contains(noun) && !items.contains(noun) && noun != agent { places.append(noun) }
            } else if !items.contains(noun) {
                items.append(noun)
            }
        }
        if let agent { items.removeAll { $0 == agent } }
        items.removeAll { places.contains($0) }
        self.agent = agent
        self.items = items
        self.places = places
        self.verbs = verbs
        self.words = words
    }

    /// Lower-case words of letters only (hyphenated words split).
    static func tokens(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// A name the controlled syntax accepts for a type and that is not one of its keywords.
    static func isUsableName(_ word: String) -> Bool {
        DomainModel.isValidName(word) && !DomainModel.reservedWords.contains(word)
            && !ControlledSyntaxParser.keywords.contains(word) && !["requires", "makes", "object", "not"].contains(word)
    }

    /// The base form if `word` is a known verb or an inflection of one ("delivers", "carried", "moving").
    static func verb(_ word: String) -> String? {
        if verbs.contains(word) { return word }
        var candidates: [String] = []
        if word.hasSuffix("ies") { candidates.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es") { candidates.append(String(word.dropLast(2))) }
        if word.hasSuffix("s") { candidates.append(String(word.dropLast())) }
        if word.hasSuffix("ied") { candidates.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("ed") { candidates += [String(word.dropLast(2)), String(word.dropLast())] }
        if word.hasSuffix("ing") { candidates += [String(word.dropLast(3)), String(word.dropLast(3)) + "e"] }
        return candidates.first { verbs.contains($0) }
    }

    /// "parcels" → "parcel", "boxes" → "box", "cities" → "city", "people" → "person".
    static func singular(_ word: String) -> String {
        if let irregular = irregularPlurals[word] { return irregular }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        for ending in ["sses", "xes", "ches", "shes", "zes"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") && word.count > 3 {
            return String(word.dropLast())
        }
        return word
    }

    static let irregularPlurals = ["people": "person", "children": "child", "men": "man", "women": "woman",
                                   "mice": "mouse", "geese": "goose", "feet": "foot", "teeth": "tooth", "data": "datum"]

    /// Words after which the next noun is a place.
    static let placeWords: Set<String> = ["between", "from", "to", "in", "at", "into", "onto", "across", "around", "among",
                                          "inside", "within", "through", "via", "toward", "towards", "on", "over", "along"]

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "with", "by", "for", "as", "is", "are", "be", "been", "was", "were", "has", "have",
        "had", "can", "could", "must", "should", "will", "would", "may", "might", "that", "this", "these", "those", "there",
        "their", "its", "it", "they", "them", "who", "which", "what", "where", "when", "each", "every", "all", "some", "any",
        "one", "two", "three", "four", "five", "several", "many", "few", "other", "another", "more", "most", "only", "also",
        "then", "than", "so", "if", "but", "not", "no", "our", "my", "your", "we", "you", "i", "me", "us", "his", "her",
        "want", "wants", "need", "needs", "like", "way", "problem", "domain", "planning", "plan", "task", "tasks", "goal",
        "goals", "want", "while", "until", "after", "before", "using", "use", "uses", "different", "same", "new", "own",
        "them", "up", "down", "out", "off", "back", "away", "about", "under", "next", "first", "last", "given", "certain",
        "time", "times", "once", "twice", "always", "never", "possible", "able", "how", "hello", "thanks", "please",
    ]

    /// Verbs planning descriptions use (base forms).
    static let verbs: Set<String> = [
        "deliver", "move", "carry", "transport", "bring", "take", "fetch", "ship", "send", "drive", "fly", "sail", "walk",
        "travel", "go", "navigate", "visit", "explore", "cover", "pick", "drop", "grab", "grasp", "hold", "release", "put",
        "place", "load", "unload", "stack", "unstack", "pile", "push", "pull", "lift", "lower", "open", "close", "lock",
        "unlock", "turn", "switch", "paint", "clean", "cook", "serve", "repair", "fix", "build", "assemble", "charge",
        "collect", "gather", "sort", "store", "board", "depart", "enter", "leave", "exit", "arrive", "climb", "jump",
        "point", "calibrate", "photograph", "observe", "measure", "sample", "mine", "dig", "cut", "heat", "cool", "mix",
        "fill", "empty", "pour", "water", "feed", "plant", "harvest", "rescue", "evacuate", "guard", "patrol", "inspect",
        "pack", "unpack", "wrap", "label", "print", "scan", "schedule", "assign", "route", "rotate", "shift", "swap",
        "connect", "disconnect", "attach", "detach", "mount", "dismount", "install", "remove", "replace", "supply", "refuel",
    ]
}
