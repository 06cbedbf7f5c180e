#!/usr/bin/env python3
"""Validate many plans with unified-planning's SequentialPlanValidator in one process.

Usage: up_validate_batch.py MANIFEST.json
MANIFEST is a JSON list of {"domain": path, "problem": path, "plan": path}. Prints one line per
entry, in order: VALID, INVALID <reason>, or ERROR <message> (the reader or validator raised).
Starting unified-planning takes about a second, so the Swift tests call this once per run.
"""
import json
import sys

from unified_planning.shortcuts import get_environment

get_environment().credits_stream = None
from unified_planning.io import PDDLReader  # noqa: E402
from unified_planning.engines import SequentialPlanValidator  # noqa: E402


def main() -> int:
    with open(sys.argv[1]) as handle:
        entries = json.load(handle)
    problems = {}
    validator = SequentialPlanValidator()
    validator.skip_checks = True
    for entry in entries:
        key = (entry["domain"], entry["problem"])
        try:
            if key not in problems:
                reader = PDDLReader()
                problems[key] = (reader, reader.parse_problem(entry["domain"], entry["problem"]))
            reader, problem = problems[key]
            try:
                plan = reader.parse_plan(problem, entry["plan"])
            except Exception as error:  # unknown action/object, wrong arity: the plan is invalid
                print("INVALID unreadable-plan", type(error).__name__, str(error).replace("\n", " ")[:200])
                continue
            result = validator.validate(problem, plan)
            if result.status.name == "VALID":
                print("VALID")
            else:
                print("INVALID", getattr(result, "reason", None), getattr(result, "inapplicable_action", None))
        except Exception as error:
            print("ERROR", type(error).__name__, str(error).replace("\n", " ")[:200])
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
