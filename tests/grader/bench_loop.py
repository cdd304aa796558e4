#!/usr/bin/env python3
"""Measures the learner's loop: save a correct task, run `./course grade <task>`, verdict printed.

It clones this checkout into a temporary folder (your exercises/ are never touched), grades once
to warm the build, then repeats: write the reference body of one task into its exercise file,
time `./course grade <task>` until it prints the verdict, and restore the stub. It prints each
time and the median.

    tests/grader/bench_loop.py [--task ch01.1] [--runs 7]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from grader import layout  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--task", default="ch01.1")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bp-loop-") as tmp:
        clone = Path(tmp) / "course"
        subprocess.run(["git", "clone", "-q", str(layout.ROOT), str(clone)], check=True)
        layout.ROOT = clone
        task = layout.find_task(layout.load_course(), args.task)
        if task is None:
            print(f"no task {args.task}")
            return 2
        subprocess.run([str(clone / "course"), "grade", task.chapter.slug[:4]],
                       capture_output=True)  # warm: configure and build everything once
        solved = {}
        for region in task.regions("solutions"):
            solved.setdefault(region.path.name, []).append(region)
        times: list[float] = []
        for run in range(args.runs):
            originals = {}
            for name, regions in solved.items():
                path = clone / "exercises" / task.chapter.slug / name
                originals[path] = text = path.read_text()
                for region in regions:
                    stub = [r for r in layout.parse_regions(path) if r.name == region.name][0]
                    lines = text.splitlines()
                    lines[stub.begin:stub.end - 1] = region.body
                    text = "\n".join(lines) + "\n"
                    path.write_text(text)
            started = time.monotonic()
            done = subprocess.run([str(clone / "course"), "grade", task.id],
                                  capture_output=True, text=True)
            times.append(time.monotonic() - started)
            verdict = "all passed" if done.returncode == 0 else "NOT passed"
            print(f"run {run + 1}: {times[-1]:.2f} s  ({verdict})", flush=True)
            for path, text in originals.items():
                path.write_text(text)
                subprocess.run([str(clone / "course"), "grade", task.id], capture_output=True)
        print(f"save -> verdict for {task.id}: median {statistics.median(times):.2f} s "
              f"over {len(times)} runs (min {min(times):.2f}, max {max(times):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
