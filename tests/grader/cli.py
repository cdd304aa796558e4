"""./course: the learner's and the maintainer's commands."""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from grader import build, catalogue, deps, layout, scoreboard, screenshots, stubs, term
from grader import watch as watcher

DESCRIPTION = """\
backprop.cpp: build backpropagation yourself, one tested chapter at a time.

  ./course grade [ch01|ch01.2]   build your exercises/ and print the scoreboard
  ./course watch [ch01|ch01.2]   regrade a chapter whenever you save a file
  ./course hint ch01.2           the next hint for a task
  ./course test                  the whole project check (what CI runs)

Every command works from any directory; `./course COMMAND --help` says more.
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


def grade_chapters(chapters: list[layout.Chapter], suites: list[str] | None,
                   end_to_end: bool) -> list[scoreboard.ChapterScore]:
    """Builds each chapter's learner tests on its own (a chapter that does not compile costs
    only itself) and runs the tests of those that built, one process per test."""
    preset = "learner-e2e" if end_to_end else "learner"
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
            s.results = [r for r in results if s.chapter.task_of_suite(r.suite)]
    scoreboard.record(build.build_dir(preset) / "grade.json", scores, suites)
    return scores


def _mode(end_to_end: bool) -> str:
    return ("every chapter on your own earlier chapters" if end_to_end
            else "earlier chapters use the reference")


def grade(args: argparse.Namespace) -> int:
    deps.ensure("grade")
    course = layout.load_course()
    chapters, suites = _select(course, args.target)
    print(term.dim(f"building {', '.join(c.slug for c in chapters)} ..."), flush=True)
    graded = grade_chapters(chapters, suites, args.end_to_end)
    focus = layout.find_task(course, args.target) if suites else None
    print(scoreboard.render(_with_record(graded, args.end_to_end), _mode(args.end_to_end),
                            focus))
    everything = all(s.compiled and s.results and
                     all(r.status == build.PASSED for r in s.results) for s in graded)
    return 0 if everything else 1


def _with_record(graded: list[scoreboard.ChapterScore],
                 end_to_end: bool) -> list[scoreboard.ChapterScore]:
    """The graded chapters as recorded, so that grading one task still shows the results the
    chapter's other tasks had at their last grading."""
    record = build.build_dir("learner-e2e" if end_to_end else "learner") / "grade.json"
    recorded = {s.chapter.slug: s for s in scoreboard.load([g.chapter for g in graded], record)}
    return [recorded.get(g.chapter.slug, g) for g in graded]


def progress(args: argparse.Namespace) -> int:
    course = layout.load_course()
    preset = "learner-e2e" if args.end_to_end else "learner"
    record = build.build_dir(preset) / "grade.json"
    if not record.exists():
        term.fail("nothing graded yet: run ./course grade first")
    scores = scoreboard.load(course, record)
    print(term.dim(f"(from the last grading, {scoreboard.recorded_at(record)}; "
                   "./course grade runs it again)"))
    print(scoreboard.render(scores, _mode(args.end_to_end)))
    return 0


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


def _edited_exercises(course: list[layout.Chapter]) -> list[str]:
    edited: list[str] = []
    for chapter in course:
        for sol in chapter.files("solutions"):
            ex = layout.ROOT / "exercises" / chapter.slug / sol.name
            try:
                if ex.read_text(encoding="utf-8") != stubs.original_exercise(chapter, sol.name):
                    edited.append(str(ex.relative_to(layout.ROOT)))
            except (OSError, layout.LayoutError):
                edited.append(str(ex.relative_to(layout.ROOT)))
    return edited


def test(args: argparse.Namespace) -> int:
    started = time.monotonic()
    deps.ensure("long" if args.long else "test")
    tally = Tally()
    course = layout.load_course()
    slugs = [c.slug for c in course]
    edited = _edited_exercises(course)
    note = ""
    if edited:
        note = (f"note: exercises/ holds edits ({len(edited)} file(s), e.g. {edited[0]}). This "
                "check is for the course itself and expects the untouched stubs, so the "
                "exercise tests and the consistency check will fail here. To grade your own "
                "work use ./course grade; to run this check, use a fresh clone "
                "(git clone . /tmp/course-check) or git stash.")
        print(term.todo(note))

    term.heading("format: every C++ file as .clang-format says")
    sources = subprocess.run(["git", "ls-files", "*.cpp", "*.h"], cwd=layout.ROOT,
                             capture_output=True, text=True).stdout.split()
    if sources:
        fmt = subprocess.run(["clang-format", "--dry-run", "-Werror", *sources],
                             cwd=layout.ROOT, capture_output=True, text=True)
        unformatted = sorted({line.split(":", 1)[0] for line in fmt.stderr.splitlines()
                              if "error:" in line})
        tally.add(fmt.returncode == 0, "not formatted (run clang-format -i on them): " +
                  ", ".join(unformatted))
        print(f"  {len(sources)} files" + (term.bad(f", {len(unformatted)} not formatted")
                                           if unformatted else " formatted"))

    term.heading("strict build: both tracks, warnings are errors")
    build.configure("strict")
    result = build.build_targets("strict", ["all"])
    tally.add(result.ok, "the strict build failed:\n" + result.first_error())
    if result.ok:
        term.heading("tests: the reference passes, every untouched exercise is 'not started'")
        results = build.run_ctest("strict", ".*", ".*", build.build_dir("strict") / "junit.xml",
                                  extra=["-LE", "long"])
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
            _sanitizer_check(tally)
            _notes_check(tally)
        if args.long:
            _long_check(tally)

    elapsed = time.monotonic() - started
    print()
    for problem in tally.problems:
        print(term.bad("FAILED ") + problem)
    if note:
        print(term.todo(note))
    print(term.dim(f"project check took {elapsed / 60:.1f} min"))
    print(f"{tally.passed} passed, {tally.failed} failed")
    return 0 if tally.failed == 0 else 1


