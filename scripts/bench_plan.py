#!/usr/bin/env python3
"""Planner benchmark: Plansmith vs pyperplan (gbf + hff) vs Fast Downward (eager_greedy([ff()])), and
Plansmith's LAMA searches vs Fast Downward's LAMA (--alias lama-first, --alias seq-sat-lama-2011).

Runs every corpus problem with the same time limit, validates every plan with `plansmith check-plan`
and (where its reader accepts the files) unified-planning, and prints a Markdown table: coverage per
domain, median time, plan cost, time ratios, peak memory (max RSS of the child, via wait4).

Usage: scripts/bench_plan.py [--timeout 60] [--domains blocks,gripper] [--plansmith PATH]
                             [--lama] [--anytime-limit 30] [--quick]
--lama adds the LAMA table: Plansmith `--search lama` vs FD lama-first (coverage, time to first plan,
peak memory) and Plansmith `--search anytime` vs FD seq-sat-lama-2011 (best cost at 1/3 of the limit
and at the limit, read off the time each improved plan appeared). --quick: problems p03 and p05 of
every domain, limits 10 s, LAMA table only.
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
    parser.add_argument("--lama", action="store_true", help="also run the LAMA comparison")
    parser.add_argument("--anytime-limit", type=float, default=30)
    parser.add_argument("--quick", action="store_true", help="subset and short limits, LAMA table only")
    parser.add_argument("--lama-only", action="store_true", help="only the LAMA comparison (implies --lama)")
    parser.add_argument("--anytime-problems", default="",
                        help="comma-separated problem names (p05) to run the anytime comparison on; default all")
    args = parser.parse_args()
    if args.quick or args.lama_only:
        args.lama = True
    if args.quick:
        args.timeout = min(args.timeout, 10)
        args.anytime_limit = min(args.anytime_limit, 10)
    venv = os.environ.get("PLANSMITH_PEERS_VENV", os.path.join(ROOT, ".peers-venv"))
    python = os.path.join(venv, "bin/python")
    pyperplan = os.path.join(venv, "bin/pyperplan")
    fd = glob.glob(os.path.join(venv, "lib/python3*/site-packages/up_fast_downward/downward/fast-downward.py"))
    have_peers = bool(os.path.exists(python) and fd)
    wanted = set(args.planners.split(","))
    domains = sorted(d for d in os.listdir(args.corpus) if os.path.exists(os.path.join(args.corpus, d, "domain.pddl")))
    if args.domains:
        domains = [d for d in domains if d in args.domains.split(",")]
    work = tempfile.mkdtemp(prefix="bench-plan-")
    if args.lama:
        lama_comparison(args, domains, python, fd[0] if fd else None, work)
        if args.quick or args.lama_only:
            shutil.rmtree(work, ignore_errors=True)
            return
    results = []  # dicts: domain, problem, planner, solved, time, cost, rss, valid, up
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


def check_cost(plansmith, domain_path, problem_path, text, path):
    """Validates a plan with `plansmith check-plan`; returns its cost, or None when invalid."""
    with open(path, "w") as handle:
        handle.write("\n".join(plan_steps(text)) + "\n")
    check = subprocess.run([plansmith, "check-plan", "--json", domain_path, problem_path, path], capture_output=True, text=True)
    try:
        verdict = json.loads(check.stdout)
    except ValueError:
        return None
    return verdict["cost"] if verdict.get("valid") else None


def lama_comparison(args, domains, python, fd_driver, work):
    """Plansmith lama / anytime vs FD lama-first / seq-sat-lama-2011 on the same problems, same limits."""
    limit, anytime = args.timeout, args.anytime_limit
    early = anytime / 3
    rows = []
    for domain in domains:
        folder = os.path.join(args.corpus, domain)
        problems = sorted(glob.glob(os.path.join(folder, "p[0-9]*.pddl")))
        if args.quick:
            problems = [p for p in problems if os.path.basename(p) in ("p03.pddl", "p05.pddl")]
        for problem_path in problems:
            domain_path = os.path.join(folder, "domain.pddl")
            name = f"{domain}/{os.path.basename(problem_path)[:-5]}"
            scratch = os.path.join(work, "lama-" + name.replace("/", "-"))
            os.makedirs(scratch)
            row = {"problem": name}
            # Plansmith's default search (lazy greedy, FF) at the same limit: is lama the better default?
            code, elapsed, rss, out = peak_rss([args.plansmith, "plan", "--json", "--timeout", str(limit),
                                                domain_path, problem_path], limit + 10)
            answer = json.loads(out) if out.strip().startswith("{") else {}
            cost = check_cost(args.plansmith, domain_path, problem_path, "\n".join(answer.get("plan") or []),
                              os.path.join(scratch, "ps-lazy.plan")) if code == 0 else None
            row["lazy"] = {"solved": cost is not None, "time": elapsed, "rss": rss, "cost": cost, "invalid": code == 0 and cost is None}
            # First plan: Plansmith --search lama vs FD lama-first.
            code, elapsed, rss, out = peak_rss([args.plansmith, "plan", "--json", "--search", "lama", "--timeout", str(limit),
                                                domain_path, problem_path], limit + 10)
            answer = json.loads(out) if out.strip().startswith("{") else {}
            cost = check_cost(args.plansmith, domain_path, problem_path, "\n".join(answer.get("plan") or []),
                              os.path.join(scratch, "ps.plan")) if code == 0 else None
            row["ps"] = {"solved": cost is not None, "time": elapsed, "rss": rss, "cost": cost,
                         "invalid": code == 0 and cost is None, "bytes_per_state": answer.get("bytes_per_state")}
            row["fd"] = {"solved": False, "time": None, "rss": None, "cost": None, "invalid": False}
            if fd_driver:
                plan_file = os.path.join(scratch, "fd.plan")
                code, elapsed, rss, _ = peak_rss([python, fd_driver, "--alias", "lama-first", "--plan-file", plan_file,
                                                  domain_path, problem_path], limit, cwd=scratch)
                text = open(plan_file).read() if code == 0 and os.path.exists(plan_file) else ""
                cost = check_cost(args.plansmith, domain_path, problem_path, text, plan_file + ".checked") if text else None
                row["fd"] = {"solved": cost is not None, "time": elapsed, "rss": rss, "cost": cost, "invalid": bool(text) and cost is None}
            # Anytime: the time of each improved plan.
            row["ps_any"] = {"timeline": [], "rss": None, "invalid": 0, "ran": False}
            row["fd_any"] = {"timeline": [], "rss": None, "invalid": 0, "ran": False}
            if args.anytime_problems and os.path.basename(problem_path)[:-5] not in args.anytime_problems.split(","):
                rows.append(row)
                report_row(row, name, anytime)
                continue
            start = time.time()
            code, elapsed, rss, out = peak_rss([args.plansmith, "plan", "--json", "--search", "anytime", "--timeout", str(anytime),
                                                domain_path, problem_path], anytime + 10)
            timeline, invalid = [], 0
            for line in out.splitlines():
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                if event.get("plan"):
                    cost = check_cost(args.plansmith, domain_path, problem_path, "\n".join(event["plan"]),
                                      os.path.join(scratch, "ps-any.plan"))
                    if cost is None:
                        invalid += 1
                    else:
                        timeline.append((event["time_s"], cost))
            row["ps_any"] = {"timeline": timeline, "rss": rss, "invalid": invalid, "ran": True}
            if fd_driver:
                plan_file = os.path.join(scratch, "fd-any.plan")
                start = time.time()
                code, elapsed, rss, _ = peak_rss([python, fd_driver, "--alias", "seq-sat-lama-2011", "--plan-file", plan_file,
                                                  domain_path, problem_path], anytime, cwd=scratch)
                timeline, invalid = [], 0
                for path in sorted(glob.glob(plan_file + ".*"), key=lambda p: int(p.rsplit(".", 1)[1]) if p.rsplit(".", 1)[1].isdigit() else 0):
                    if not path.rsplit(".", 1)[1].isdigit():
                        continue
                    found = os.path.getmtime(path) - start
                    cost = check_cost(args.plansmith, domain_path, problem_path, open(path).read(), path + ".checked")
                    if cost is None:
                        invalid += 1
                    else:
                        timeline.append((found, cost))
                row["fd_any"] = {"timeline": timeline, "rss": rss, "invalid": invalid, "ran": True}
            rows.append(row)
            report_row(row, name, anytime)
    lama_report(rows, limit, anytime, early)


def best(entry, by):
    costs = [c for t, c in entry["timeline"] if t <= by]
    return min(costs) if costs else None


def report_row(row, name, anytime):
    print(f"{name}: lazy {row['lazy']['cost']} {row['lazy']['time']:.2f}s; lama {row['ps']['cost']} {row['ps']['time']:.2f}s / "
          f"FD lama-first {row['fd']['cost']} {(row['fd']['time'] or 0):.2f}s; anytime {best(row['ps_any'], anytime)} / "
          f"FD lama-2011 {best(row['fd_any'], anytime)}", file=sys.stderr, flush=True)


def lama_report(rows, limit, anytime, early):
    print(f"\n## LAMA comparison ({len(rows)} problems; first plan: limit {limit:g} s; anytime: limit {anytime:g} s)\n")
    print("| problem | Plansmith lazy-greedy s | Plansmith lama s | FD lama-first s | cost lama / FD | peak MB lama / FD | bytes/state | "
          f"anytime cost @{early:g}s Plansmith / FD-2011 | @{anytime:g}s Plansmith / FD-2011 |")
    print("|---|---|---|---|---|---|---|---|---|")
    fmt = lambda v, f="{:.2f}": "-" if v is None else f.format(v)
    for r in rows:
        ps, fd, pa, fa, lazy = r["ps"], r["fd"], r["ps_any"], r["fd_any"], r["lazy"]
        print(f"| {r['problem']} | {fmt(lazy['time']) if lazy['solved'] else '--'} | "
              f"{fmt(ps['time']) if ps['solved'] else '--'} | {fmt(fd['time']) if fd['solved'] else '--'} | "
              f"{fmt(ps['cost'], '{}')} / {fmt(fd['cost'], '{}')} | {fmt(ps['rss'], '{:.0f}')} / {fmt(fd['rss'], '{:.0f}')} | "
              f"{fmt(ps.get('bytes_per_state'), '{}')} | {fmt(best(pa, early), '{}')} / {fmt(best(fa, early), '{}')} | "
              f"{fmt(best(pa, anytime), '{}')} / {fmt(best(fa, anytime), '{}')} |")
    solved_lazy = sum(r["lazy"]["solved"] for r in rows)
    solved_ps = sum(r["ps"]["solved"] for r in rows)
    solved_fd = sum(r["fd"]["solved"] for r in rows)
    both = [r for r in rows if r["ps"]["solved"] and r["fd"]["solved"]]
    speed = [r["fd"]["time"] / r["ps"]["time"] for r in both]
    mem = [(r["ps"]["rss"] or 0) <= (r["fd"]["rss"] or 0) for r in both]
    any_both = [r for r in rows if best(r["ps_any"], anytime) is not None and best(r["fd_any"], anytime) is not None]
    early_both = [r for r in rows if best(r["ps_any"], early) is not None and best(r["fd_any"], early) is not None]
    first_any = [r["ps_any"]["timeline"][0][0] for r in rows if r["ps_any"]["timeline"]]
    first_fd_any = [r["fd_any"]["timeline"][0][0] for r in rows if r["fd_any"]["timeline"]]
    invalid = sum(r["lazy"]["invalid"] + r["ps"]["invalid"] + r["fd"]["invalid"] + r["ps_any"]["invalid"] + r["fd_any"]["invalid"]
                  for r in rows)
    print(f"\ncoverage (first plan, {limit:g} s): Plansmith lazy-greedy {solved_lazy}, Plansmith lama {solved_ps}, "
          f"FD lama-first {solved_fd} of {len(rows)}")
    unsolved = lambda key: ", ".join(r["problem"] for r in rows if not r[key]["solved"]) or "none"
    print(f"unsolved: lazy-greedy {unsolved('lazy')}; lama {unsolved('ps')}; FD lama-first {unsolved('fd')}")
    mem_ratio = [r["ps"]["rss"] / r["fd"]["rss"] for r in both if r["ps"]["rss"] and r["fd"]["rss"]]
    print(f"peak RSS Plansmith lama / FD lama-first: median {median(mem_ratio):.2f}, max {max(mem_ratio, default=float('nan')):.2f}")
    print(f"end-to-end time to first plan, FD lama-first / Plansmith lama (median over {len(both)} solved by both): "
          f"{median(speed):.1f}x")
    print(f"peak RSS Plansmith lama <= FD lama-first on {sum(mem)} of {len(both)}")
    print(f"anytime sum of best costs @{early:g}s on {len(early_both)} solved by both: Plansmith "
          f"{sum(best(r['ps_any'], early) for r in early_both)}, FD seq-sat-lama-2011 {sum(best(r['fd_any'], early) for r in early_both)}")
    print(f"anytime sum of best costs @{anytime:g}s on {len(any_both)} solved by both: Plansmith "
          f"{sum(best(r['ps_any'], anytime) for r in any_both)}, FD seq-sat-lama-2011 {sum(best(r['fd_any'], anytime) for r in any_both)}")
    print(f"anytime median time to first plan: Plansmith {median(first_any):.2f} s, FD seq-sat-lama-2011 {median(first_fd_any):.2f} s")
    print(f"plans found invalid by check-plan: {invalid}")


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
