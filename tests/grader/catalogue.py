"""The catalogue of wrong answers: each known mistake must be rejected by its chapter's tests.

Every chapter lists its entries in tests/<slug>/catalogue.toml:

    [[wrong]]
    id = "z-without-the-bias"            # unique within the chapter
    what = "z = w1 x1 + w2 x2 without b1: the article's z = 2.5"
    origin = "published"                 # "published" (a seed article's mistake) or "typical"
    erratum = "e-bias-left-out-of-z"     # the mistake of chapters/errata.toml it plants
                                         # (required for "published", allowed for "typical")
    file = "sigmoid_network.cpp"         # in solutions/<slug>/
    find = "f.z = net.w1 * x1 + net.w2 * x2 + net.b1;"   # must occur exactly once
    replace = "f.z = net.w1 * x1 + net.w2 * x2;"
    caught_by = ["ExampleEForward.MatchesTheWorkedTable"]

The runner copies solutions/ to a scratch folder, applies one entry at a time, rebuilds only that
chapter's reference tests (an incremental build), runs the tests named in caught_by and requires
every one of them to fail.
An entry whose text no longer matches, or whose edit does not compile, is itself a failure: the
catalogue must describe wrong answers a learner could really write.
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import time
import tomllib

from grader import build, layout, term

SCRATCH = "catalogue-solutions"   # under build/
BUILD = "catalogue"               # under build/


@dataclasses.dataclass
class Entry:
    chapter: str
    id: str
    what: str
    origin: str
    file: str
    find: str
    replace: str
    caught_by: list[str]


def load(slugs: list[str]) -> list[Entry]:
    entries: list[Entry] = []
    for slug in slugs:
        path = layout.ROOT / "tests" / slug / "catalogue.toml"
        if not path.exists():
            continue
        for e in tomllib.loads(path.read_text(encoding="utf-8")).get("wrong", []):
            entries.append(Entry(slug, e["id"], e["what"], e.get("origin", "typical"), e["file"],
                                 e["find"], e["replace"], list(e["caught_by"])))
    return entries


def _prepare(slugs: list[str]) -> None:
    scratch = layout.ROOT / "build" / SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(layout.ROOT / "solutions", scratch)
    tree = build.build_dir(BUILD)
    if not (tree / "CMakeCache.txt").exists():
        run = subprocess.run(
            ["cmake", "-S", str(layout.ROOT), "-B", str(tree), "-G", "Ninja",
             "-DCMAKE_BUILD_TYPE=Debug", "-DCMAKE_CXX_FLAGS_DEBUG=-g -Og",
             f"-DBP_SOLUTIONS_DIR={scratch}",
             "-DBP_TRACKS=solutions", "-DBP_BUILD_NOTES=OFF"],
            capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError("configuring the catalogue build failed:\n" + run.stdout + run.stderr)
    baseline = build.build_targets(BUILD, [f"test_ref_{s}" for s in slugs])
    if not baseline.ok:
        raise RuntimeError("the unmodified reference does not build:\n" + baseline.first_error())


def check(entry: Entry) -> tuple[bool, str]:
    """Applies one entry, runs its chapter's tests, restores the file. (caught, explanation)"""
    path = layout.ROOT / "build" / SCRATCH / entry.chapter / entry.file
    if not path.exists():
        return False, f"solutions/{entry.chapter}/{entry.file} does not exist"
    original = path.read_text(encoding="utf-8")
    occurrences = original.count(entry.find)
    if occurrences != 1:
        return False, (f"the text to replace occurs {occurrences} times in "
                       f"solutions/{entry.chapter}/{entry.file} (it must occur exactly once)")
    try:
        path.write_text(original.replace(entry.find, entry.replace), encoding="utf-8")
        built = build.build_targets(BUILD, [f"test_ref_{entry.chapter}"])
        if not built.ok:
            return False, "the wrong answer does not compile:\n" + built.first_error()
        junit = build.build_dir(BUILD) / "junit.xml"
        # Only the tests that must reject this entry: enough to prove it, and much faster.
        names = "|".join(re.escape(t) for t in entry.caught_by)
        results = build.run_ctest(BUILD, f"^{entry.chapter}$", f"^ref/({names})$", junit)
    finally:
        path.write_text(original, encoding="utf-8")
    failed = {r.case for r in results if r.status != build.PASSED}
    ran = {r.case for r in results}
    unknown = [t for t in entry.caught_by if t not in ran]
    if unknown:
        return False, f"no test named {', '.join(unknown)} in tests/{entry.chapter}/"
    missing = [t for t in entry.caught_by if t not in failed]
    if missing:
        return False, f"{', '.join(missing)} still passes"
    return True, "by " + ", ".join(entry.caught_by)


def run(slugs: list[str]) -> tuple[int, int]:
    """Checks every entry of the given chapters; prints one line each; returns (caught, missed)."""
    entries = load(slugs)
    if not entries:
        return 0, 0
    started = time.monotonic()
    _prepare(sorted({e.chapter for e in entries}))
    caught = missed = 0
    for entry in entries:
        ok, why = check(entry)
        label = f"{entry.chapter[:4]} {entry.id}"
        if ok:
            caught += 1
            print(f"  {term.ok('caught')}  {label}: {why}", flush=True)
        else:
            missed += 1
            print(f"  {term.bad('MISSED')}  {label} ({entry.what}): {why}", flush=True)
    print(f"catalogue: {caught} of {len(entries)} wrong answers caught "
          f"in {time.monotonic() - started:.0f} s")
    return caught, missed