def _sanitizer_check(tally: Tally) -> None:
    term.heading("sanitizers: the reference under AddressSanitizer + UndefinedBehaviorSanitizer")
    build.configure("asan")
    built = build.build_targets("asan", ["all"])
    tally.add(built.ok, "the asan build failed:\n" + built.first_error())
    if not built.ok:
        return
    results = build.run_ctest("asan", ".*", "^(ref|common|trainer)/",
                              build.build_dir("asan") / "junit.xml", extra=["-LE", "long"])
    bad = [r for r in results if r.status != build.PASSED]
    for r in results:
        tally.add(r.status == build.PASSED,
                  f"{r.name} under ASan+UBSan: {r.status}\n{r.failure_message()}")
    if not results:
        tally.add(False, "no test ran under the sanitizers")
    print(f"  {len(results) - len(bad)} of {len(results)} tests clean under ASan+UBSan" +
          (term.bad(f", {len(bad)} reported") if bad else ""))


def _long_check(tally: Tally) -> None:
    term.heading("long: chapters 7 and 8 on all of Fashion-MNIST; the file readers under libFuzzer")
    results = build.run_ctest("strict", "long", ".*", build.build_dir("strict") / "junit-long.xml",
                              jobs=1)
    if not results:
        tally.add(False, "CTest ran no long test in build/strict")
    for r in results:
        tally.add(r.status == build.PASSED, f"{r.name}: {r.status}\n{r.failure_message()}")
        print(f"  {r.name}: {r.status} ({r.seconds:.0f} s)")
    run = subprocess.run([sys.executable, str(layout.ROOT / "tests" / "fuzz" / "run_fuzz.py"),
                          "--seconds", "60"], cwd=layout.ROOT, capture_output=True, text=True)
    print(run.stdout.rstrip())
    tally.add(run.returncode == 0, "the fuzz run found a problem:\n" + run.stdout[-3000:] +
              run.stderr[-3000:])


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


# --- watch, reset, solution -----------------------------------------------------------------------

def watch(args: argparse.Namespace) -> int:
    deps.ensure("grade")
    course = layout.load_course()
    focus = None
    if args.target:
        chapters, suites = _select(course, args.target)
        chapter = chapters[0]
        focus = layout.find_task(course, args.target) if suites else None
    else:
        chapter, suites = _current_chapter(course, args.end_to_end), None
    if not deps.installed("inotify-tools"):
        print(term.dim("inotify-tools is not installed: watching by polling "
                       "(./course install --all adds it)"))
    return watcher.run(chapter, suites, focus, args.end_to_end, grade_chapters, _with_record)


def _current_chapter(course: list[layout.Chapter], end_to_end: bool) -> layout.Chapter:
    """The first chapter that the last grading did not find complete (or the first chapter)."""
    record = build.build_dir("learner-e2e" if end_to_end else "learner") / "grade.json"
    if record.exists():
        for score in scoreboard.load(course, record):
            if not (score.graded and score.compiled and
                    score.tasks_done() == len(score.chapter.tasks)):
                return score.chapter
    return course[0]


def reset(args: argparse.Namespace) -> int:
    course = layout.load_course()
    if layout.TASK_ID.match(args.target):
        task = layout.find_task(course, args.target)
        if task is None:
            term.fail(f"there is no task {args.target!r}. Valid names:\n"
                      f"{layout.valid_names(course)}")
        folder, files = stubs.reset_task(task)
        what = f"task {task.id} ({', '.join(r.name for r in task.regions('exercises'))})"
    else:
        chapter = layout.find_chapter(course, args.target)
        if chapter is None:
            term.fail(f"there is no chapter or task {args.target!r}. Valid names:\n"
                      f"{layout.valid_names(course)}")
        folder, files = stubs.reset_chapter(chapter)
        what = f"chapter {chapter.slug}"
    backup_rel = folder.relative_to(layout.ROOT)
    print(f"backed up {len(files)} file(s) to {backup_rel}/:")
    for f in files:
        print(f"  {f.relative_to(layout.ROOT)}  ->  {backup_rel / f.relative_to(layout.ROOT)}")
    print(term.ok(f"reset {what} to the original stub"))
    return 0


