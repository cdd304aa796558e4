#!/usr/bin/python3
"""Worked example (C)'s training in PyTorch, timed exactly like bench_ch07_mlp, side by side.

    /usr/bin/python3 bench/ch07_pytorch.py [--cpp build/release/bench/bench_ch07_mlp]

784-64-64-10, ReLU, softmax cross-entropy (nn.CrossEntropyLoss), SGD lr 0.01, float32, one
thread, 60,000 random images in shuffled batches of 32, 128 and 256; samples/s is the median of
3 epochs. Needs Debian's python3-torch (./course install --all). With --cpp it also runs the C++
benchmark and prints both throughputs and their ratio.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before torch loads its BLAS
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

SAMPLES = 60000
BATCHES = (32, 128, 256)


def blas_in_use() -> str:
    """Debian's torch calls the system BLAS (libblas.so.3), chosen by update-alternatives."""
    try:
        out = subprocess.run(["update-alternatives", "--query", "libblas.so.3-x86_64-linux-gnu"],
                             capture_output=True, text=True).stdout
        value = re.search(r"^Value: (.+)$", out, re.M)
        return value.group(1) if value else "unknown"
    except FileNotFoundError:
        return "unknown"


def torch_rates(clock=time.perf_counter) -> dict[int, float]:
    """batch -> samples/s, the median of 3 epochs timed by `clock` (the wall clock by default)."""
    import torch
    torch.set_num_threads(1)
    torch.manual_seed(2)
    X = torch.rand(SAMPLES, 784)
    y = torch.arange(SAMPLES) % 10
    rates = {}
    for batch in BATCHES:
        model = torch.nn.Sequential(torch.nn.Linear(784, 64), torch.nn.ReLU(),
                                    torch.nn.Linear(64, 64), torch.nn.ReLU(),
                                    torch.nn.Linear(64, 10))
        sgd = torch.optim.SGD(model.parameters(), lr=0.01)
        loss_fn = torch.nn.CrossEntropyLoss()
        epochs = []
        for _ in range(3):
            start = clock()
            order = torch.randperm(SAMPLES)
            for s in range(0, SAMPLES, batch):
                idx = order[s:s + batch]
                sgd.zero_grad()
                loss = loss_fn(model(X[idx]), y[idx])
                loss.backward()
                sgd.step()
            epochs.append(clock() - start)
        rates[batch] = SAMPLES / statistics.median(epochs)
    return rates


def cpp_rates(binary: str) -> dict[int, float]:
    out = subprocess.run([binary], capture_output=True, text=True, check=True).stdout
    print(out.rstrip())
    return {int(b): float(r) for b, r in re.findall(r"^\s+(\d+)\s+(\d+)\s", out, re.M)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cpp", help="the bench_ch07_mlp program, to compare side by side")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: ./course install --all (Debian's python3-torch), then run "
              "/usr/bin/python3 bench/ch07_pytorch.py")
        return 0
    print(f"PyTorch {torch.__version__}, BLAS: {blas_in_use()}, threads: {torch.get_num_threads()}")
    theirs = torch_rates()
    ours = cpp_rates(args.cpp) if args.cpp else {}
    print(f"{'batch':>8} {'PyTorch samples/s':>18}" + (f" {'backprop.cpp':>14} {'ratio':>7}" if ours else ""))
    for batch in BATCHES:
        line = f"{batch:>8} {theirs[batch]:>18.0f}"
        if batch in ours:
            line += f" {ours[batch]:>14.0f} {ours[batch] / theirs[batch]:>6.2f}x"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
