#!/usr/bin/env python3
"""Offline critique over the corpus: % final plans valid (own validator, and unified-planning where its
reader accepts the files), mean cost reduction, rounds to convergence, time per round.

    scripts/bench_critique.py [--plansmith .build/debug/plansmith] [--corpus ../shared/corpus]
                              [--max-iterations 5] [--timeout 30] [--only blocks,gripper] [--problems p01,p02]
                              [--llm-fake [--fake-server .build/debug/fake-llm-server]]

--llm-fake: LLM mode against a hostile fake provider (fake-llm-server, OpenAI wire format): the
proposer and the reviser return invalid plans, every LLM critic reports edits that break the plan
(delete step 1, a made-up step, a bogus reorder) and approves every item. The final plan must still
be valid every time; the table gives, per critic, its agree votes on edits that yield no valid plan.

Uses $PEERS_VENV (default .peers-venv) for unified-planning; skips that check when it is missing.
"""
import argparse, json, os, subprocess, sys, tempfile, time, urllib.request

CRITICS = ["completeness", "efficiency", "safety", "llm-completeness", "llm-efficiency", "llm-safety"]


def hostile_script(max_iterations):
    """Routes (matched on the request body) so concurrent critic calls get the right kind of reply."""
    votes = [{"id": f"{i}.{c}.{n}", "vote": 1.0} for i in range(1, max_iterations + 1) for c in CRITICS for n in range(1, 11)]
    items = {"items": [
        {"severity": "critical", "message": "step 1 is pointless", "steps": [1], "edit": {"kind": "delete-steps", "steps": [1]}},
        {"severity": "major", "message": "teleport instead", "steps": [1, 2],
         "edit": {"kind": "replace-segment", "start": 1, "end": 2, "replacement": ["(teleport everything goal)"]}},
        {"severity": "minor", "message": "swap the first two steps", "steps": [1, 2], "edit": {"kind": "reorder", "order": [2, 1]}},
    ]}
    return {"steps": [], "routes": [
        {"contains": "Solve this PDDL planning problem", "steps": [{"text": "(stack nothing nowhere)\n(fly away)"}]},
        {"contains": "critic_items", "steps": [{"json": json.dumps(items), "tool_name": "critic_items"}]},
        {"contains": "critic_votes", "steps": [{"json": json.dumps({"votes": votes}), "tool_name": "critic_votes"}]},
        {"contains": "Write a revised plan", "steps": [{"text": "(undo everything)\n(stack nothing nowhere)"}]},
    ]}


def start_fake_server(path, max_iterations):
    server = subprocess.Popen([path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    base = json.loads(server.stdout.readline())["base_url"]
    body = json.dumps(hostile_script(max_iterations)).encode()
    urllib.request.urlopen(urllib.request.Request(base + "/_fake/script", data=body, headers={"Content-Type": "application/json"}))
    return server, base

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
    ap.add_argument("--llm-fake", action="store_true")
    ap.add_argument("--fake-server", default=os.path.join(root, ".build/debug/fake-llm-server"))
    args = ap.parse_args()
    extra, env, server = [], dict(os.environ), None
    if args.llm_fake:
        server, base = start_fake_server(args.fake_server, args.max_iterations)
        env.update({"OPENAI_BASE_URL": base + "/v1", "OPENAI_API_KEY": "sk-bench-fake", "PLANSMITH_CONFIG": "/nonexistent/config.toml"})
        extra = ["--llm", "openai", "--llm-timeout", "30"]
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
                                  "--timeout", str(args.timeout), "--plan-file", plan_file] + extra,
                                 capture_output=True, text=True, env=env)
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
    if args.llm_fake:
        server.stdin.close()
        server.wait(timeout=10)
        summary["initial_plans_from_fallback"] = sum(1 for r in solved if "gave no valid plan" in str(r.get("initial_source")))
        summary["all_rounds_valid"] = all(r.get("all_rounds_valid") for r in solved)
        summary["revisions_asked"] = sum(r.get("revisions", 0) for r in solved)
        summary["revisions_invalid"] = sum(r.get("revisions_invalid", 0) for r in solved)
        summary["revisions_applied"] = sum(r.get("revisions_applied", 0) for r in solved)
        invalid_items = sum(r.get("invalid_edit_items", 0) for r in solved)
        summary["items_with_invalid_edit"] = invalid_items
        summary["accepted_not_applied"] = sum(r.get("accepted_not_applied", 0) for r in solved)
        print(f"\n{'critic':18} {'votes':>7} {'agree on invalid edit':>22} {'of invalid-edit items':>22} {'rate':>7} {'failures':>9}")
        for c in CRITICS:
            votes = sum(r.get("votes", {}).get(c, 0) for r in solved)
            agreed = sum(r.get("agreed_with_invalid", {}).get(c, 0) for r in solved)
            failures = sum(r.get("critic_failures", {}).get(c, 0) for r in solved)
            rate = 100.0 * agreed / invalid_items if invalid_items else 0.0
            summary.setdefault("per_critic", {})[c] = {"votes": votes, "agreed_with_invalid": agreed, "rate_pct": round(rate, 1),
                                                       "failures": failures}
            print(f"{c:18} {votes:7d} {agreed:22d} {invalid_items:22d} {rate:6.1f}% {failures:9d}")
    print(json.dumps(summary, indent=1))
    return 0 if all(r["valid"] for r in solved) and all(r["up"] in (None, "VALID") for r in solved) else 1


if __name__ == "__main__":
    sys.exit(main())
