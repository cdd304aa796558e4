#!/usr/bin/env python3
"""The generated parts of the course notes, run by the `notes` target before and inside Doxygen.

    notes_pages.py pages OUT_DIR   writes OUT_DIR/errata.md and OUT_DIR/glossary.md
    notes_pages.py filter FILE     Doxygen's input filter for chapter pages: prints FILE with the
                                   links to the previous and next page appended

The reading order is the order of the \\subpage lines of chapters/course.md, so adding a chapter
to the notes is one line there; every page of that list ends with the same navigation line.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from grader import errata, glossary, layout  # noqa: E402

COURSE = Path("chapters") / "course.md"
GLOSSARY_TEMPLATE = Path("chapters") / "glossary.md.in"
TITLE = re.compile(r"^#\s+(.*?)\s*\{#(\w+)\}\s*$")
NAV_CLASS = "bp-nav"


def reading_order() -> list[str]:
    """The page names of chapters/course.md's \\subpage lines, in order."""
    text = (layout.ROOT / COURSE).read_text(encoding="utf-8")
    return re.findall(r"^\s*-?\s*\\subpage\s+(\w+)", text, flags=re.M)


def page_titles() -> dict[str, str]:
    """Page name -> title, from the first line of every page the notes build from chapters/."""
    titles: dict[str, str] = {}
    sources = sorted((layout.ROOT / "chapters").glob("ch[0-9][0-9]_*/chapter.md"))
    sources += [layout.ROOT / errata.TEMPLATE, layout.ROOT / GLOSSARY_TEMPLATE,
                layout.ROOT / COURSE]
    for path in sources:
        if path.exists():
            m = TITLE.match(path.read_text(encoding="utf-8").split("\n", 1)[0])
            if m:
                titles[m.group(2)] = m.group(1)
    return titles


def nav(page: str) -> str:
    """The navigation line that ends `page`: previous, the course, next ("" if not listed)."""
    order = reading_order()
    if page not in order:
        return ""
    i = order.index(page)
    titles = page_titles()
    parts = []
    if i > 0:
        prev = order[i - 1]
        parts.append(f'<span class="bp-prev">\\ref {prev} "← {titles.get(prev, prev)}"</span>')
    parts.append('<span class="bp-up">\\ref course "Contents"</span>')
    if i + 1 < len(order):
        nxt = order[i + 1]
        parts.append(f'<span class="bp-next">\\ref {nxt} "{titles.get(nxt, nxt)} →"</span>')
    return f'\n<div class="{NAV_CLASS}">\n' + "\n".join(parts) + "\n</div>\n"


# --- the glossary page ---------------------------------------------------------------------------

def render_glossary(nav_line: str = "") -> str:
    terms = glossary.load()
    used = glossary.usage(terms)
    extra = glossary.first_uses(errata_text(), terms)
    rows = ['<div class="bp-glossary">', "",
            "| term | 中文 | meaning | chapters |", "|---|---|---|---|"]
    for t in sorted(terms, key=lambda t: t.en.lower()):
        where = [f"\\ref {slug} \"{int(slug[2:4])}\"" for slug in used[t.id]]
        if t.id in extra:
            where.append('\\ref errata "errata"')
        meaning = t.meaning.replace("|", "\\|")
        rows.append(f"| \\anchor {t.id} **{t.en}** | {t.zh} | {meaning} | {', '.join(where)} |")
    rows += ["", "</div>"]
    template = (layout.ROOT / GLOSSARY_TEMPLATE).read_text(encoding="utf-8")
    page = template.replace("@GLOSSARY@", "\n".join(rows))
    return page.rstrip("\n") + "\n" + nav_line


def errata_text() -> str:
    """The prose of the errata (their terms count as used by the notes)."""
    try:
        src = errata.load()
    except layout.LayoutError:
        return ""
    return "\n".join(" ".join([e.title, e.published, e.correct, e.why, e.course])
                     for e in src.errata)


# --- the course's reading order ------------------------------------------------------------------

def check_order() -> list[str]:
    """chapters/course.md lists every chapter that has a page, in the order of CMakeLists.txt,
    and each page's anchor is its slug; the generated pages are listed too."""
    problems: list[str] = []
    order = reading_order()
    titles = page_titles()
    with_pages = [s for s in layout.chapter_slugs()
                  if (layout.ROOT / "chapters" / s / "chapter.md").exists()]
    listed = [p for p in order if re.match(r"ch\d\d_", p)]
    for slug in with_pages:
        if slug not in titles:
            problems.append(f"chapters/{slug}/chapter.md: the first line must be "
                            f"`# Chapter N: Title {{#{slug}}}`")
    if listed != with_pages:
        problems.append(f"{COURSE}: the \\subpage lines list {listed}, but the chapters with a "
                        f"page are, in CMakeLists.txt's order, {with_pages}")
    for page in ("errata", "glossary"):
        if page not in order:
            problems.append(f"{COURSE}: has no \\subpage {page} line")
    for page in order:
        if page not in titles:
            problems.append(f"{COURSE}: \\subpage {page} names no page of chapters/")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "filter":
        path = Path(argv[1])
        text = path.read_text(encoding="utf-8")
        m = TITLE.match(text.split("\n", 1)[0])
        sys.stdout.write(text)
        if m:
            sys.stdout.write(("" if text.endswith("\n") else "\n") + nav(m.group(2)))
        return 0
    if len(argv) == 2 and argv[0] == "pages":
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        (out / "errata.md").write_text(errata.render(nav("errata")), encoding="utf-8")
        (out / "glossary.md").write_text(render_glossary(nav("glossary")), encoding="utf-8")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
