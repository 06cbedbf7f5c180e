/// Every diagnostic Plansmith can report about a PDDL file. The raw values are stable: scripts,
/// tests and the editor match on them. Letters group them: I input, P syntax, R requirements,
/// S semantics (errors), W warnings.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Input
    case unreadableFile = "I001"
    case binaryInput = "I002"
    case invalidUTF8 = "I003"
    case fileTooLarge = "I004"
    case emptyInput = "I005"

    // Syntax
    case expectedOpenParen = "P001"
    case unexpectedCloseParen = "P002"
    case unclosedParen = "P003"
    case expectedDefine = "P004"
    case expectedHeader = "P005"
    case unknownSection = "P006"
    case expectedName = "P007"
    case expectedVariable = "P008"
    case nestingTooDeep = "P009"
    case unexpectedToken = "P010"
    case expectedNumber = "P011"
    case trailingContent = "P012"
    case expectedKeyword = "P013"
    case malformedTypedList = "P014"
    case duplicateSection = "P015"
    case notAPDDLFile = "P016"

    // Requirements
    case unknownRequirement = "R001"
    case unsupportedRequirement = "R002"
    case unsupportedFeature = "R003"

    // Semantics (errors)
    case undeclaredType = "S001"
    case duplicateType = "S002"
    case undeclaredPredicate = "S003"
    case duplicatePredicate = "S004"
    case wrongArity = "S005"
    case typeMismatch = "S006"
    case undeclaredObject = "S007"
    case duplicateObject = "S008"
    case duplicateAction = "S009"
    case duplicateParameter = "S010"
    case undeclaredVariable = "S011"
    case domainMismatch = "S012"
    case undeclaredFunction = "S013"
    case duplicateFunction = "S014"
    case cyclicTypeHierarchy = "S015"
    case invalidNumericEffect = "S016"
    case missingGoal = "S017"

    // Warnings
    case unusedPredicate = "W001"
    case unusedType = "W002"
    case unusedObject = "W003"
    case repeatedPredicateParameter = "W004"
    case missingRequirement = "W005"
    case unusedParameter = "W006"
    case emptyInit = "W007"
    case goalTrueInitially = "W008"
    case shadowedVariable = "W009"
    case duplicateInitFact = "W010"

    public var defaultSeverity: Severity {
        switch rawValue.first {
        case "W": .warning
        default: .error
        }
    }

    /// A short title for documentation and `--explain`-style listings.
    public var title: String {
        switch self {
        case .unreadableFile: "file cannot be read"
        case .binaryInput: "binary input"
        case .invalidUTF8: "invalid UTF-8"
        case .fileTooLarge: "file too large"
        case .emptyInput: "empty input"
        case .expectedOpenParen: "expected '('"
        case .unexpectedCloseParen: "unexpected ')'"
        case .unclosedParen: "unclosed '('"
        case .expectedDefine: "expected 'define'"
        case .expectedHeader: "expected domain or problem header"
        case .unknownSection: "unknown section"
        case .expectedName: "expected a name"
        case .expectedVariable: "expected a variable"
        case .nestingTooDeep: "nesting too deep"
        case .unexpectedToken: "unexpected token"
        case .expectedNumber: "expected a number"
        case .trailingContent: "content after the definition"
        case .expectedKeyword: "expected a keyword"
        case .malformedTypedList: "malformed typed list"
        case .duplicateSection: "duplicate section"
        case .notAPDDLFile: "not a PDDL file"
        case .unknownRequirement: "unknown requirement"
        case .unsupportedRequirement: "unsupported requirement"
        case .unsupportedFeature: "unsupported feature"
        case .undeclaredType: "undeclared type"
        case .duplicateType: "duplicate type"
        case .undeclaredPredicate: "undeclared predicate"
        case .duplicatePredicate: "duplicate predicate"
        case .wrongArity: "wrong number of arguments"
        case .typeMismatch: "type mismatch"
        case .undeclaredObject: "undeclared object or constant"
        case .duplicateObject: "duplicate object or constant"
        case .duplicateAction: "duplicate action"
        case .duplicateParameter: "duplicate parameter"
        case .undeclaredVariable: "undeclared variable"
        case .domainMismatch: "problem names another domain"
        case .undeclaredFunction: "undeclared function"
        case .duplicateFunction: "duplicate function"
        case .cyclicTypeHierarchy: "cyclic type hierarchy"
        case .invalidNumericEffect: "invalid numeric effect"
        case .missingGoal: "missing goal"
        case .unusedPredicate: "unused predicate"
        case .unusedType: "unused type"
        case .unusedObject: "unused object"
        case .repeatedPredicateParameter: "repeated parameter name"
        case .missingRequirement: "feature used without its requirement"
        case .unusedParameter: "unused parameter"
        case .emptyInit: "empty initial state"
        case .goalTrueInitially: "goal already true"
        case .shadowedVariable: "variable shadows an outer one"
        case .duplicateInitFact: "duplicate initial fact"
        }
    }
}
