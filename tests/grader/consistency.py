#!/usr/bin/env python3
"""The exercise/solution consistency check.

For every chapter it requires that
- exercises/<slug>/ and solutions/<slug>/ hold the same files;
- headers are identical (they are the chapter's contract; tasks live in .cpp files);
- each .cpp equals its twin outside task regions, with the same regions in the same order;
- every task region in exercises/ is exactly its stub, the one line bp::todo("<task id>",
  "<instruction>") generated from the task's `todo` in chapters/<slug>/tasks.toml (so `reset`
  can regenerate it), and no region in solutions/ calls bp::todo;
- every task of chapters/<slug>/tasks.toml has a region and test suites that exist, and every
  test suite in tests/<slug>/ grades exactly one task;
- every number a chapter page quotes in a table marked `<!-- numbers-from: FILE -->`, in every
  column but the first, is a literal of FILE (the values header its tests assert, or that a
  figure program of the notes measures again, docs/figures/*_values.h);
- the errata (chapters/errata.toml, errata.py): every number is a constant of a values header the
  tests assert, every published catalogue entry names an erratum, and every catalogue id, test
  and chapter section the page cites exists;
- the glossary (chapters/glossary.toml, glossary.py): every chapter links the first use of each
  term it uses, and only that one, to a term that exists, and has no other Chinese text;
- chapters/course.md lists every chapter page, in CMakeLists.txt's order, and the appendices
  (the reading order that the previous/next links of the notes follow).
Run it directly (it is also a CTest test and part of `./course test`).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from grader import errata, glossary, layout, notes_pages, stubs  # noqa: E402



def outside_segments(path: Path, regions: list[layout.Region]) -> list[tuple[int, str]]:
    """(line number, text) of every line outside task regions (marker lines included)."""
    inside: set[int] = set()
    for r in regions:
        inside.update(range(r.begin + 1, r.end))
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, start=1) if n not in inside]


INSTANTIATION = re.compile(r"INSTANTIATE_TEST_SUITE_P\(\s*(\w+)\s*,\s*(\w+)\s*,")


def test_suites(slug: str) -> dict[str, str]:
    """Suite name -> file that defines it, over tests/<slug>/*.cpp. A value-parameterized suite
    counts once per instantiation, as GoogleTest names it: "Prefix/Suite"."""
    suites: dict[str, str] = {}
    for path in sorted((layout.ROOT / "tests" / slug).glob("*.cpp")):
        text = path.read_text(encoding="utf-8")
        instances: dict[str, list[str]] = {}
        for prefix, suite in INSTANTIATION.findall(text):
            instances.setdefault(suite, []).append(f"{prefix}/{suite}")
        for suite in dict.fromkeys(s for s, _ in layout.TEST_MACRO.findall(text)):
            for name in instances.get(suite, [suite]):
                suites.setdefault(name, path.name)
    return suites


def check_chapter(chapter: layout.Chapter) -> list[str]:
    problems: list[str] = []
    ex_dir = layout.ROOT / "exercises" / chapter.slug
    sol_dir = layout.ROOT / "solutions" / chapter.slug
    ex_files = {p.name for p in ex_dir.iterdir() if p.is_file()}
    sol_files = {p.name for p in sol_dir.iterdir() if p.is_file()}
    for name in sorted(ex_files ^ sol_files):
        where = "exercises" if name in ex_files else "solutions"
        problems.append(f"{where}/{chapter.slug}/{name} has no twin in the other tree")

    region_tasks: set[str] = set()
    manifest = f"chapters/{chapter.slug}/tasks.toml"
    for name in sorted(ex_files & sol_files):
        ex, sol = ex_dir / name, sol_dir / name
        rel_ex, rel_sol = ex.relative_to(layout.ROOT), sol.relative_to(layout.ROOT)
        try:
            ex_regions, sol_regions = layout.parse_regions(ex), layout.parse_regions(sol)
        except layout.LayoutError as e:
            problems.append(str(e))
            continue
        if ex.suffix == ".h" and ex.read_bytes() != sol.read_bytes():
            problems.append(f"{rel_ex} differs from {rel_sol}: headers are the chapter's contract "
                            "and must be identical (put task code in .cpp files)")
            continue
        ex_names = [r.name for r in ex_regions]
        sol_names = [r.name for r in sol_regions]
        if ex_names != sol_names:
            problems.append(f"{rel_ex} has regions {ex_names} but {rel_sol} has {sol_names}")
            continue
        ex_out, sol_out = outside_segments(ex, ex_regions), outside_segments(sol, sol_regions)
        for (n_ex, a), (n_sol, b) in zip(ex_out, sol_out):
            if a != b:
                problems.append(f"{rel_ex}:{n_ex} differs from {rel_sol}:{n_sol} outside task "
                                f"regions:\n      exercise: {a.strip()}\n      solution: {b.strip()}")
                break
        else:
            if len(ex_out) != len(sol_out):
                problems.append(f"{rel_ex} and {rel_sol} differ in length outside task regions")
        try:
            original = stubs.original_exercise(chapter, name).splitlines()
        except layout.LayoutError as e:
            problems.append(str(e))
            original = None
        for r in ex_regions:
            region_tasks.add(r.task)
            if original is None:
                continue
            expected = original[r.begin:r.begin + 1]
            if r.body != expected:
                problems.append(f"{rel_ex}:{r.begin + 1}: region [{r.name}] must be exactly the "
                                f"stub generated from {manifest}:\n      {expected[0].strip()}"
                                if expected else f"{rel_ex}: region [{r.name}] is misplaced")
            elif len(expected[0]) > 100:
                problems.append(f"{rel_ex}:{r.begin + 1}: the stub line is longer than 100 "
                                f"columns: shorten the todo instruction in {manifest}")
        for r in sol_regions:
            if "bp::todo(" in "\n".join(r.body):
                problems.append(f"{rel_sol}:{r.begin}: the reference region [{r.name}] calls "
                                "bp::todo()")

    suites = test_suites(chapter.slug)
    owner: dict[str, str] = {}
    for task in chapter.tasks:
        if not layout.TASK_ID.match(task.id) or not task.id.startswith(chapter.slug[:4] + "."):
            problems.append(f"{manifest}: task id {task.id!r} is not of the form "
                            f"{chapter.slug[:4]}.N")
        if task.id not in region_tasks:
            problems.append(f"{manifest}: task {task.id} has no region in exercises/{chapter.slug}/")
        if not task.tests:
            problems.append(f"{manifest}: task {task.id} names no test suites")
        if not task.hints:
            problems.append(f"{manifest}: task {task.id} has no hints")
        for suite in task.tests:
            if suite not in suites:
                problems.append(f"{manifest}: task {task.id} names test suite {suite}, "
                                f"which no file in tests/{chapter.slug}/ defines")
            if suite in owner:
                problems.append(f"{manifest}: test suite {suite} is claimed by both "
                                f"{owner[suite]} and {task.id}")
            owner[suite] = task.id
    for suite, file in suites.items():
        if suite not in owner:
            problems.append(f"tests/{chapter.slug}/{file}: test suite {suite} grades no task "
                            f"(add it to a task's tests in {manifest})")
    for task_id in sorted(region_tasks - {t.id for t in chapter.tasks}):
        problems.append(f"exercises/{chapter.slug}/: region of task {task_id}, which {manifest} "
                        "does not list")
    return problems


NUMBERS_FROM = re.compile(r"^<!-- numbers-from: (\S+(?: \S+)*) -->\s*$")
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])")


def check_text_numbers(page: Path) -> list[str]:
    """Every number in a table marked `<!-- numbers-from: FILE ... -->`, in every column but the
    first (which names the row), must be a literal of one of the FILEs, so that the numbers a
    chapter quotes are the numbers its tests assert or its figure programs measure."""
    problems: list[str] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    rel = page.relative_to(layout.ROOT)
    for i, line in enumerate(lines):
        m = NUMBERS_FROM.match(line)
        if not m:
            continue
        sources = [layout.ROOT / name for name in m.group(1).split()]
        absent = [str(p.relative_to(layout.ROOT)) for p in sources if not p.exists()]
        if absent:
            problems.append(f"{rel}:{i + 1}: numbers-from names {', '.join(absent)}, which does "
                            "not exist")
            continue
        literals = {float(x) for p in sources
                    for x in NUMBER.findall(p.read_text(encoding="utf-8"))}
        row = i + 1
        checked = 0
        while row < len(lines) and lines[row].startswith("|"):
            cells = [c.strip() for c in lines[row].strip().strip("|").split("|")]
            if row >= i + 3 and len(cells) >= 2:  # skip the header and the |---| line
                for token in NUMBER.findall(re.sub(r"\\f\$.*?\\f\$", "", " | ".join(cells[1:]))):
                    checked += 1
                    if float(token) not in literals:
                        problems.append(f"{rel}:{row + 1}: {token} is quoted but is not a number "
                                        f"that {' or '.join(m.group(1).split())} asserts")
            row += 1
        if checked == 0:
            problems.append(f"{rel}:{i + 1}: numbers-from is not followed by a table of numbers")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", help="repository root (default: this checkout)")
    args = parser.parse_args(argv)
    if args.root:
        layout.ROOT = Path(args.root).resolve()
    problems: list[str] = []
    tasks = regions = 0
    try:
        course = layout.load_course()
    except layout.LayoutError as e:
        print(f"consistency: {e}")
        return 1
    for chapter in course:
        problems.extend(check_chapter(chapter))
        for page in sorted((layout.ROOT / "chapters" / chapter.slug).glob("*.md")):
            problems.extend(check_text_numbers(page))
        tasks += len(chapter.tasks)
        try:
            regions += len(chapter.regions("exercises"))
        except layout.LayoutError:
            pass
    notes_problems = errata.check()
    notes_problems += glossary.check(extra_uses=notes_pages.errata_text())
    notes_problems += notes_pages.check_order()
    problems.extend(notes_problems)
    for p in problems:
        print(f"  - {p}")
    verdict = "ok" if not problems else f"{len(problems)} problem(s)"
    print(f"consistency: {len(course)} chapter(s), {tasks} tasks, {regions} task regions, "
          f"the errata, the glossary and the reading order: {verdict}")
    return 0 if not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
