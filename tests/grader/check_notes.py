#!/usr/bin/env python3
"""Check the built course notes the way a reader sees them.

Usage:
    check_notes.py --html build/strict/notes/html [--pages ch01_derivatives course ...]

For each page that belongs to the course (index.html, course.html, every chapter page the
course page links to, every chNN_*.html, and every other page containing math), the page is
loaded from file:// in headless Chromium (Debian's `chromium`) and the DOM dumped after MathJax
has run. A page fails unless
  - every formula in it was typeset: each <script type="math/tex..."> element that MathJax 2
    leaves behind has its MathJax-Element-N-Frame, and there are at least as many of them as
    the page has TeX delimiters (so a page where MathJax never ran fails too);
  - no formula is a TeX error (SVG output draws those on a yellow box, rgb(255, 255, 136));
  - every local link (href to a .html file, and its #anchor) and every local image, script,
    stylesheet or frame it references exists;
  - every <img> has alt text (on every page), and on a course page every figure is an <img> in a
    <div class="image"> with a non-empty caption (an SVG that Doxygen embeds as <object> or
    <iframe>, from \\image or \\dotfile, cannot carry alt text, so it is refused there);
  - every page of the course's reading order (the links of course.html) ends with the
    navigation line linking the previous page, the course and the next page.
Every other top-level page gets the link and image checks only (no browser).

With --pages, only the named pages are checked (a Doxygen page name N is the file N.html).

Prints one line per page, "ok   page.html  (N formulas)" or "FAIL page.html: reason", then
"notes: N pages ok, M failed". Exit status: 0 all ok, 1 some page failed, 2 usage or setup error.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import html
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
)
# MathJax 2's SVG output draws a TeX error (an <merror>) on this background.
TEX_ERROR_FILL = re.compile(r'fill="rgb\(255,\s*255,\s*136\)"|fill="#(?:FFFF88|ffff88)"')
# (MathJax's own stylesheet mentions .MathJax_Error, so match the class attribute, not the word.)
PROCESSING_ERROR = re.compile(r'Math Processing Error|class="MathJax_Error"|class="merror"')
LOAD_FAILURE = re.compile(r"File failed to load[^<]*", re.IGNORECASE)
MATH_SCRIPT = re.compile(
    r'<script type="math/tex(?:;\s*mode=display)?"\s+id="MathJax-Element-(\d+)">(.*?)</script>',
    re.DOTALL)
FRAME = re.compile(r'id="MathJax-Element-(\d+)-Frame"')
STUCK_FRAME = re.compile(
    r'class="[^"]*\bMathJax_SVG_Processing\b[^"]*" id="MathJax-Element-(\d+)-Frame"')
# Doxygen (MATHJAX_VERSION = MathJax_2) writes \f$..\f$ as \(..\), \f[..\f] as \[..\] and
# \f{env}{..\f} as \begin{env}..\end{env}; tex2jax turns each top-level one into a script.
TEX_TOKEN = re.compile(r"\\\(|\\\)|\\\[|\\\]|\\begin\{[A-Za-z*]+\}|\\end\{[A-Za-z*]+\}")
SKIP_SCHEMES = ("http:", "https:", "mailto:", "javascript:", "data:", "ftp:", "file:", "tel:")


@dataclass
class Result:
    page: str
    errors: list[str] = field(default_factory=list)
    formulas: int | None = None  # None: not rendered in the browser

    @property
    def ok(self) -> bool:
        return not self.errors


class PageScan(html.parser.HTMLParser):
    """Collects a static page's local references, its anchors and the text MathJax will scan."""

    SKIP_TEXT = {"script", "noscript", "style", "textarea", "pre", "code"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.anchors: set[str] = set()
        self.text: list[str] = []
        self.images_without_alt: list[str] = []
        self.figures: list[dict] = []          # {"img": src or "", "caption": text, "embed": src}
        self.embedded: list[str] = []          # <object>/<iframe> sources inside the contents
        self.content_links: list[str] = []     # hrefs of <a class="el"> inside the contents
        self.nav: list[tuple[str, str]] = []   # (role, href) of the bp-nav line
        self._skip_depth = 0
        self._divs: list[str] = []             # the class of every open <div>
        self._nav_role = ""

    def _inside(self, cls: str) -> bool:
        return any(cls in c.split() for c in self._divs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.anchors.add(a[key])
        for attr in {"a": ("href",), "link": ("href",), "img": ("src",), "script": ("src",),
                     "iframe": ("src",), "object": ("data",), "area": ("href",)}.get(tag, ()):
            if a.get(attr):
                self.refs.append((tag, attr, a[attr]))
        if tag == "div":
            self._divs.append(a.get("class", ""))
            if "image" in a.get("class", "").split():
                self.figures.append({"img": "", "caption": "", "embed": ""})
        elif tag == "img":
            if not a.get("alt", "").strip():
                self.images_without_alt.append(a.get("src", "?"))
            if self._inside("image") and self.figures:
                self.figures[-1]["img"] = a.get("src", "?")
        elif tag in ("object", "iframe") and self._inside("contents"):
            src = a.get("data") or a.get("src") or "?"
            self.embedded.append(src)
            if self._inside("image") and self.figures:
                self.figures[-1]["embed"] = src
        elif tag == "span" and self._inside("bp-nav"):
            self._nav_role = a.get("class", "")
        elif tag == "a" and a.get("href"):
            if self._inside("bp-nav"):
                self.nav.append((self._nav_role, a["href"]))
            elif self._inside("contents") and "el" in a.get("class", "").split():
                self.content_links.append(a["href"])
        if tag in self.SKIP_TEXT:
            self._skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in self.SKIP_TEXT and self._skip_depth:
            self._skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP_TEXT and self._skip_depth:
            self._skip_depth -= 1
        if tag == "div" and self._divs:
            self._divs.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.text.append(data)
        if self._inside("caption") and self.figures:
            self.figures[-1]["caption"] += data


_scan_cache: dict[Path, PageScan | None] = {}


def scan(path: Path) -> PageScan | None:
    if path not in _scan_cache:
        try:
            parser = PageScan()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            parser.close()
            _scan_cache[path] = parser
        except OSError:
            _scan_cache[path] = None
    return _scan_cache[path]


def count_tex(text: str) -> int:
    """Top-level formulas: \\(..\\), \\[..\\] and \\begin{env}..\\end{env} outside another one."""
    depth = 0
    count = 0
    for m in TEX_TOKEN.finditer(text):
        tok = m.group(0)
        if tok in ("\\(", "\\[") or tok.startswith("\\begin"):
            if depth == 0:
                count += 1
            depth += 1
        elif depth:
            depth -= 1
    return count


def check_links(root: Path, page: Path, parsed: PageScan) -> list[str]:
    errors = []
    seen = set()
    for tag, attr, value in parsed.refs:
        value = value.strip()
        if not value or value.lower().startswith(SKIP_SCHEMES) or "://" in value:
            continue
        url = urllib.parse.urlsplit(value)
        target_path = urllib.parse.unquote(url.path)
        target = (page.parent / target_path).resolve() if target_path else page
        key = (tag, str(target), url.fragment)
        if key in seen:
            continue
        seen.add(key)
        shown = value if len(value) < 80 else value[:77] + "..."
        if not target.is_file():
            kind = "image" if tag in ("img", "object") else "link" if tag in ("a", "area") \
                else f"<{tag} {attr}>"
            errors.append(f"missing {kind} target {shown}")
            continue
        if tag in ("a", "area") and url.fragment and target.suffix == ".html":
            target_scan = scan(target)
            if target_scan is not None and url.fragment not in target_scan.anchors:
                errors.append(f"broken anchor {shown}")
    try:
        page.resolve().relative_to(root.resolve())
    except ValueError:
        errors.append("page is outside the HTML folder")
    return errors


def check_images(parsed: PageScan, course_page: bool) -> list[str]:
    """Alt text on every <img>; on a course page, every figure an <img> with a caption."""
    errors = [f"<img src={src}> has no alt text" for src in parsed.images_without_alt]
    if course_page:
        for fig in parsed.figures:
            what = fig["img"] or fig["embed"] or "a figure"
            if fig["embed"] or not fig["img"]:
                errors.append(f"figure {what} is not an <img> (\\image html of an SVG and "
                              "\\dotfile embed it without alt text): write <div class=\"image\">"
                              "<img src=... alt=...><div class=\"caption\">...</div></div>")
            if not " ".join(fig["caption"].split()):
                errors.append(f"figure {what} has no caption")
        loose = [src for src in parsed.embedded if src not in {f["embed"] for f in parsed.figures}]
        for src in loose:
            errors.append(f"{src} is embedded as <object>/<iframe>, which has no alt text")
    return errors


def reading_order(root: Path) -> list[str]:
    """The pages course.html links to from its contents, in order (the \\subpage list)."""
    course = scan(root / "course.html") if (root / "course.html").is_file() else None
    if course is None:
        return []
    order: list[str] = []
    for href in course.content_links:
        path = urllib.parse.urlsplit(href).path
        if path.endswith(".html") and "/" not in path and path not in order:
            order.append(path)
    return order


def check_nav(page: Path, parsed: PageScan, order: list[str]) -> list[str]:
    """A page of the reading order links its neighbours and the course, in its bp-nav line."""
    if page.name not in order:
        return []
    i = order.index(page.name)
    want = {"bp-up": "course.html"}
    if i > 0:
        want["bp-prev"] = order[i - 1]
    if i + 1 < len(order):
        want["bp-next"] = order[i + 1]
    have = {role: urllib.parse.urlsplit(href).path for role, href in parsed.nav}
    if not parsed.nav:
        return ["no navigation line (previous / contents / next) at the end of the page"]
    return [f"navigation: {role} links {have.get(role, 'nothing')}, expected {target}"
            for role, target in want.items() if have.get(role) != target] + \
           [f"navigation: {role} links {href} on the page that has none"
            for role, href in have.items() if role not in want]


def find_chromium(explicit: str | None) -> str | None:
    if explicit:
        return explicit if shutil.which(explicit) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def render(chromium: str, page: Path, budget_ms: int, timeout_s: float) -> tuple[str, str]:
    """The DOM of `page` after `budget_ms` of virtual time, and an error text ('' if fine)."""
    with tempfile.TemporaryDirectory(prefix="bp-notes-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
               f"--virtual-time-budget={budget_ms}", "--dump-dom", page.resolve().as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                                  timeout=timeout_s, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return "", f"chromium did not finish within {timeout_s:.0f} s"
        if proc.returncode != 0 or not proc.stdout.strip():
            tail = " | ".join(line for line in proc.stderr.splitlines()
                              if "Failed to connect to the bus" not in line)[-300:]
            return "", f"chromium exited with status {proc.returncode}: {tail}"
        return proc.stdout, ""


def shorten(tex: str, width: int = 70) -> str:
    tex = " ".join(html.unescape(tex).split())
    return tex if len(tex) <= width else tex[: width - 3] + "..."


def check_math(dom: str, expected: int) -> tuple[int, list[str]]:
    errors = []
    scripts = {int(n): tex for n, tex in MATH_SCRIPT.findall(dom)}
    frames = [int(n) for n in FRAME.findall(dom)]
    frame_set = set(frames)
    if expected and not scripts:
        return 0, [f"MathJax did not run: {expected} formula(s) in the page, none typeset "
                   "(is mathjax/MathJax.js in the HTML folder?)"]
    if len(scripts) < expected:
        errors.append(f"MathJax found {len(scripts)} of the page's {expected} formulas "
                      "(unbalanced \\( \\) or \\[ \\]?)")
    # A frame still marked as processing never got its picture: MathJax stopped, typically
    # because a file it needs (a font of \\mathcal, say) is not in the copy next to the pages.
    stuck = set(int(n) for n in STUCK_FRAME.findall(dom))
    untypeset = sorted(n for n in scripts if n not in frame_set or n in stuck)
    if untypeset:
        first = untypeset[0]
        hint = ("a MathJax file failed to load? (docs/CMakeLists.txt copies only the fonts "
                "in use)" if stuck else "try a larger --budget")
        errors.append(f"{len(untypeset)} of {len(scripts)} formulas not typeset "
                      f"(first: {shorten(scripts[first])}); {hint}")
    # A TeX error is drawn inside the formula's frame: the frame's markup runs from its id to
    # the <script> that holds its TeX.
    bad = []
    positions = [(m.start(), int(m.group(1))) for m in FRAME.finditer(dom)]
    for i, (start, n) in enumerate(positions):
        end = dom.find(f'id="MathJax-Element-{n}"', start)
        if end < 0:
            end = positions[i + 1][0] if i + 1 < len(positions) else len(dom)
        chunk = dom[start:end]
        if TEX_ERROR_FILL.search(chunk) or PROCESSING_ERROR.search(chunk):
            bad.append(n)
    if bad:
        shown = "; ".join(shorten(scripts.get(n, f"formula {n}"), 50) for n in bad[:3])
        errors.append(f"{len(bad)} formula(s) with TeX errors: {shown}")
    elif TEX_ERROR_FILL.search(dom) or PROCESSING_ERROR.search(dom):
        errors.append("a MathJax error box is on the page")
    load = LOAD_FAILURE.search(dom)
    if load:
        errors.append("MathJax: " + shorten(load.group(0), 100))
    return len(scripts), errors


def check_page(root: Path, page: Path, chromium: str | None, budget_ms: int,
               timeout_s: float, order: list[str] | None = None) -> Result:
    rel = page.relative_to(root).as_posix()
    result = Result(rel)
    parsed = scan(page)
    if parsed is None:
        result.errors.append("cannot read the page")
        return result
    result.errors += check_links(root, page, parsed)
    order = order or []
    result.errors += check_images(parsed, page.name in order or page.name == "course.html")
    result.errors += check_nav(page, parsed, order)
    if chromium is None:
        return result
    expected = count_tex("".join(parsed.text))
    dom, err = render(chromium, page, budget_ms, timeout_s)
    if err:
        result.errors.append(err)
        return result
    result.formulas, math_errors = check_math(dom, expected)
    result.errors += math_errors
    return result


def course_pages(root: Path) -> list[Path]:
    """index.html, course.html, the pages course.html links to, chNN_*.html, pages with math."""
    pages: dict[str, Path] = {}

    def add(p: Path) -> None:
        if p.is_file():
            pages.setdefault(p.name, p)

    add(root / "index.html")
    add(root / "course.html")
    course = scan(root / "course.html") if (root / "course.html").is_file() else None
    if course is not None:
        for tag, _, value in course.refs:
            path = urllib.parse.urlsplit(value).path
            if tag == "a" and path.endswith(".html") and "/" not in path:
                if re.match(r"ch\d\d_", path) or path in reading_order(root):
                    add(root / urllib.parse.unquote(path))
    for p in sorted(root.glob("ch[0-9][0-9]_*.html")):
        add(p)
    for p in sorted(root.glob("*.html")):
        if p.name in pages:
            continue
        parsed = scan(p)
        if parsed is not None and count_tex("".join(parsed.text)):
            add(p)
    return list(pages.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", required=True, type=Path, help="the notes' HTML folder")
    ap.add_argument("--pages", nargs="+", metavar="NAME",
                    help="Doxygen page names to check (default: the course pages and every "
                         "page with math), e.g. ch01_derivatives course index")
    ap.add_argument("--jobs", type=int, default=2, help="parallel chromium processes (2)")
    ap.add_argument("--budget", type=int, default=8000,
                    help="virtual time budget per page in ms (8000)")
    ap.add_argument("--timeout", type=float, default=45.0,
                    help="wall-clock seconds one page may take (45)")
    ap.add_argument("--chromium", help="browser executable (default: chromium on PATH)")
    ap.add_argument("--no-links-elsewhere", action="store_true",
                    help="do not check links and images of the other (API) pages")
    args = ap.parse_args(argv)

    root: Path = args.html
    if not (root / "index.html").is_file():
        print(f"check_notes: {root}/index.html not found; build the notes first "
              "(cmake --build --preset <preset> --target notes)", file=sys.stderr)
        return 2
    chromium = find_chromium(args.chromium)
    if chromium is None:
        print("check_notes: chromium not found; run ./course install "
              "(or: sudo apt-get install chromium)", file=sys.stderr)
        return 2

    if args.pages:
        rendered = []
        for name in args.pages:
            name = name.removesuffix(".html")
            rendered.append(root / f"{name}.html")
    else:
        rendered = course_pages(root)
    others = [] if args.pages or args.no_links_elsewhere else \
        [p for p in sorted(root.glob("*.html")) if p not in set(rendered)]

    started = time.monotonic()
    results: list[Result] = []
    missing = [p for p in rendered if not p.is_file()]
    for p in missing:
        results.append(Result(p.name, [f"no such page (is there a page named {p.stem}?)"]))
    rendered = [p for p in rendered if p.is_file()]
    # Parse every page once in this thread; the workers only wait for chromium.
    for p in rendered + others:
        scan(p)
    order = reading_order(root)
    if not order:
        results.append(Result("course.html", ["course.html links no pages: no reading order"]))
    jobs = max(1, min(args.jobs, 2))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(check_page, root, p, chromium, args.budget, args.timeout, order)
                   for p in rendered]
        static = [check_page(root, p, None, args.budget, args.timeout, order) for p in others]
        for fut in futures:
            results.append(fut.result())

    for r in results:
        if r.ok:
            print(f"ok   {r.page}  ({r.formulas} formula{'' if r.formulas == 1 else 's'})")
        else:
            print(f"FAIL {r.page}: " + "; ".join(r.errors))
    static_ok = [r for r in static if r.ok]
    for r in static:
        if not r.ok:
            print(f"FAIL {r.page}: " + "; ".join(r.errors))
    if static_ok:
        print(f"ok   {len(static_ok)} other pages (links and images only)")
    everything = results + static
    failed = sum(not r.ok for r in everything)
    print(f"notes: {len(everything) - failed} pages ok, {failed} failed "
          f"({time.monotonic() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
