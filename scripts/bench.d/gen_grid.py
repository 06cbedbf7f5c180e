#!/usr/bin/env python3
"""Writes a visit-all grid problem of at least MIN_MB megabytes (for the parser benchmark).

usage: gen_grid.py OUT.pddl MIN_MB
The domain is the corpus's visitall domain; the problem is an N×N grid with 4-neighbour
`connected` facts and every cell as a goal, grown until the file reaches the requested size.
"""
import sys

def write(path, n):
    cells = [f"cell-{x}-{y}" for x in range(n) for y in range(n)]
    with open(path, "w") as f:
        f.write(f"(define (problem grid-{n}x{n})\n  (:domain grid-visit-all)\n  (:objects\n")
        for i in range(0, len(cells), 16):
            f.write("    " + " ".join(cells[i:i + 16]) + "\n")
        f.write("    - place)\n  (:init\n    (at-robot cell-0-0)\n    (visited cell-0-0)\n")
        for x in range(n):
            for y in range(n):
                for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                    a, b = x + dx, y + dy
                    if 0 <= a < n and 0 <= b < n:
                        f.write(f"    (connected cell-{x}-{y} cell-{a}-{b})\n")
        f.write("  )\n  (:goal (and\n")
        for c in cells:
            f.write(f"    (visited {c})\n")
        f.write("  ))\n)\n")

def main():
    out, min_mb = sys.argv[1], float(sys.argv[2])
    # ~33 bytes per connected fact, ~4 facts per cell, plus goals: solve for n, then check.
    n = max(4, int((min_mb * 1e6 / 160) ** 0.5))
    while True:
        write(out, n)
        size = sum(1 for _ in open(out, "rb").read())  # bytes
        if size >= min_mb * 1e6:
            print(f"{out}: {n}x{n} grid, {size / 1e6:.1f} MB")
            return
        n = int(n * 1.1) + 1

main()
