#!/usr/bin/env python3
"""Planner benchmark: Plansmith vs pyperplan (gbf + hff) vs Fast Downward (eager_greedy([ff()])).

Runs every corpus problem with the same time limit, validates every plan with `plansmith check-plan`
and (where its reader accepts the files) unified-planning, and prints a Markdown table: coverage per
domain, median time, plan cost, time ratios, peak memory (max RSS of the child, via wait4).

Usage: scripts/bench_plan.py [--timeout 60] [--domains blocks,gripper] [--plansmith PATH]
Needs a release build (`swift build -c release --product plansmith`) and the peers venv
(shared/tools/peers.sh; PLANSMITH_PEERS_VENV or <root>/.peers-venv).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UP_UNREADABLE = {"logistics", "zenotravel"}


def run(cmd, timeout, cwd=None):
    """Runs cmd; returns (exit code or None on timeout, seconds, peak RSS MB, stdout)."""
    start = time.time()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, _ = proc.communicate()
        code = None
    elapsed = time.time() - start
    # ru_maxrss of the waited-for children (the largest so far; reset per process by using a fresh child).
    import resource
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return code, elapsed, rss, out.decode(errors="replace")


def peak_rss(cmd, timeout, cwd=None):
    """Like run, but measures this child's own peak RSS with /usr/bin/time -v when available."""
    if os.path.exists("/usr/bin/time"):
        fd, path = tempfile.mkstemp()
        os.close(fd)
        code, elapsed, _, out = run(["/usr/bin/time", "-v", "-o", path] + cmd, timeout, cwd)
        rss = None
        with open(path) as handle:
            for line in handle:
                if "Maximum resident set size" in line:
                    rss = int(line.split(":")[1]) / 1024.0
        os.unlink(path)
        return code, elapsed, rss, out
    return run(cmd, timeout, cwd)