def solution(args: argparse.Namespace) -> int:
    course = layout.load_course()
    task = layout.find_task(course, args.task)
    if task is None:
        term.fail(f"there is no task {args.task!r}. Valid names:\n{layout.valid_names(course)}")
    if not args.yes:
        if not sys.stdin.isatty():
            term.fail(f"showing the reference of {task.id} needs a confirmation: run "
                      f"./course solution {task.id} --yes")
        answer = input(f"Show the reference solution of {task.id} ({task.title})? "
                       "Trying one more hint first (./course hint " + task.id + ") often "
                       "helps. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("not shown")
            return 0
    for region in task.regions("solutions"):
        rel = region.path.relative_to(layout.ROOT)
        print(term.paint(f"{rel}:{region.begin + 1}  [{region.name}]", "bold"))
        for line in region.body:
            print("  " + line)
        print()
    print(term.dim(f"your version: {task.location()}"))
    return 0


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
    deps.ensure("screenshots" if args.screenshots else "notes")
    build.configure("learner")
    result = build.build_targets("learner", ["notes"])
    if not result.ok:
        print(result.output[-4000:])
        term.fail("the notes did not build")
    index = build.build_dir("learner") / "notes" / "html" / "index.html"
    print(f"notes built: open {index.relative_to(layout.ROOT)} in a browser "
          f"(file://{index})")
    if args.screenshots:
        folder = build.build_dir("learner") / "notes" / "screenshots"
        term.heading("screenshots: every course page in headless Chromium, desktop and phone")
        return screenshots.main(["--html", str(index.parent), "--out", str(folder),
                                 *(["--pages", *args.pages] if args.pages else [])])
    return 0


def bench(args: argparse.Namespace) -> int:
    deps.ensure("grade")
    extra = [f"-DBP_BENCH_TRACK={'ex' if args.mine else 'ref'}",
             f"-DBP_TRACKS={'exercises' if args.mine else 'solutions'}"]
    build.configure("release", extra)
    result = build.build_targets("release", ["all"])
    if not result.ok:
        print(result.first_error())
        term.fail("the release build failed")
    programs = sorted((build.build_dir("release") / "bench").glob("bench_*"))
    programs = [p for p in programs if p.is_file() and (not args.chapter or args.chapter in p.name)]
    if not programs:
        term.fail("no benchmark matches" + (f" {args.chapter!r}" if args.chapter else ""))
    for program in programs:
        term.heading(f"{program.name} ({'your exercises' if args.mine else 'the reference'}, "
                     "release build, one thread)")
        pytorch = {"bench_ch07_mlp": "ch07_pytorch.py", "bench_ch08_tensor": "ch08_pytorch.py"}
        if program.name in pytorch and Path("/usr/bin/python3").exists():
            # The same training in PyTorch, side by side (it says how to install PyTorch if absent).
            run = subprocess.run(["/usr/bin/python3",
                                  str(layout.ROOT / "bench" / pytorch[program.name]),
                                  "--cpp", str(program)], text=True)
        else:
            run = subprocess.run([str(program)], text=True)
        if run.returncode != 0:
            term.fail(f"{program.name} exited with {run.returncode}")
    return 0


def train(args: argparse.Namespace, rest: list[str]) -> int:
    deps.ensure("train")
    build.configure("learner")
    program = "train_mlp_mine" if args.mine else "train_mlp"
    result = build.build_targets("learner", [program])
    if not result.ok:
        print(result.first_error())
        term.fail(f"{program} did not build" + (": finish chapter 7's tasks first "
                                               "(./course grade ch07)" if args.mine else ""))
    binary = build.build_dir("learner") / "trainer" / program
    if not any(a == "--out" or a.startswith("--out=") for a in rest):
        rest = [*rest, "--out", str(build.build_dir("learner") / "train-output")]
    term.heading(f"{program}: chapter 7's network, trained with "
                 f"{'your exercises' if args.mine else 'the reference'}")
    return subprocess.run([str(binary), *rest]).returncode


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
                       "every untouched exercise test is 'not started'; the consistency check and "
                       "the grader's own tests; the catalogue of wrong answers; the reference "
                       "under ASan+UBSan; the notes build with zero warnings and render in "
                       "headless Chromium. Ends with 'N passed, N failed'.")
    p.add_argument("--quick", action="store_true", help="skip the sanitizers and the notes")
    p.add_argument("--long", action="store_true",
                   help="also train on all of Fashion-MNIST (accuracy tests) and fuzz the file "
                   "readers for 60 s each (CI runs this)")
    p.set_defaults(func=test)

    p = sub.add_parser("watch", help="regrade a chapter every time you save an exercise file",
                       description="Grades one chapter (default: the first one not finished at "
                       "the last grading), then regrades it whenever a file in its exercises/ "
                       "folder is saved, showing its scoreboard line, the first failure and the "
                       "next task. Ctrl-C stops it.")
    p.add_argument("target", nargs="?", help="a chapter (ch01) or a task (ch01.2)")
    p.add_argument("--end-to-end", action="store_true",
                   help="grade on your own earlier chapters")
    p.set_defaults(func=watch)

    p = sub.add_parser("progress", help="the last scoreboard, without rebuilding",
                       description="Shows the scoreboard recorded by the last ./course grade "
                       "or watch, and how many tasks of the whole course are done.")
    p.add_argument("--end-to-end", action="store_true", help="the end-to-end record")
    p.set_defaults(func=progress)

    p = sub.add_parser("reset", help="restore a task or a chapter to its original stub",
                       description="Restores one task (only its regions) or one whole chapter "
                       "of exercises/ to the original stubs. It first copies every file it "
                       "will change to .course-backups/<time>/ and prints where.")
    p.add_argument("target", help="a task id (ch01.2) or a chapter (ch01)")
    p.set_defaults(func=reset)

    p = sub.add_parser("solution", help="show the reference code of one task",
                       description="Prints the reference regions of one task from solutions/, "
                       "after asking for confirmation (or with --yes).")
    p.add_argument("task", help="a task id, such as ch01.2")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=solution)

    p = sub.add_parser("hint", help="print the next hint for a task",
                       description="Prints the hints of a task one at a time, from a nudge to "
                       "nearly the answer: each call shows one more.")
    p.add_argument("task", help="a task id, such as ch01.2")
    p.add_argument("--all", action="store_true", help="show every hint of the task at once")
    p.set_defaults(func=hint)

    p = sub.add_parser("notes", help="build the course notes (HTML) and say where they are",
                       description="Builds the Doxygen course notes into build/learner/notes. "
                       "With --screenshots, also renders every course page in headless "
                       "Chromium at a desktop width (1280 px) and a phone width (390 px) into "
                       "build/learner/notes/screenshots and says where.")
    p.add_argument("--screenshots", action="store_true",
                   help="also take screenshots of the course pages (desktop and phone)")
    p.add_argument("--pages", nargs="+", metavar="NAME",
                   help="with --screenshots: only these pages (ch01_derivatives, errata, ...)")
    p.set_defaults(func=notes)

    p = sub.add_parser("bench", help="build and run the benchmarks (release build)",
                       description="Builds the release preset and runs every benchmark program "
                       "in bench/, which print measured figures (speed is never a timed test).")
    p.add_argument("chapter", nargs="?", help="only benchmarks whose name contains this (ch02)")
    p.add_argument("--mine", action="store_true", help="measure your exercises, not the reference")
    p.set_defaults(func=bench)

    p = sub.add_parser("train", help="train chapter 7's MLP on Fashion-MNIST (worked example C)",
                       description="Builds and runs the trainer: by default worked example (C), "
                       "784-64-64-10 with SGD 0.01, batch 32, 5 epochs on Debian's Fashion-MNIST "
                       "(a generated stand-in if it is not installed). It prints progress and the "
                       "test accuracy and writes metrics.csv, curves.svg, confusion.svg, "
                       "samples.png and weights.bpw to build/learner/train-output. Every other "
                       "option goes to the trainer: ./course train -- --help lists them.",
                       add_help=True)
    p.add_argument("--mine", action="store_true", help="train with your chapter-7 exercises")
    p.set_defaults(func=train, passthrough=True)

    p = sub.add_parser("install", help="install the Debian packages the course needs",
                       description="Installs missing Debian packages with apt-get (as root or "
                       "with sudo), or prints the command to run.")
    p.add_argument("--all", action="store_true", help="also the optional ones (inotify-tools)")
    p.set_defaults(func=install)

    args, rest = parser.parse_known_args(argv)
    if rest and rest[0] == "--":
        rest = rest[1:]
    if rest and not getattr(args, "passthrough", False):
        parser.error("unrecognized arguments: " + " ".join(rest))
    try:
        return args.func(args, rest) if getattr(args, "passthrough", False) else args.func(args)
    except layout.LayoutError as e:
        term.fail(str(e))
    except RuntimeError as e:
        term.fail(str(e))
    except KeyboardInterrupt:
        return 130
