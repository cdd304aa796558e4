#!/usr/bin/env python3
"""Screenshots of the course notes as a reader sees them, at a desktop and a phone width.

Usage:
    screenshots.py --html build/learner/notes/html --out build/learner/notes/screenshots
                   [--pages ch01_derivatives errata ...] [--widths desktop=1280 phone=390]

Every page of the course (index, course, and each page course.html links to) is loaded from
file:// in headless Chromium, driven over the DevTools protocol on a pipe (standard library
only): the viewport is set to the width (a phone width with mobile emulation), MathJax is given
time to typeset, and the page is captured at its full height, in PNGs of at most 8000 px
(<out>/<page>-<name>-01.png, -02.png, ...). The folder is printed at the end. `./course notes --screenshots` builds the notes and runs this.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from grader import check_notes  # noqa: E402

WIDTHS = {"desktop": 1280, "phone": 390}
FIRST_HEIGHT = {"desktop": 900, "phone": 844}
MAX_HEIGHT = 60000  # px; a longer page is cut (and says so)

# True once MathJax 2 has nothing left to do (or the page has no MathJax). After typesetting it
# still loads its menu and zoom extensions, one after the other, each with a "Loading ..." box.
MATH_DONE = """(() => {
  if (typeof MathJax === 'undefined' || !MathJax.Hub) return true;
  const hub = MathJax.Hub, loaded = Object.keys(MathJax.Ajax.loaded);
  const box = document.getElementById('MathJax_Message');
  return MathJax.isReady === true && hub.queue.pending === 0 && hub.queue.running === 0 &&
         ['MathMenu.js', 'MathZoom.js'].every(f => loaded.some(k => k.endsWith('/' + f))) &&
         (!box || box.style.display === 'none');
})()"""
# The height the whole page needs: Doxygen's tree view scrolls #doc-content inside the window.
FULL_HEIGHT = """(() => {
  const doc = document.getElementById('doc-content');
  const foot = document.getElementById('nav-path');
  let h = document.documentElement.scrollHeight;
  if (doc) {
    h = Math.max(h, doc.getBoundingClientRect().top + doc.scrollHeight +
                    (foot ? foot.getBoundingClientRect().height : 0));
  }
  return Math.ceil(h);
})()"""
# The outermost elements that stick out of the window (and are not inside a box that scrolls
# or clips them): what makes a reader scroll the whole page sideways.
OVERFLOW = """(() => {
  const W = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll('#doc-content *, body > *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= W + 1) continue;
    let clipped = false;
    for (let p = el.parentElement; p && p.id !== 'doc-content' && p !== document.body;
         p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= W + 1) {
        clipped = true;
        break;
      }
    }
    if (clipped || found.some(f => f.el.contains(el))) continue;
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '';
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
    found.push({el: el, what: el.tagName.toLowerCase() + cls + ' "' + text + '" by ' +
                Math.round(r.right - W) + ' px'});
  }
  return found.slice(0, 3).map(f => f.what);
})()"""


class Browser:
    """Headless Chromium on --remote-debugging-pipe: JSON messages ended by NUL on fds 3 and 4."""

    def __init__(self, chromium: str) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="bp-notes-shots-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def fds() -> None:
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.proc = subprocess.Popen(
            [chromium, *check_notes.CHROMIUM_FLAGS, "--remote-debugging-pipe",
             "--hide-scrollbars", f"--user-data-dir={self.profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, pass_fds=(3, 4))
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self.session = ""
        self.events: list[dict] = []

    def close(self) -> None:
        try:
            self.call("Browser.close", session=False, timeout=5)
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        self.profile.cleanup()

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise RuntimeError("chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: bool = True,
             timeout: float = 30) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[: i + 1]
                    return
            self.events.append(self._read_message(deadline))

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result.get("result", {}).get("value")

    def open_page(self) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.call("Target.attachToTarget",
                             {"targetId": target["targetId"], "flatten": True}, session=False)
        self.session = attached["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")


def metrics(browser: Browser, width: int, height: int, phone: bool) -> None:
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})


def shoot(browser: Browser, page: Path, name: str, width: int, out: Path, timeout: float,
          tile: int) -> tuple[list[Path], int, bool, list[str]]:
    """Captures one page at one width, in tiles of at most `tile` px from the top (most image
    viewers refuse a single PNG 60000 px high): (pngs, height, cut, what sticks out)."""
    phone = name != "desktop"
    metrics(browser, width, FIRST_HEIGHT.get(name, 900), phone)
    browser.events.clear()
    browser.call("Page.navigate", {"url": page.resolve().as_uri()})
    browser.wait_event("Page.loadEventFired", timeout)
    deadline = time.monotonic() + timeout
    while not browser.evaluate(MATH_DONE):
        if time.monotonic() > deadline:
            break
        time.sleep(0.2)
    height = int(browser.evaluate(FULL_HEIGHT) or FIRST_HEIGHT.get(name, 900))
    cut = height > MAX_HEIGHT
    metrics(browser, width, min(height, MAX_HEIGHT), phone)
    time.sleep(0.5)  # Doxygen's resize.js lays the tree view out again after the resize event
    overflow = list(browser.evaluate(OVERFLOW) or [])
    height = min(height, MAX_HEIGHT)
    pngs = []
    for old in out.glob(f"{page.stem}-{name}-*.png"):
        old.unlink()
    for number, top in enumerate(range(0, height, tile), start=1):
        clip = {"x": 0, "y": top, "width": width, "height": min(tile, height - top), "scale": 1}
        shot = browser.call("Page.captureScreenshot", {"format": "png", "clip": clip},
                            timeout=120)
        png = out / f"{page.stem}-{name}-{number:02d}.png"
        png.write_bytes(base64.b64decode(shot["data"]))
        pngs.append(png)
    return pngs, height, cut, overflow


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--html", required=True, type=Path, help="the notes' HTML folder")
    ap.add_argument("--out", type=Path, help="where the PNGs go (default: <html>/../screenshots)")
    ap.add_argument("--pages", nargs="+", metavar="NAME",
                    help="Doxygen page names (default: the course pages)")
    ap.add_argument("--widths", nargs="+", metavar="NAME=PX",
                    help="widths to capture (default: desktop=1280 phone=390)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per page (60)")
    ap.add_argument("--tile", type=int, default=8000,
                    help="height of each PNG in px; a longer page is cut into several (8000)")
    ap.add_argument("--chromium", help="browser executable (default: chromium on PATH)")
    args = ap.parse_args(argv)

    root: Path = args.html
    if not (root / "index.html").is_file():
        print(f"screenshots: {root}/index.html not found; build the notes first", file=sys.stderr)
        return 2
    chromium = check_notes.find_chromium(args.chromium)
    if chromium is None:
        print("screenshots: chromium not found; run ./course install", file=sys.stderr)
        return 2
    widths = dict(WIDTHS)
    if args.widths:
        widths = {w.split("=")[0]: int(w.split("=")[1]) for w in args.widths}
    out: Path = args.out or root.parent / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    pages = [root / f"{p.removesuffix('.html')}.html" for p in args.pages] if args.pages \
        else [p for p in check_notes.course_pages(root)
              if p.name in ("index.html", "course.html") or
              p.name in check_notes.reading_order(root)]
    started = time.monotonic()
    browser = Browser(chromium)
    failed = 0
    try:
        browser.open_page()
        for page in pages:
            if not page.is_file():
                print(f"FAIL {page.name}: no such page")
                failed += 1
                continue
            for name, width in widths.items():
                try:
                    pngs, height, cut, overflow = shoot(browser, page, name, width, out,
                                                       args.timeout, args.tile)
                except RuntimeError as e:
                    print(f"FAIL {page.name} at {width} px: {e}")
                    failed += 1
                    continue
                notes = []
                if cut:
                    notes.append(f"cut at {MAX_HEIGHT} px")
                if overflow:
                    notes.append("wider than the window: " + "; ".join(overflow))
                shown = pngs[0].name + (f" .. {pngs[-1].name[-6:]}" if len(pngs) > 1 else "")
                print(f"  {shown:<44} {width} x {height}" +
                      (f"  ({'; '.join(notes)})" if notes else ""), flush=True)
    finally:
        browser.close()
    sizes = ", ".join(f"<page>-{name}-NN.png at {px} px" for name, px in widths.items())
    print(f"screenshots: {len(pages) * len(widths) - failed} page captures in {out}/ ({sizes}; "
          f"{time.monotonic() - started:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
