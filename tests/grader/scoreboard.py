"""The learner's scoreboard: per chapter passed / wrong / not started, and the next task."""
from __future__ import annotations

import dataclasses
import json
import re
import time
from pathlib import Path

from grader import build, layout, term



def declared_tests(slug: str) -> list[str]:
    """Suite.Name of every test written in tests/<slug>/ (to count a chapter that did not build)."""
    names: list[str] = []
    for path in sorted((layout.ROOT / "tests" / slug).glob("*.cpp")):
        text = path.read_text(encoding="utf-8")
        names.extend(f"{s}.{n}" for s, n in layout.TEST_MACRO.findall(text))
    return names


@dataclasses.dataclass
class ChapterScore:
    chapter: layout.Chapter
    compiled: bool = True
    compile_error: str = ""
    results: list[build.TestResult] = dataclasses.field(default_factory=list)
    graded: bool = True
    kept: list[build.TestResult] = dataclasses.field(default_factory=list)  # while not compiling

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def task_results(self, task: layout.Task) -> list[build.TestResult]:
        return [r for r in self.results if r.suite in task.tests]

    def task_done(self, task: layout.Task) -> bool:
        results = self.task_results(task)
        return bool(results) and all(r.status == build.PASSED for r in results)

    def tasks_done(self) -> int:
        return sum(1 for t in self.chapter.tasks if self.task_done(t))

    def to_json(self) -> dict:
        return {"compiled": self.compiled,
                "compile_error": self.compile_error,
                "results": [dataclasses.asdict(r) for r in self.results]}


def record(path: Path, scores: list[ChapterScore], suites: list[str] | None) -> None:
    """Merges a grading into the record that `./course progress` shows: whole chapters replace
    their entry; a single task's results replace only those tests."""
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    chapters = data.get("chapters", {})
    if not isinstance(chapters, dict):
        chapters = {}
    for score in scores:
        entry = score.to_json()
        old = chapters.get(score.chapter.slug)
        if not score.compiled and old:
            entry["results"] = old["results"]  # keep the last results until it compiles again
        elif suites and old and score.compiled:
            fresh = {r["name"] for r in entry["results"]}
            entry["results"] = ([r for r in old["results"] if r["name"] not in fresh] +
                                entry["results"])
        chapters[score.chapter.slug] = entry
    data = {"time": time.strftime("%Y-%m-%d %H:%M:%S"), "chapters": chapters}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def load(course: list[layout.Chapter], path: Path) -> list[ChapterScore]:
    """The recorded scores of every chapter of the course (ungraded ones marked as such)."""
    chapters = json.loads(path.read_text(encoding="utf-8")).get("chapters", {})
    scores: list[ChapterScore] = []
    for chapter in course:
        entry = chapters.get(chapter.slug) if isinstance(chapters, dict) else None
        if entry is None:
            scores.append(ChapterScore(chapter, graded=False))
            continue
        results = [build.TestResult(**r) for r in entry["results"]]
        score = ChapterScore(chapter, entry["compiled"], entry["compile_error"],
                             results if entry["compiled"] else [])
        score.kept = results
        scores.append(score)
    return scores


