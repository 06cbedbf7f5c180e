import Testing
@testable import Elicitation

@Suite("Completeness checker")
struct CompletenessTests {
    /// A tiny consistent model: a robot moves between connected rooms.
    func rooms() -> DomainModel {
        DomainModel(name: "rooms", types: [TypeDeclaration("room")],
                    objects: [ObjectDeclaration("a", type: "room"), ObjectDeclaration("b", type: "room"), ObjectDeclaration("c", type: "room")],
                    predicates: [PredicateSignature("at", [Parameter("r", "room")]),
                                 PredicateSignature("door", [Parameter("x", "room"), Parameter("y", "room")])],
                    actions: [ActionSchema("go", parameters: [Parameter("x", "room"), Parameter("y", "room")],
                                           preconditions: [Literal("at", ["x"]), Literal("door", ["x", "y"])],
                                           effects: [Literal("at", ["y"]), Literal("at", ["x"], negated: true)])],
                    initialState: [Literal("at", ["a"]), Literal("door", ["a", "b"])],
                    goal: [Literal("at", ["b"])])
    }

    func kinds(_ model: DomainModel) -> [Gap.Kind] { CompletenessChecker().gaps(in: model).map(\.kind) }

    @Test("a complete model has no blocking gap")
    func completeModel() {
        let gaps = CompletenessChecker().gaps(in: rooms())
        #expect(gaps.filter(\.isBlocking).isEmpty)
        // c is never mentioned: reported, but only as a warning.
        #expect(gaps.map(\.finding) == ["Object 'c' appears in neither the initial state nor the goal."])
    }

    @Test("a goal atom unreachable under delete relaxation is reported and blocks")
    func unreachableGoal() {
        var model = rooms()
        model.goal = [Literal("at", ["c"])]
        let gap = CompletenessChecker().gaps(in: model).first { $0.kind == .unreachableGoal }
        #expect(gap?.isBlocking == true)
        #expect(gap?.finding == "Nothing can ever make at(c) true, even ignoring what actions undo.")
    }

    @Test("an action that can never be applied from the initial state is reported")
    func inapplicableAction() {
        var model = rooms()
        model.predicates.append(PredicateSignature("lit", [Parameter("r", "room")]))
        model.actions.append(ActionSchema("read", parameters: [Parameter("r", "room")],
                                          preconditions: [Literal("at", ["r"]), Literal("lit", ["r"])], effects: [Literal("lit", ["r"], negated: true)]))
        let gap = CompletenessChecker().gaps(in: model).first { $0.kind == .inapplicableAction }
        #expect(gap?.finding.contains("Action 'read' can never be done") == true)
        #expect(gap?.finding.contains("lit(r)") == true)
    }

    @Test("empty init, empty goal, a goal already true and untyped objects are found")
    func otherGaps() {
        var model = rooms()
        model.initialState = []
        model.goal = []
        #expect(kinds(model).contains(.emptyInit))
        #expect(kinds(model).contains(.emptyGoal))
        model = rooms()
        model.goal = [Literal("at", ["a"])]
        #expect(kinds(model).contains(.goalAlreadyTrue))
        model.objects.append(ObjectDeclaration("thing"))
        #expect(kinds(model).contains(.untypedObject))
    }

    @Test("undeclared and unused symbols are reported in plain words")
    func undeclaredAndUnused() {
        var model = rooms()
        model.types.append(TypeDeclaration("hat"))
        model.predicates.append(PredicateSignature("wet", [Parameter("r", "room")]))
        let findings = CompletenessChecker().gaps(in: model).map(\.finding)
        #expect(findings.contains("Type 'hat' is never used."))
        #expect(findings.contains("Predicate 'wet' is never used."))
        model.goal.append(Literal("dry", ["a"]))
        let blocking = CompletenessChecker().gaps(in: model).filter(\.isBlocking).map(\.finding)
        #expect(blocking == ["The goal: the predicate 'dry' is not declared."])
    }

    @Test("relaxed reachability ignores deletes but respects inequality")
    func relaxedReachability() {
        var model = rooms()
        model.initialState.append(Literal("door", ["b", "c"]))
        model.actions[0].preconditions.append(Literal("=", ["x", "y"], negated: true))
        let reach = RelaxedReachability(model: model)
        #expect(reach.canReach(Literal("at", ["c"])))
        #expect(reach.reachedFacts.contains(Literal("at", ["a"])))  // never deleted under relaxation
        #expect(reach.applicableActions == ["go"])
    }
}
