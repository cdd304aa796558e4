"""./course watch: regrade one chapter every time one of its exercise files is saved.

Change detection uses inotifywait (Debian's inotify-tools) when it is installed, and polls the
files' modification times otherwise; either way a save is noticed within a fraction of a second.
Files are compared by (mtime, size) after every grading too, so a save made while a build was
running is never missed. Ctrl-C stops the loop and every process it started.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from grader import build, layout, scoreboard, term

POLL_SECONDS = 0.25


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    state: dict[str, tuple[int, int]] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            state[str(p)] = (st.st_mtime_ns, st.st_size)
    return state


def wait_for_change(folder: Path, before: dict[str, tuple[int, int]]) -> None:
    """Returns once a file under `folder` differs from `before`."""
    inotify = shutil.which("inotifywait")
    while snapshot(folder) == before:
        if inotify:
            # One event or one second, whichever comes first; the snapshot decides.
            proc = subprocess.Popen([inotify, "-qq", "-r", "-t", "1", "-e", "close_write",
                                     "-e", "moved_to", "-e", "create", "-e", "delete",
                                     str(folder)])
            try:
                proc.wait()
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
        else:
            time.sleep(POLL_SECONDS)
    time.sleep(0.05)  # let an editor finish writing (write, then rename)


def render_compact(score: scoreboard.ChapterScore, focus: layout.Task | None) -> str:
    lines = scoreboard.render([score], "watch", focus).splitlines()
    # Drop the board's title and blank first lines: the header line and the chapter row stay.
    return "\n".join(line for line in lines[2:])


def run(chapter: layout.Chapter, suites: list[str] | None, focus: layout.Task | None,
        end_to_end: bool, grade_chapters, with_record) -> int:
    folder = layout.ROOT / "exercises" / chapter.slug
    how = "inotify" if shutil.which("inotifywait") else "polling (install inotify-tools to " \
                                                        "use inotify)"
    try:
        while True:
            before = snapshot(folder)
            if sys.stdout.isatty():
                print("\033[2J\033[H", end="")
            print(term.dim(f"{time.strftime('%H:%M:%S')}  grading {chapter.slug} ..."), flush=True)
            started = time.monotonic()
            [score] = with_record(grade_chapters([chapter], suites, end_to_end), end_to_end)
            print(render_compact(score, focus))
            print(term.dim(f"\ngraded in {time.monotonic() - started:.1f} s; watching "
                           f"exercises/{chapter.slug}/ ({how}). Save a file to regrade; "
                           "Ctrl-C to stop."), flush=True)
            wait_for_change(folder, before)
    except KeyboardInterrupt:
        print("\nwatch stopped")
        return 0
