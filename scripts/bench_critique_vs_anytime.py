#!/usr/bin/env python3
"""Does `plansmith critique` end at least as good as `plansmith plan --search anytime` given the same time?

For each problem: run `critique --json` (offline), take its wall time T and final cost, then run
`plan --search anytime --timeout T` and take its final cost. Both plans are checked with
`plansmith check-plan`. Prints a Markdown table.

Usage: scripts/bench_critique_vs_anytime.py [--plansmith PATH] DOMAIN/PROBLEM …  (e.g. blocks/p04)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def checked_cost(plansmith, domain, problem, steps, scratch):
    path = os.path.join(scratch, "plan.txt")
    with open(path, "w") as handle:
        handle.write("\n".join(steps) + "\n")
    out = subprocess.run([plansmith, "check-plan", "--json", domain, problem, path], capture_output=True, text=True).stdout
    verdict = json.loads(out)
    return verdict["cost"] if verdict.get("valid") else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plansmith", default=os.path.join(ROOT, ".build/release/plansmith"))
    parser.add_argument("--corpus", default=os.environ.get("PLANSMITH_CORPUS", os.path.join(ROOT, "../shared/corpus")))
    parser.add_argument("problems", nargs="+")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="critique-vs-anytime-")
    print("| problem | critique s | critique first → final cost | anytime cost in the same time | critique ≤ anytime |")
    print("|---|---|---|---|---|")
    for name in args.problems:
        domain_name, problem_name = name.split("/")
        domain = os.path.join(args.corpus, domain_name, "domain.pddl")
        problem = os.path.join(args.corpus, domain_name, problem_name + ".pddl")
        db = os.path.join(scratch, f"{domain_name}-{problem_name}.sqlite")
        start = time.time()
        out = subprocess.run([args.plansmith, "critique", "--json", "--db", db, domain, problem],
                             capture_output=True, text=True).stdout
        elapsed = time.time() - start
        final = [json.loads(line) for line in out.splitlines() if line.startswith("{") and '"final"' in line]
        final = final[-1] if final else {}
        critique_cost = checked_cost(args.plansmith, domain, problem, final.get("plan") or [], scratch) if final.get("valid") else None
        out = subprocess.run([args.plansmith, "plan", "--json", "--search", "anytime", "--timeout", f"{elapsed:.2f}", domain, problem],
                             capture_output=True, text=True).stdout
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        last = lines[-1] if lines else {}
        anytime_cost = checked_cost(args.plansmith, domain, problem, last.get("plan") or [], scratch) if last.get("plan") else None
        ok = critique_cost is not None and (anytime_cost is None or critique_cost <= anytime_cost)
        print(f"| {name} | {elapsed:.1f} | {final.get('initial_cost')} → {critique_cost} | {anytime_cost} | {'yes' if ok else 'NO'} |",
              flush=True)


if __name__ == "__main__":
    main()
