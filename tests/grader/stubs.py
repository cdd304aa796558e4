"""Stubs, generated: the untouched exercises are the reference with every task region replaced
by one `bp::todo(...)` line whose instruction lives in chapters/<slug>/tasks.toml.

So `reset` needs no third copy of the code: the original of exercises/<slug>/<file> is
solutions/<slug>/<file> with its task regions stubbed. The consistency check requires the
untouched exercises to equal exactly that.
"""
from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

from grader import layout

BACKUPS = layout.ROOT / ".course-backups"


def stub_line(region: layout.Region, instruction: str, indent: str) -> str:
    escaped = instruction.replace("\\", "\\\\").replace('"', '\\"')
    return f'{indent}bp::todo("{region.task}", "{escaped}");'


def instruction_for(task: layout.Task, region: layout.Region) -> str:
    part = region.name.split("/", 1)[1] if "/" in region.name else ""
    if isinstance(task.todo, dict):
        if part not in task.todo:
            raise layout.LayoutError(
                f"chapters/{task.chapter.slug}/tasks.toml: task {task.id} gives no todo for "
                f"region [{region.name}] (its todo table has: {', '.join(task.todo)})")
        return task.todo[part]
    if not task.todo:
        raise layout.LayoutError(f"chapters/{task.chapter.slug}/tasks.toml: task {task.id} "
                                 "has no todo instruction")
    return task.todo


def _indent_of(lines: list[str], region: layout.Region) -> str:
    marker = lines[region.begin - 1]
    return marker[: len(marker) - len(marker.lstrip())]


def stubbed_text(path: Path, chapter: layout.Chapter, only_task: str | None = None) -> str:
    """The text of `path` with its task regions (or only those of one task) replaced by stubs."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    regions = {r.begin: r for r in layout.parse_regions(path)}
    i = 0
    while i < len(lines):
        region = regions.get(i + 1)
        if region is None or (only_task and region.task != only_task):
            out.append(lines[i])
            i += 1
            continue
        task = next((t for t in chapter.tasks if t.id == region.task), None)
        if task is None:
            raise layout.LayoutError(f"{path}: region [{region.name}] belongs to no task of "
                                     f"chapters/{chapter.slug}/tasks.toml")
        out.append(lines[region.begin - 1])
        out.append(stub_line(region, instruction_for(task, region), _indent_of(lines, region)))
        out.append(lines[region.end - 1])
        i = region.end
    return "\n".join(out) + "\n"


def original_exercise(chapter: layout.Chapter, name: str) -> str:
    """What exercises/<slug>/<name> held when the course was cloned."""
    return stubbed_text(layout.ROOT / "solutions" / chapter.slug / name, chapter)


def backup(files: list[Path]) -> Path:
    """Copies files into .course-backups/<timestamp>/ (keeping their paths); returns the folder."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = BACKUPS / stamp
    for f in files:
        target = folder / f.relative_to(layout.ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(f, target)
    return folder


def reset_task(task: layout.Task) -> tuple[Path, list[Path]]:
    """Restores only the task's regions in exercises/ to their stubs, after a backup.
    Returns (backup folder, files changed)."""
    expected = {}  # file name -> region names of this task, from the reference
    for r in task.regions("solutions"):
        expected.setdefault(r.path.name, set()).add(r.name)
    files = [layout.ROOT / "exercises" / task.chapter.slug / name for name in sorted(expected)]
    for f in files:
        rel = f.relative_to(layout.ROOT)
        if not f.exists():
            raise layout.LayoutError(f"{rel} is missing: reset the whole chapter instead "
                                     f"(./course reset {task.chapter.slug})")
        found = {r.name for r in layout.parse_regions(f)}  # raises on unbalanced markers
        lost = expected[f.name] - found
        if lost:
            raise layout.LayoutError(
                f"{rel} has lost the marker lines of region(s) {', '.join(sorted(lost))}, so "
                f"the task cannot be found in it: put the markers back, or reset the whole "
                f"chapter (./course reset {task.chapter.slug}), which backs up the file first")
    folder = backup(files)
    for f in files:
        current = f.read_text(encoding="utf-8")
        restored = _replace_task_regions(current, task)
        f.write_text(restored, encoding="utf-8")
    return folder, files


def _replace_task_regions(text: str, task: layout.Task) -> str:
    """Replaces the bodies of the task's regions in `text` by their stub lines."""
    lines = text.splitlines()
    out: list[str] = []
    inside = None
    for line in lines:
        m = layout.MARKER.match(line)
        name = (m.group(1) + (f"/{m.group(2)}" if m.group(2) else "")) if m else None
        if inside is None:
            out.append(line)
            if m and m.group(1) == task.id:
                inside = name
                region = layout.Region(m.group(1), name, Path(), 0, 0, [])
                indent = line[: len(line) - len(line.lstrip())]
                out.append(stub_line(region, instruction_for(task, region), indent))
        elif name == inside:
            out.append(line)
            inside = None
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def reset_chapter(chapter: layout.Chapter) -> tuple[Path, list[Path]]:
    """Restores every file of exercises/<slug>/ to the original, after a backup of them all."""
    folder_ex = layout.ROOT / "exercises" / chapter.slug
    current = sorted(p for p in folder_ex.iterdir() if p.is_file())
    folder = backup(current)
    for f in current:
        if not (layout.ROOT / "solutions" / chapter.slug / f.name).exists():
            f.unlink()  # a file the learner added; it is in the backup
    for sol in sorted((layout.ROOT / "solutions" / chapter.slug).iterdir()):
        if sol.is_file():
            (folder_ex / sol.name).write_text(original_exercise(chapter, sol.name),
                                              encoding="utf-8")
    return folder, current
