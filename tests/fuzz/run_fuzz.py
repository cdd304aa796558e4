#!/usr/bin/env python3
"""Builds the fuzz targets with clang's libFuzzer (+ ASan, UBSan) and runs each for a bounded time.

    python3 tests/fuzz/run_fuzz.py [--seconds 60]      (./course test --long runs it)

Each target starts from a small corpus of valid files written here (plain and gzip IDX files, a
weights file), so the fuzzer begins inside the formats. Prints, per target, how many inputs ran in
how many seconds; exits 1 and names the crashing input if any target fails.
"""
from __future__ import annotations

import argparse
import gzip
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "fuzz"
TARGETS = {
    "fuzz_idx": ["tests/fuzz/fuzz_idx.cpp", "common/src/idx.cpp"],
    "fuzz_weights": ["tests/fuzz/fuzz_weights.cpp", "common/src/weights_file.cpp"],
}


def seed_corpus(name: str, corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    if name == "fuzz_idx":
        images = struct.pack(">IIII", 0x803, 2, 3, 3) + bytes(range(18))
        labels = struct.pack(">II", 0x801, 2) + bytes([3, 7])
        for label, data in {"images": images, "labels": labels}.items():
            (corpus / f"{label}.idx").write_bytes(data)
            (corpus / f"{label}.idx.gz").write_bytes(gzip.compress(data))
    else:
        body = b"BPWEIGHT" + struct.pack("<II", 1, 2)
        for entry, (rows, cols, size) in {"0.W": (2, 3, 4), "0.b": (2, 1, 8)}.items():
            body += struct.pack("<I", len(entry)) + entry.encode() + struct.pack("<QQI", rows, cols, size)
            body += bytes(rows * cols * size)
        (corpus / "weights.bpw").write_bytes(body + struct.pack("<I", zlib.crc32(body)))


def build(name: str, sources: list[str]) -> Path:
    binary = OUT / name
    command = ["clang++", "-std=c++20", "-O1", "-g", "-fsanitize=fuzzer,address,undefined",
               "-fno-sanitize-recover=undefined", f"-I{ROOT / 'common' / 'include'}",
               "-I/usr/include/eigen3", *[str(ROOT / s) for s in sources], "-lz", "-o", str(binary)]
    subprocess.run(command, check=True)
    return binary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz each target")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    failed = False
    for name, sources in TARGETS.items():
        binary = build(name, sources)
        corpus = OUT / f"corpus_{name}"
        seed_corpus(name, corpus)
        artifacts = OUT / f"crashes_{name}"
        artifacts.mkdir(exist_ok=True)
        run = subprocess.run([str(binary), str(corpus), f"-max_total_time={args.seconds}",
                              "-rss_limit_mb=2048", "-timeout=10", "-print_final_stats=1",
                              f"-artifact_prefix={artifacts}/"],
                             capture_output=True, text=True, cwd=OUT)
        done = re.search(r"Done (\d+) runs in (\d+) second", run.stderr)
        if run.returncode == 0 and done:
            print(f"  {name}: {int(done.group(1)):,} inputs in {done.group(2)} s, no crash "
                  f"(corpus {len(list(corpus.iterdir()))} files)")
        else:
            failed = True
            crash = re.search(r"Test unit written to (\S+)", run.stderr)
            print(f"  {name}: FAILED" + (f", input saved to {crash.group(1)}" if crash else ""))
            print(run.stderr[-3000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
