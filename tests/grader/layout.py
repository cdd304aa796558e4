"""The course layout: chapters, tasks and task regions, read from the repository itself.

- The chapter list is the list of bp_add_chapter(...) lines in CMakeLists.txt (one source).
- Each chapter's tasks, titles, test suites and hints are in chapters/<slug>/tasks.toml.
- A task region is the code between two identical marker lines `// [chNN.k]` or
  `// [chNN.k/part]` in a file of exercises/<slug>/ or solutions/<slug>/.
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TASK_ID = re.compile(r"^ch(\d\d)\.(\d+)$")
MARKER = re.compile(r"^\s*// \[(ch\d\d\.\d+)(?:/([A-Za-z0-9_-]+))?\]\s*$")
SOURCE_SUFFIXES = {".h", ".cpp"}
# TEST(Suite, Name), TEST_F(...) and TEST_P(...) in a GoogleTest source: (suite, name).
TEST_MACRO = re.compile(r"^\s*TEST(?:_F|_P)?\(\s*(\w+)\s*,\s*(\w+)\s*\)", re.M)


@dataclasses.dataclass
class Region:
    task: str          # "ch01.2"
    name: str          # "ch01.2/sigmoid" (the snippet id)
    path: Path
    begin: int         # 1-based line of the opening marker
    end: int           # 1-based line of the closing marker
    body: list[str]    # the lines strictly between the markers


@dataclasses.dataclass
class Task:
    id: str
    title: str
    tests: list[str]
    hints: list[str]
    chapter: "Chapter"
    todo: str | dict[str, str] | None = None  # the stub's instruction (per region part, or one)

    def regions(self, tree: str = "exercises") -> list[Region]:
        return [r for r in self.chapter.regions(tree) if r.task == self.id]

    def location(self) -> str:
        """exercises/<slug>/<file>:<line> of the first line inside the task's first region."""
        regions = self.regions("exercises")
        if not regions:
            return f"exercises/{self.chapter.slug}/"
        r = regions[0]
        return f"{r.path.relative_to(ROOT)}:{r.begin + 1}"


@dataclasses.dataclass
class Chapter:
    slug: str
    title: str
    tasks: list[Task]

    @property
    def number(self) -> str:
        return self.slug[2:4]

    def files(self, tree: str) -> list[Path]:
        folder = ROOT / tree / self.slug
        return sorted(p for p in folder.iterdir() if p.suffix in SOURCE_SUFFIXES)

    def regions(self, tree: str) -> list[Region]:
        found: list[Region] = []
        for path in self.files(tree):
            found.extend(parse_regions(path))
        return found

    def task_of_suite(self, suite: str) -> Task | None:
        for task in self.tasks:
            if suite in task.tests:
                return task
        return None


class LayoutError(Exception):
    pass


def parse_regions(path: Path) -> list[Region]:
    """Every task region of a file; raises LayoutError for an unclosed or nested region."""
    regions: list[Region] = []
    open_name = None
    open_line = 0
    body: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = MARKER.match(line)
        if not m:
            if open_name is not None:
                body.append(line)
            continue
        name = m.group(1) + (f"/{m.group(2)}" if m.group(2) else "")
        if open_name is None:
            open_name, open_line, body = name, number, []
        elif name == open_name:
            regions.append(Region(m.group(1), name, path, open_line, number, body))
            open_name = None
        else:
            raise LayoutError(f"{path}:{number}: region [{name}] starts inside region "
                              f"[{open_name}] (opened at line {open_line})")
    if open_name is not None:
        raise LayoutError(f"{path}:{open_line}: region [{open_name}] is never closed")
    return regions


def chapter_slugs() -> list[str]:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.findall(r"^\s*bp_add_chapter\((ch\d\d_[a-z0-9_]+)\)", text, flags=re.M)


def load_toml(relative: str | Path) -> dict:
    """The TOML file at ROOT/relative; a missing or malformed file is a LayoutError naming it."""
    path = ROOT / relative
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LayoutError(f"{path.relative_to(ROOT)} is missing") from None
    except tomllib.TOMLDecodeError as e:
        raise LayoutError(f"{path.relative_to(ROOT)}: {e}") from None


def load_chapter(slug: str) -> Chapter:
    data = load_toml(Path("chapters") / slug / "tasks.toml")
    chapter = Chapter(slug, data.get("title", slug), [])
    for entry in data.get("task", []):
        chapter.tasks.append(Task(entry["id"], entry["title"], list(entry.get("tests", [])),
                                  list(entry.get("hints", [])), chapter, entry.get("todo")))
    return chapter


def load_course() -> list[Chapter]:
    return [load_chapter(slug) for slug in chapter_slugs()]


def find_chapter(course: list[Chapter], key: str) -> Chapter | None:
    """A chapter by slug ("ch01_derivatives"), short name ("ch01") or number ("1")."""
    key = key.strip().rstrip("/")
    for chapter in course:
        if key in (chapter.slug, chapter.slug[:4], chapter.number, str(int(chapter.number))):
            return chapter
    return None


def find_task(course: list[Chapter], task_id: str) -> Task | None:
    for chapter in course:
        for task in chapter.tasks:
            if task.id == task_id:
                return task
    return None


def valid_names(course: list[Chapter]) -> str:
    chapters = ", ".join(c.slug for c in course)
    tasks = ", ".join(t.id for c in course for t in c.tasks)
    return f"chapters: {chapters}\ntasks: {tasks}"