def recorded_at(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8")).get("time", "unknown time")


def _bar(done: int, total: int, width: int = 10) -> str:
    filled = round(width * done / total) if total else 0
    return term.ok("█" * filled) + term.dim("░" * (width - filled))


def render(scores: list[ChapterScore], mode: str, focus: layout.Task | None = None) -> str:
    lines = [term.paint(f"Scoreboard: your code in exercises/ ({mode})", "bold"), ""]
    width = max(len(s.chapter.slug) for s in scores) + 2
    lines.append(f"  {'chapter':<{width}} {'passed':>7} {'wrong':>7} {'not started':>12}   tasks")
    for s in scores:
        name = f"{s.chapter.slug:<{width}}"
        if not s.graded:
            lines.append(f"  {name} {term.dim('not graded yet')}")
            continue
        if not s.compiled:
            total = len(s.kept) or len(declared_tests(s.chapter.slug))
            lines.append(f"  {name} {term.bad('does not compile')}  "
                         f"({total} test{'s' if total != 1 else ''} not run)")
            for err in s.compile_error.splitlines():
                lines.append(f"      {term.dim(err)}")
            continue
        passed, wrong, fresh = (s.count(build.PASSED), s.count(build.WRONG),
                                s.count(build.NOT_STARTED))
        tasks = len(s.chapter.tasks)
        cells = (f"{term.ok(f'{passed:>7}') if passed else f'{passed:>7}'} "
                 f"{term.bad(f'{wrong:>7}') if wrong else f'{wrong:>7}'} "
                 f"{term.todo(f'{fresh:>12}') if fresh else f'{fresh:>12}'}")
        lines.append(f"  {name} {cells}   {_bar(s.tasks_done(), tasks)} "
                     f"{s.tasks_done()}/{tasks}")
    done = sum(s.tasks_done() for s in scores)
    total = sum(len(s.chapter.tasks) for s in scores)
    passed = sum(s.count(build.PASSED) for s in scores)
    tests = sum(len(s.results) if s.compiled and s.graded else
                len(s.kept) or len(declared_tests(s.chapter.slug)) for s in scores)
    lines += ["", f"Course: {done} of {total} tasks done, {passed} of {tests} tests pass"]
    if focus is not None:
        lines.append(term.dim(f"(graded now: {focus.id}; the other tasks' results are from "
                              f"earlier gradings: ./course grade {focus.chapter.slug[:4]} "
                              "regrades them all)"))
    lines.append("")
    lines += next_step(scores, focus)
    return "\n".join(lines)


def next_step(scores: list[ChapterScore], focus: layout.Task | None = None) -> list[str]:
    """What to do next: the focused task if it is unfinished, else the first unfinished task."""
    if focus is not None:
        score = next((s for s in scores if s.chapter is focus.chapter), None)
        if score is not None and score.compiled and not score.task_done(focus):
            return describe_task(score, focus)
        if score is not None and score.compiled:
            count = len(score.task_results(focus))
            head = [term.ok(f"{focus.id} passes: all {count} of its tests."), ""]
            return head + next_step(scores)
    for s in scores:
        if not s.graded:
            return [term.paint(f"Next: grade {s.chapter.slug}", "bold"),
                    f"  ./course grade {s.chapter.slug[:4]}"]
        if not s.compiled:
            others = "; the other chapters still build and grade" if len(scores) > 1 else ""
            return [term.paint("Next: make chapter " + s.chapter.slug + " compile", "bold"),
                    "  " + (s.compile_error.splitlines() or ["(no compiler output)"])[0],
                    f"  only this chapter is affected{others}"]
        for task in s.chapter.tasks:
            if not s.task_done(task):
                return describe_task(s, task)
    return [term.ok("Every task graded here passes. Well done!")]


def first_instruction(task: layout.Task) -> str:
    """The task's stub instruction (the first region's, when regions have their own)."""
    if isinstance(task.todo, dict):
        return next(iter(task.todo.values()), task.title)
    return task.todo or task.title


def test_comment(slug: str, case: str) -> list[str]:
    """The narration comment above a test in tests/<slug>/, which says what the test exercises:
    shown for a crash or a timeout, which print no failure message of their own."""
    suite, _, rest = case.partition(".")
    suite = suite.split("/")[-1]  # "Prefix/Suite" of an instantiated suite
    name = rest.split("/")[0]
    pattern = re.compile(r"^\s*TEST(?:_F|_P)?\(\s*" + re.escape(suite) + r"\s*,\s*" +
                         re.escape(name) + r"\s*\)")
    for path in sorted((layout.ROOT / "tests" / slug).glob("*.cpp")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if pattern.match(line):
                comment: list[str] = []
                j = i - 1
                while j >= 0 and lines[j].lstrip().startswith("//"):
                    comment.insert(0, lines[j].lstrip()[2:].strip())
                    j -= 1
                return comment
    return []


def describe_task(s: ChapterScore, task: layout.Task) -> list[str]:
    order = {name: i for i, name in enumerate(declared_tests(s.chapter.slug))}
    results = sorted(s.task_results(task), key=lambda r: order.get(r.case, len(order)))
    out = [term.paint(f"Next task: {task.id}  {task.title}", "bold")]
    regions = task.regions("exercises")
    if len(regions) > 1:
        out.append(f"  edit   {regions[0].path.relative_to(layout.ROOT)}: " + ", ".join(
            f"line {r.begin + 1} [{r.name.split('/', 1)[-1]}]" for r in regions))
    else:
        out.append(f"  edit   {task.location()}")
    stubs_hit = [r.stub() for r in results if r.stub()]
    own = next((st for st in stubs_hit if st[0] == task.id), None)
    wrong = [r for r in results if r.status == build.WRONG]
    if own:
        out.append(f"  to do  {own[2]}  " + term.dim(f"(stub at {own[1].split('/')[-1]})"))
    elif not wrong:  # with a wrong answer, the failing test below says what to do
        out.append(f"  to do  {first_instruction(task)}")
    # A stub another task's region hit, unless that task has passed since (its results are newer
    # than this task's, which may come from an earlier grading of the whole chapter).
    finished = {t.id for t in s.chapter.tasks if s.task_done(t)}
    blockers = sorted({st[0] for st in stubs_hit if st[0] != task.id and st[0] not in finished})
    if blockers:
        out.append(term.dim(f"         its tests also need task {', '.join(blockers)}, "
                            "still a stub"))
    if wrong:
        first = wrong[0]
        out.append(f"  {term.bad('wrong')}  {first.case}")
        if first.reason in ("crash", "timeout"):
            for line in test_comment(s.chapter.slug, first.case):
                out.append(f"      {term.dim('// ' + line)}")
        for line in first.failure_message().splitlines()[:12]:
            out.append(f"      {line}")
        if len(wrong) > 1:
            out.append(f"  also wrong: " + ", ".join(r.case.split(".", 1)[1] for r in wrong[1:]))
    elif not results:
        out.append(f"  (no test result yet: run ./course grade {task.id})")
    out.append(f"  stuck? ./course hint {task.id}     "
               f"read: chapters/{s.chapter.slug}/chapter.md")
    return out