def plan_steps(text):
    return [line.strip() for line in text.splitlines() if line.strip().startswith("(")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--domains", default="")
    parser.add_argument("--planners", default="plansmith,pyperplan,fd", help="comma-separated subset to run")
    parser.add_argument("--plansmith", default=os.path.join(ROOT, ".build/release/plansmith"))
    parser.add_argument("--corpus", default=os.environ.get("PLANSMITH_CORPUS", os.path.join(ROOT, "../shared/corpus")))
    args = parser.parse_args()
    venv = os.environ.get("PLANSMITH_PEERS_VENV", os.path.join(ROOT, ".peers-venv"))
    python = os.path.join(venv, "bin/python")
    pyperplan = os.path.join(venv, "bin/pyperplan")
    fd = glob.glob(os.path.join(venv, "lib/python3*/site-packages/up_fast_downward/downward/fast-downward.py"))
    have_peers = bool(os.path.exists(python) and fd)
    wanted = set(args.planners.split(","))
    domains = sorted(d for d in os.listdir(args.corpus) if os.path.exists(os.path.join(args.corpus, d, "domain.pddl")))
    if args.domains:
        domains = [d for d in domains if d in args.domains.split(",")]
    results = []  # dicts: domain, problem, planner, solved, time, cost, rss, valid, up
    work = tempfile.mkdtemp(prefix="bench-plan-")
    up_manifest = []
    for domain in domains:
        folder = os.path.join(args.corpus, domain)
        for problem_path in sorted(glob.glob(os.path.join(folder, "p[0-9]*.pddl"))):
            if problem_path.endswith("-domain.pddl"):
                continue
            problem = os.path.basename(problem_path)[:-5]
            domain_path = os.path.join(folder, "domain.pddl")
            scratch = os.path.join(work, f"{domain}-{problem}")
            os.makedirs(scratch)
            runs = {}
            code, elapsed, rss, out = peak_rss([args.plansmith, "plan", "--json", "--timeout", str(args.timeout), domain_path, problem_path],
                                               args.timeout + 10)
            try:
                answer = json.loads(out)
            except ValueError:
                answer = {}
            text = "\n".join(answer.get("plan") or [])
            runs["plansmith"] = (code == 0, elapsed, rss, text, answer)
            if have_peers and "pyperplan" in wanted:
                local_domain, local_problem = os.path.join(scratch, "domain.pddl"), os.path.join(scratch, "problem.pddl")
                shutil.copy(domain_path, local_domain)
                shutil.copy(problem_path, local_problem)
                code, elapsed, rss, _ = peak_rss([pyperplan, "-s", "gbf", "-H", "hff", local_domain, local_problem], args.timeout)
                soln = local_problem + ".soln"
                text = open(soln).read() if code == 0 and os.path.exists(soln) else ""
                runs["pyperplan"] = (bool(text), elapsed, rss, text, code)
            if have_peers and "fd" in wanted:
                plan_file = os.path.join(scratch, "fd.plan")
                code, elapsed, rss, _ = peak_rss([python, fd[0], "--plan-file", plan_file, domain_path, problem_path,
                                                  "--search", "eager_greedy([ff()])"], args.timeout, cwd=scratch)
                text = open(plan_file).read() if code == 0 and os.path.exists(plan_file) else ""
                runs["fd"] = (bool(text), elapsed, rss, text)
            for planner, run_result in runs.items():
                solved, elapsed, rss, text = run_result[0], run_result[1], run_result[2], run_result[3]
                row = {"domain": domain, "problem": problem, "planner": planner, "solved": solved, "time": elapsed,
                       "rss": rss, "cost": None, "valid": None, "up": None,
                       "bytes_per_state": run_result[4].get("bytes_per_state") if planner == "plansmith" else None,
                       "stored_states": run_result[4].get("stored_states") if planner == "plansmith" else None}
                if solved:
                    plan_file = os.path.join(scratch, f"{planner}.checked.plan")
                    with open(plan_file, "w") as handle:
                        handle.write("\n".join(plan_steps(text)) + "\n")
                    check = subprocess.run([args.plansmith, "check-plan", "--json", domain_path, problem_path, plan_file],
                                           capture_output=True, text=True)
                    try:
                        verdict = json.loads(check.stdout)
                        row["valid"], row["cost"] = verdict["valid"], verdict["cost"]
                    except ValueError:
                        row["valid"] = False
                    if have_peers and domain not in UP_UNREADABLE:
                        up_manifest.append({"domain": domain_path, "problem": problem_path, "plan": plan_file, "row": len(results)})
                results.append(row)
            print(f"{domain}/{problem}: " + ", ".join(
                f"{r['planner']} {'ok' if r['solved'] else '--'} {r['time']:.2f}s" for r in results if r["domain"] == domain and r["problem"] == problem),
                file=sys.stderr, flush=True)
    if up_manifest:
        manifest = os.path.join(work, "up.json")
        json.dump(up_manifest, open(manifest, "w"))
        script = os.path.join(ROOT, "Tests/PlannerTests/Support/up_validate_batch.py")
        verdicts = subprocess.run([python, script, manifest], capture_output=True, text=True).stdout.splitlines()
        for entry, verdict in zip(up_manifest, verdicts):
            results[entry["row"]]["up"] = verdict.startswith("VALID")
    report(results, args.timeout, have_peers)
    # Per-problem Plansmith search figures (bytes per stored state = packed bitset size).
    print("\n| problem | plansmith s | cost | stored states | bytes/state | peak MB |")
    print("|---|---|---|---|---|---|")
    for r in results:
        if r["planner"] == "plansmith":
            print(f"| {r['domain']}/{r['problem']} | {r['time']:.2f} | {r['cost'] if r['cost'] is not None else '-'} | "
                  f"{r['stored_states'] if r['stored_states'] is not None else '-'} | {r['bytes_per_state'] or '-'} | {r['rss'] or 0:.0f} |")
    shutil.rmtree(work, ignore_errors=True)


def median(values):
    return statistics.median(values) if values else float("nan")


def report(results, timeout, have_peers):
    present = {r["planner"] for r in results}
    planners = [p for p in ["plansmith", "pyperplan", "fd"] if p in present]
    by = {}
    for r in results:
        by.setdefault((r["domain"], r["problem"]), {})[r["planner"]] = r
    print(f"\n## Planner benchmark (time limit {timeout:g} s per run; pyperplan gbf+hff, FD eager_greedy([ff()]))\n")
    print("| domain | " + " | ".join(f"{p} solved" for p in planners) + " | plansmith median s | pyperplan median s | FD median s | plansmith/FD cost | peak MB plansmith/FD |")
    print("|---|" + "---|" * (len(planners) + 5))
    domains = sorted({d for d, _ in by})
    totals = {p: 0 for p in planners}
    for domain in domains:
        problems = [v for (d, _), v in by.items() if d == domain]
        cells = []
        for p in planners:
            n = sum(1 for v in problems if p in v and v[p]["solved"])
            totals[p] += n
            cells.append(str(n))
        times = {p: median([v[p]["time"] for v in problems if p in v and v[p]["solved"]]) for p in planners}
        costs = [v["plansmith"]["cost"] / v["fd"]["cost"] for v in problems
                 if "fd" in v and v["fd"]["solved"] and v["plansmith"]["solved"] and v["fd"]["cost"]]
        mem = [(v["plansmith"]["rss"] or 0, (v.get("fd") or {}).get("rss") or 0) for v in problems]
        print(f"| {domain} | " + " | ".join(cells) + f" | {times['plansmith']:.3f} | {times.get('pyperplan', float('nan')):.3f} | "
              f"{times.get('fd', float('nan')):.3f} | {median(costs):.2f} | {max(m[0] for m in mem):.0f}/{max(m[1] for m in mem):.0f} |")
    print("| **total** | " + " | ".join(str(totals[p]) for p in planners) + " | | | | | |")
    invalid = [r for r in results if r["solved"] and (r["valid"] is False or r["up"] is False)]
    disagreements = [r for r in results if r["valid"] is not None and r["up"] is not None and r["valid"] != r["up"]]
    print(f"\nplans validated: {sum(1 for r in results if r['valid'] is not None)} by check-plan, "
          f"{sum(1 for r in results if r['up'] is not None)} by unified-planning; invalid: {len(invalid)}; "
          f"check-plan/UP disagreements: {len(disagreements)}")
    for r in invalid:
        print(f"  INVALID: {r['planner']} {r['domain']}/{r['problem']} check-plan={r['valid']} up={r['up']}")
    if "pyperplan" in planners and "fd" in planners:
        # Speed ratios on problems both solved.
        def ratios(other, min_time=0.0):
            return [v[other]["time"] / v["plansmith"]["time"] for v in by.values()
                    if other in v and v[other]["solved"] and v["plansmith"]["solved"] and v[other]["time"] >= min_time]
        print(f"median speed-up vs pyperplan (problems where pyperplan needs >= 0.5 s): {median(ratios('pyperplan', 0.5)):.1f}x")
        print(f"median speed-up vs pyperplan (all commonly solved): {median(ratios('pyperplan')):.1f}x")
        print(f"median time ratio FD/plansmith (commonly solved): {median(ratios('fd')):.2f} (>1 means plansmith faster)")


if __name__ == "__main__":
    main()
