"""./course: the learner's and the maintainer's commands."""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time

from grader import build, catalogue, deps, layout, scoreboard, term

DESCRIPTION = """\
backprop.cpp: build backpropagation yourself, one tested chapter at a time.

  ./course grade            build your exercises/ and print the per-chapter scoreboard
  ./course test             the whole project check (what CI runs)
"""


# --- grade ------------------------------------------------------------------------------------------

def _select(course: list[layout.Chapter], target: str | None):
    """(chapters, suites or None) selected by a chapter name or a task id on the command line."""
    if not target:
        return course, None
    if layout.TASK_ID.match(target):
        task = layout.find_task(course, target)
        if task is None:
            term.fail(f"there is no task {target!r}. Valid names:\n{layout.valid_names(course)}")
        return [task.chapter], task.tests
    chapter = layout.find_chapter(course, target)
    if chapter is None:
        term.fail(f"there is no chapter or task {target!r}. Valid names:\n"
                  f"{layout.valid_names(course)}")
    return [chapter], None


def grade(args: argparse.Namespace) -> int:
    deps.ensure("grade")
    course = layout.load_course()
    chapters, suites = _select(course, args.target)
    preset = "learner-e2e" if args.end_to_end else "learner"
    mode = ("every chapter on your own earlier chapters" if args.end_to_end
            else "earlier chapters use the reference")
    print(term.dim(f"building {', '.join(c.slug for c in chapters)} ..."), flush=True)
    build.configure(preset)
    build.link_compile_commands(preset)
    scores: list[scoreboard.ChapterScore] = []
    for chapter in chapters:
        result = build.build_targets(preset, [f"test_ex_{chapter.slug}"])
        scores.append(scoreboard.ChapterScore(chapter, result.ok,
                                              "" if result.ok else result.first_error()))
    built = [s for s in scores if s.compiled]
    if built:
        labels = "^(" + "|".join(s.chapter.slug for s in built) + ")$"
        names = "^ex/" + (f"({'|'.join(suites)})\\." if suites else "")
        junit = build.build_dir(preset) / "grade-junit.xml"
        results = build.run_ctest(preset, labels, names, junit)
        for s in built:
            s.results = [r for r in results if s.chapter.slug in _chapter_of(r, course)]
    print(scoreboard.render(scores, mode))
    if not args.target:
        scoreboard.save(build.build_dir(preset) / "grade.json", scores, mode)
    everything = all(s.compiled and s.results and
                     all(r.status == build.PASSED for r in s.results) for s in scores)
    return 0 if everything else 1


def _chapter_of(result: build.TestResult, course: list[layout.Chapter]) -> str:
    for chapter in course:
        if chapter.task_of_suite(result.suite):
            return chapter.slug
    return ""


# --- test -------------------------------------------------------------------------------------------

class Tally:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.problems: list[str] = []

    def add(self, ok: bool, problem: str = "") -> None:
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.problems.append(problem)


def _expectation(result: build.TestResult) -> tuple[bool, str]:
    """Whether a strict-build test ended as the project requires, and if not, why."""
    track = result.name.split("/", 1)[0]
    if track == "ex":
        if result.status == build.NOT_STARTED:
            return True, ""
        if result.status == build.PASSED:
            return False, (f"{result.name} passes on the untouched stub: a graded test must be "
                           "able to fail")
        return False, (f"{result.name} is 'wrong' on the untouched stub; it must reach the stub "
                       f"and be 'not started':\n{result.failure_message()}")
    if result.status == build.PASSED:
        return True, ""
    return False, f"{result.name} {result.status}:\n{result.failure_message()}"


def test(args: argparse.Namespace) -> int:
    started = time.monotonic()
    deps.ensure("test")
    tally = Tally()
    course = layout.load_course()
    slugs = [c.slug for c in course]

    term.heading("strict build: both tracks, warnings are errors")
    build.configure("strict")
    result = build.build_targets("strict", ["all"])
    tally.add(result.ok, "the strict build failed:\n" + result.first_error())
    if result.ok:
        term.heading("tests: the reference passes, every untouched exercise is 'not started'")
        results = build.run_ctest("strict", ".*", ".*", build.build_dir("strict") / "junit.xml")
        if not results:
            tally.add(False, "CTest ran no test in build/strict")
        counts: dict[str, list[int]] = {}
        for r in results:
            ok, why = _expectation(r)
            tally.add(ok, why)
            track = r.name.split("/", 1)[0]
            counts.setdefault(track, [0, 0])[0 if ok else 1] += 1
        for track, (good, bad) in sorted(counts.items()):
            expect = "not started" if track == "ex" else "passed"
            print(f"  {track + '/':<8} {good} as expected ({expect})" +
                  (term.bad(f", {bad} not") if bad else ""))

        term.heading("catalogue of wrong answers: each must be rejected by its chapter")
        try:
            caught, missed = catalogue.run(slugs)
            tally.passed += caught
            tally.failed += missed
            if missed:
                tally.problems.append(f"{missed} catalogued wrong answer(s) were not caught")
        except RuntimeError as e:
            tally.add(False, str(e))

        if not args.quick:
            _notes_check(tally)

    elapsed = time.monotonic() - started
    print()
    for problem in tally.problems:
        print(term.bad("FAILED ") + problem)
    print(term.dim(f"project check took {elapsed / 60:.1f} min"))
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 0 if tally.failed == 0 else 1


