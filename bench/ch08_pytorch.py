#!/usr/bin/python3
"""Worked example (C)'s training in PyTorch, next to chapter 8's tensor engine and chapter 7's
hand-written network, in the same run.

    /usr/bin/python3 bench/ch08_pytorch.py [--cpp build/release/bench/bench_ch08_tensor]

PyTorch is timed as bench/ch07_pytorch.py does it (784-64-64-10, ReLU, CrossEntropyLoss, SGD 0.01,
float32, one thread, 60,000 random images, the median of 3 epochs per batch size), but by the CPU
time of the process, as bench_ch08_tensor times the C++ networks: on a shared machine the wall
clock also counts the time other jobs took. With --cpp it first runs the C++ benchmark, which times
both C++ networks, and then prints all three throughputs side by side.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time

import ch07_pytorch  # same folder: the PyTorch loop, its thread settings and the BLAS query


def cpp_rates(binary: str) -> dict[int, tuple[float, float]]:
    """batch -> (tensor engine samples/s, hand-written samples/s), from bench_ch08_tensor."""
    out = subprocess.run([binary], capture_output=True, text=True, check=True).stdout
    print(out.rstrip())
    return {int(b): (float(t), float(h))
            for b, t, h in re.findall(r"^\s+(\d+)\s+(\d+)\s+(\d+)\s", out, re.M)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cpp", help="the bench_ch08_tensor program, to compare side by side")
    args = parser.parse_args()
    ours = cpp_rates(args.cpp) if args.cpp else {}
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: ./course install --all (Debian's python3-torch), then run "
              "/usr/bin/python3 bench/ch08_pytorch.py")
        return 0
    print(f"\nPyTorch {torch.__version__}, BLAS: {ch07_pytorch.blas_in_use()}, "
          f"threads: {torch.get_num_threads()}; CPU time, not wall-clock")
    theirs = ch07_pytorch.torch_rates(clock=time.process_time)
    header = f"{'batch':>8} {'PyTorch samples/s':>18}"
    if ours:
        header += f" {'hand-written':>13} {'tensor engine':>14} {'engine/PyTorch':>15}"
    print(header)
    for batch in ch07_pytorch.BATCHES:
        line = f"{batch:>8} {theirs[batch]:>18.0f}"
        if batch in ours:
            engine, hand = ours[batch]
            line += f" {hand:>13.0f} {engine:>14.0f} {engine / theirs[batch]:>14.2f}x"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
