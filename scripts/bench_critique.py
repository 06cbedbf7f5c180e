#!/usr/bin/env python3
"""Offline critique over the corpus: % final plans valid (own validator, and unified-planning where its
reader accepts the files), mean cost reduction, rounds to convergence, time per round.

    scripts/bench_critique.py [--plansmith .build/debug/plansmith] [--corpus ../shared/corpus]
                              [--max-iterations 5] [--timeout 30] [--only blocks,gripper] [--problems p01,p02]

Uses $PEERS_VENV (default .peers-venv) for unified-planning; skips that check when it is missing.
"""
import argparse, json, os, subprocess, sys, tempfile, time

UP_CHECK = r'''
import sys
from unified_planning.shortcuts import get_environment
get_environment().credits_stream = None
from unified_planning.io import PDDLReader
from unified_planning.engines import SequentialPlanValidator
r = PDDLReader(); prob = r.parse_problem(sys.argv[1], sys.argv[2])
plan = r.parse_plan(prob, sys.argv[3])
v = SequentialPlanValidator(); v.skip_checks = True
print(v.validate(prob, plan).status.name)
'''


def up_verdict(python, domain, problem, plan):
    if not python:
        return None
    try:
        out = subprocess.run([python, "-c", UP_CHECK, domain, problem, plan], capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None
    lines = out.stdout.strip().splitlines()
    return lines[-1] if out.returncode == 0 and lines else None  # None: the reader did not accept the files


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--plansmith", default=os.path.join(root, ".build/debug/plansmith"))
    ap.add_argument("--corpus", default=os.environ.get("PLANSMITH_CORPUS", os.path.join(root, "../shared/corpus")))
    ap.add_argument("--max-iterations", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--only", default="")
    ap.add_argument("--problems", default="")
    args = ap.parse_args()
    venv = os.environ.get("PEERS_VENV", os.path.join(root, ".peers-venv"))
    python = os.path.join(venv, "bin/python") if os.path.exists(os.path.join(venv, "bin/python")) else None
    domains = sorted(d for d in os.listdir(args.corpus) if os.path.exists(os.path.join(args.corpus, d, "domain.pddl")))
    if args.only:
        domains = [d for d in domains if d in args.only.split(",")]
    rows, scratch = [], tempfile.mkdtemp(prefix="bench-critique-")
    for d in domains:
        folder = os.path.join(args.corpus, d)
        for f in sorted(os.listdir(folder)):
            if not (f.startswith("p") and f.endswith(".pddl")) or "domain" in f:
                continue
            if args.problems and f[:-5] not in args.problems.split(","):
                continue
            problem = os.path.join(folder, f)
            specific = os.path.join(folder, f[:-5] + "-domain.pddl")
            domain = specific if os.path.exists(specific) else os.path.join(folder, "domain.pddl")
            plan_file = os.path.join(scratch, f"{d}-{f[:-5]}.plan")
            started = time.time()
            out = subprocess.run([args.plansmith, "bench-critique", domain, problem, "--max-iterations", str(args.max_iterations),
                                  "--timeout", str(args.timeout), "--plan-file", plan_file], capture_output=True, text=True)
            try:
                row = json.loads(out.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                row = {"valid": False, "failure": out.stderr.strip()[:200]}
            row["name"] = f"{d}/{f[:-5]}"
            row["wall"] = time.time() - started
            row["up"] = up_verdict(python, domain, problem, plan_file) if "cost" in row else None
            rows.append(row)
            print(f"{row['name']:28} valid={row.get('valid')} up={row['up']} cost {row.get('initial_cost')}→{row.get('cost')} "
                  f"rounds={row.get('iterations')} {row.get('reason')} {row['wall']:.1f}s", flush=True)
    solved = [r for r in rows if "cost" in r]
    rounds = [s for r in solved for s in r.get("round_seconds", [])]
    reductions = [(r["initial_cost"] - r["cost"]) / r["initial_cost"] for r in solved if r["initial_cost"] > 0]
    up_checked = [r for r in solved if r["up"] is not None]
    summary = {
        "problems": len(rows), "with_plan": len(solved),
        "valid_pct": 100.0 * sum(1 for r in solved if r["valid"]) / max(len(solved), 1),
        "up_checked": len(up_checked), "up_valid_pct": 100.0 * sum(1 for r in up_checked if r["up"] == "VALID") / max(len(up_checked), 1),
        "mean_cost_reduction_pct": 100.0 * sum(reductions) / max(len(reductions), 1),
        "mean_rounds": sum(r["iterations"] for r in solved) / max(len(solved), 1),
        "mean_round_s": sum(rounds) / max(len(rounds), 1),
        "reasons": {k: sum(1 for r in solved if r["reason"] == k) for k in sorted({r["reason"] for r in solved})},
    }
    print(json.dumps(summary, indent=1))
    return 0 if all(r["valid"] for r in solved) and all(r["up"] in (None, "VALID") for r in solved) else 1


if __name__ == "__main__":
    sys.exit(main())