def _notes_check(tally: Tally) -> None:
    term.heading("notes: Doxygen with zero warnings, every page typeset in headless Chromium")
    built = build.build_targets("strict", ["notes"])
    tally.add(built.ok, "the notes do not build without warnings:\n" + built.output[-3000:])
    if not built.ok:
        print(built.output[-3000:])
        return
    html = build.build_dir("strict") / "notes" / "html"
    run = subprocess.run([sys.executable, str(layout.ROOT / "tests" / "grader" / "check_notes.py"),
                          "--html", str(html)], capture_output=True, text=True)
    print(run.stdout.rstrip())
    m = re.search(r"notes: (\d+) pages? ok, (\d+) failed", run.stdout)
    if m:
        tally.passed += int(m.group(1))
        tally.failed += int(m.group(2))
        if int(m.group(2)):
            tally.problems.append(f"{m.group(2)} notes page(s) do not render")
    if run.returncode != 0 and not (m and int(m.group(2))):
        tally.add(False, "check_notes.py failed:\n" + run.stdout[-2000:] + run.stderr[-2000:])


# --- hint -------------------------------------------------------------------------------------------

HINTS_SEEN = layout.ROOT / "build" / "progress" / "hints.json"


def hint(args: argparse.Namespace) -> int:
    course = layout.load_course()
    task = layout.find_task(course, args.task)
    if task is None:
        term.fail(f"there is no task {args.task!r}. Valid names:\n{layout.valid_names(course)}")
    seen = json.loads(HINTS_SEEN.read_text()) if HINTS_SEEN.exists() else {}
    total = len(task.hints)
    shown = total if args.all else min(seen.get(task.id, 0) + 1, total)
    print(term.paint(f"{task.id}  {task.title}", "bold") + term.dim(f"   ({task.location()})"))
    for number, text in enumerate(task.hints[:shown], start=1):
        style = ("bold",) if number == shown else ("dim",)
        print(term.paint(f"  hint {number} of {total}: ", *style) + text)
    if shown < total:
        print(term.dim(f"  a stronger hint: ./course hint {task.id}"))
    else:
        print(term.dim(f"  that was the last hint; the reference is in "
                       f"solutions/{task.chapter.slug}/, same file name"))
    seen[task.id] = max(seen.get(task.id, 0), shown)
    HINTS_SEEN.parent.mkdir(parents=True, exist_ok=True)
    HINTS_SEEN.write_text(json.dumps(seen, indent=1))
    return 0


# --- notes, install ------------------------------------------------------------------------------

def notes(args: argparse.Namespace) -> int:
    deps.ensure("notes")
    build.configure("learner")
    result = build.build_targets("learner", ["notes"])
    if not result.ok:
        print(result.output[-4000:])
        term.fail("the notes did not build")
    index = build.build_dir("learner") / "notes" / "html" / "index.html"
    print(f"notes built: open {index.relative_to(layout.ROOT)} in a browser "
          f"(file://{index})")
    return 0


def install(args: argparse.Namespace) -> int:
    deps.ensure("all" if args.all else "test")
    print("every package the course needs is installed")
    return 0


# --- main -------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./course", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("grade", help="build your exercises and print the scoreboard",
                       description="Builds the learner track (exercises/) and prints, per "
                       "chapter, how many tests pass, are wrong or are not started, and the "
                       "next task to do. Chapter N is graded with the reference of chapters "
                       "1..N-1 unless --end-to-end is given.")
    p.add_argument("target", nargs="?", help="only this chapter (ch01, 1, ch01_derivatives) "
                   "or task (ch01.2)")
    p.add_argument("--end-to-end", action="store_true",
                   help="grade every chapter on your own earlier chapters")
    p.set_defaults(func=grade)

    p = sub.add_parser("test", help="the whole project check (what CI runs)",
                       description="Strict build of both tracks; the reference passes 100%%; "
                       "every untouched exercise test is 'not started'; the consistency check; "
                       "the catalogue of wrong answers; the notes build with zero warnings and "
                       "render in headless Chromium. Ends with 'N passed, N failed'.")
    p.add_argument("--quick", action="store_true", help="skip the notes")
    p.set_defaults(func=test)

    p = sub.add_parser("hint", help="print the next hint for a task",
                       description="Prints the hints of a task one at a time, from a nudge to "
                       "nearly the answer: each call shows one more.")
    p.add_argument("task", help="a task id, such as ch01.2")
    p.add_argument("--all", action="store_true", help="show every hint of the task at once")
    p.set_defaults(func=hint)

    p = sub.add_parser("notes", help="build the course notes (HTML) and say where they are",
                       description="Builds the Doxygen course notes into build/learner/notes.")
    p.set_defaults(func=notes)

    p = sub.add_parser("install", help="install the Debian packages the course needs",
                       description="Installs missing Debian packages with apt-get (as root or "
                       "with sudo), or prints the command to run.")
    p.add_argument("--all", action="store_true", help="also the optional ones (inotify-tools)")
    p.set_defaults(func=install)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except layout.LayoutError as e:
        term.fail(str(e))
    except RuntimeError as e:
        term.fail(str(e))
    except KeyboardInterrupt:
        return 130
