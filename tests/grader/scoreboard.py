"""The learner's scoreboard: per chapter passed / wrong / not started, and the next task."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from grader import build, layout, term

TEST_MACRO = re.compile(r"^\s*TEST(?:_F|_P)?\(\s*(\w+)\s*,\s*(\w+)\s*\)", re.M)


def declared_tests(slug: str) -> list[str]:
    """Suite.Name of every test written in tests/<slug>/ (to count a chapter that did not build)."""
    names: list[str] = []
    for path in sorted((layout.ROOT / "tests" / slug).glob("*.cpp")):
        names.extend(f"{s}.{n}" for s, n in TEST_MACRO.findall(path.read_text(encoding="utf-8")))
    return names


@dataclasses.dataclass
class ChapterScore:
    chapter: layout.Chapter
    compiled: bool = True
    compile_error: str = ""
    results: list[build.TestResult] = dataclasses.field(default_factory=list)

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
        return {"chapter": self.chapter.slug, "compiled": self.compiled,
                "compile_error": self.compile_error,
                "results": [dataclasses.asdict(r) for r in self.results]}


def from_json(course: list[layout.Chapter], data: dict) -> list[ChapterScore]:
    scores: list[ChapterScore] = []
    for entry in data.get("chapters", []):
        chapter = layout.find_chapter(course, entry["chapter"])
        if chapter is None:
            continue
        results = [build.TestResult(**r) for r in entry["results"]]
        scores.append(ChapterScore(chapter, entry["compiled"], entry["compile_error"], results))
    return scores


def save(path: Path, scores: list[ChapterScore], mode: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"mode": mode, "chapters": [s.to_json() for s in scores]},
                               indent=1), encoding="utf-8")


def _bar(done: int, total: int, width: int = 10) -> str:
    filled = round(width * done / total) if total else 0
    return term.ok("█" * filled) + term.dim("░" * (width - filled))


def render(scores: list[ChapterScore], mode: str) -> str:
    lines = [term.paint(f"Scoreboard: your code in exercises/ ({mode})", "bold"), ""]
    width = max(len(s.chapter.slug) for s in scores) + 2
    lines.append(f"  {'chapter':<{width}} {'passed':>7} {'wrong':>7} {'not started':>12}   tasks")
    for s in scores:
        name = f"{s.chapter.slug:<{width}}"
        if not s.compiled:
            total = len(declared_tests(s.chapter.slug))
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
    tests = sum(len(s.results) if s.compiled else len(declared_tests(s.chapter.slug))
                for s in scores)
    lines += ["", f"Course: {done} of {total} tasks done, {passed} of {tests} tests pass", ""]
    lines += next_step(scores)
    return "\n".join(lines)


def next_step(scores: list[ChapterScore]) -> list[str]:
    for s in scores:
        if not s.compiled:
            return [term.paint("Next: make chapter " + s.chapter.slug + " compile", "bold"),
                    "  " + (s.compile_error.splitlines() or ["(no compiler output)"])[0],
                    f"  only this chapter is affected; the others still build and grade"]
        for task in s.chapter.tasks:
            if s.task_done(task):
                continue
            results = s.task_results(task)
            out = [term.paint(f"Next task: {task.id}  {task.title}", "bold"),
                   f"  edit   {task.location()}"]
            stub = next((r.stub() for r in results if r.stub()), None)
            if stub:
                out.append(f"  to do  {stub[2]}")
            wrong = [r for r in results if r.status == build.WRONG]
            if wrong:
                first = wrong[0]
                out.append(f"  {term.bad('wrong')}  {first.case}" +
                           (f"  ({len(wrong)} of {len(results)} tests wrong)"
                            if len(wrong) > 1 else ""))
                for line in first.failure_message().splitlines()[:12]:
                    out.append(f"      {line}")
            elif not results:
                out.append("  (no test result yet: run ./course grade)")
            out.append(f"  stuck? ./course hint {task.id}     "
                       f"read: chapters/{s.chapter.slug}/chapter.md")
            return out
    return [term.ok("Every task graded here passes. Well done!")]
