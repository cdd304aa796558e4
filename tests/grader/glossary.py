"""The glossary: every term the notes use, in English and Chinese, and the links to it.

chapters/glossary.toml lists the terms. A chapter page marks a term at its first use, and only
there, by the Chinese in parentheses, linked to the term's glossary entry:

    Backpropagation (\\ref gl_backpropagation "反向传播") is the chain rule (\\ref gl_chain_rule "链式法则"), ...

check() requires, for every chapter page, that
- every `\\ref gl_...` names a term of the glossary, with the glossary's Chinese as its text;
- the first use of each glossary term in the page's prose (code, math, headings and link texts
  do not count) carries that link, and no later use does;
- no other Chinese text is in the page (one convention: Chinese only as a glossary link);
and that every term is used by some chapter page or by the errata.

`python3 tests/grader/glossary.py --fix chapters/chNN_topic/chapter.md` inserts the missing links
at the first uses (turning a plain "(中文)" there into the link), for a new or edited chapter.
"""
from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from grader import layout  # noqa: E402

GLOSSARY = Path("chapters") / "glossary.toml"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
LINK = re.compile(r'\\ref\s+(gl_\w+)(?:\s+"([^"]*)")?')
WIDTH = 100


@dataclasses.dataclass
class Term:
    en: str
    zh: str
    meaning: str
    forms: list[str]
    slug: str = ""

    @property
    def id(self) -> str:
        return "gl_" + (self.slug or re.sub(r"[^a-z0-9]+", "_", self.en.lower()).strip("_"))

    def link(self) -> str:
        return f'(\\ref {self.id} "{self.zh}")'

    def patterns(self) -> list[re.Pattern]:
        out = []
        for form in [self.en, *self.forms]:
            words = [re.escape(w) for w in form.split()]
            body = r"\s+".join(words)
            plural = "" if form[-1:].isupper() or not form[-1:].isalpha() else r"(?:s|es)?"
            # Not inside a longer word or a hyphenated compound, not a name such as MLP::zero_grad
            # or sigmoid(z) or sigmoid.h; a possessive belongs to the word.
            out.append(re.compile(rf"(?<![\w\-–])(?<!::){body}{plural}(?:'s)?(?![\w\-–(])(?!::)"
                                  rf"(?!\.\w)", re.IGNORECASE))
        return out


def load() -> list[Term]:
    data = layout.load_toml(GLOSSARY)
    return [Term(t["en"], t["zh"], " ".join(t["meaning"].split()), list(t.get("forms", [])),
                 t.get("id", "")) for t in data.get("term", [])]


# --- what counts as prose ------------------------------------------------------------------------

MASKS = [
    re.compile(r"^```.*?^```[^\n]*$", re.S | re.M),            # fenced code
    re.compile(r"<!--.*?-->", re.S),                            # comments
    re.compile(r"^#.*$", re.M),                                 # headings
    re.compile(r"^\s*\\(?:snippet|image|dotfile|subpage|include)\b.*$", re.M),
    re.compile(r"^\s*\[TOC\]\s*$", re.M),
    re.compile(r"\\f\$.*?\\f\$", re.S),                         # inline math
    re.compile(r"\\f\[.*?\\f\]", re.S),                         # display math
    re.compile(r"\\f\{.*?\\f\}", re.S),                         # environments
    # code spans, which may continue on the next line (not across a blank line)
    re.compile(r"``(?:[^\n]|\n(?![ \t]*\n))*?``|`(?:[^`\n]|\n(?![ \t]*\n))*`"),
    re.compile(r'\\ref\s+\w+(?:\s+"[^"]*")?'),                  # \ref with its text
    re.compile(r"\[[^\]\n]*\]\([^)\n]*\)"),                     # Markdown links
    re.compile(r"<[^>\n]+>"),                                   # HTML tags (their text stays)
    re.compile(r"%\w+"),                                        # autolink escapes
]


def masked(text: str) -> bytearray:
    """1 for every character that is not prose."""
    mask = bytearray(len(text))
    for pattern in MASKS:
        for m in pattern.finditer(text):
            # A pattern that starts inside an earlier mask (a backtick inside math) is skipped.
            if mask[m.start()]:
                continue
            mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


@dataclasses.dataclass
class Use:
    term: Term
    start: int
    end: int        # after the word, and after any closing emphasis: where the link goes


def first_uses(text: str, terms: list[Term]) -> dict[str, Use]:
    """term id -> its first use in the prose of `text`. Longer terms claim their words first, so
    "gradient descent" is not a use of "gradient"."""
    mask = masked(text)
    forms = [(len(p.pattern), t, p) for t in terms for p in t.patterns()]
    forms.sort(key=lambda f: -f[0])
    first: dict[str, Use] = {}
    for _, term, pattern in forms:
        for m in pattern.finditer(text):
            if any(mask[m.start():m.end()]):
                continue
            mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            end = m.end()
            while end < len(text) and text[end] == "*":
                end += 1
            if term.id not in first or m.start() < first[term.id].start:
                first[term.id] = Use(term, m.start(), end)
    return first


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def check_page(page: Path, terms: list[Term]) -> list[str]:
    text = page.read_text(encoding="utf-8")
    rel = page.relative_to(layout.ROOT)
    by_id = {t.id: t for t in terms}
    problems: list[str] = []
    uses = first_uses(text, terms)
    links = list(LINK.finditer(text))
    linked: dict[str, int] = {}
    for m in links:
        term = by_id.get(m.group(1))
        line = _line_of(text, m.start())
        if term is None:
            problems.append(f"{rel}:{line}: \\ref {m.group(1)} names no term of {GLOSSARY}")
            continue
        if m.group(2) != term.zh:
            problems.append(f"{rel}:{line}: the link to {term.id} must read \"{term.zh}\", the "
                            f"glossary's Chinese for {term.en!r}")
        if term.id in linked:
            problems.append(f"{rel}:{line}: {term.en!r} is linked to the glossary twice (the "
                            f"first link is on line {linked[term.id]}); link only its first use")
        linked.setdefault(term.id, line)
        use = uses.get(term.id)
        if use is None:
            problems.append(f"{rel}:{line}: links {term.en!r} to the glossary, but the page never "
                            "uses the term in its prose")
        elif not _links_here(text, use):
            problems.append(f"{rel}:{line}: the glossary link of {term.en!r} belongs at its first "
                            f"use, line {_line_of(text, use.start)}")
    for term_id, use in sorted(uses.items(), key=lambda u: u[1].start):
        if term_id not in linked:
            word = text[use.start:use.end].strip("*")
            problems.append(f"{rel}:{_line_of(text, use.start)}: the first use of "
                            f"{use.term.en!r} ({' '.join(word.split())!r}) needs its glossary "
                            f"link: write {word.split()[-1]} {use.term.link()} (or run "
                            f"tests/grader/glossary.py --fix {rel})")
    stripped = LINK.sub("", text)
    for m in CJK.finditer(stripped):
        problems.append(f"{rel}:{_line_of(stripped, m.start())}: Chinese text {m.group(0)!r} "
                        "outside a glossary link; give a term in Chinese only as its glossary "
                        f"link, and add the term to {GLOSSARY} if it is missing")
    return problems


def _links_here(text: str, use: Use) -> bool:
    return re.match(rf'\s*\(\\ref\s+{use.term.id}\b', text[use.end:use.end + 200]) is not None


def chapter_pages() -> list[Path]:
    return sorted((layout.ROOT / "chapters").glob("ch[0-9][0-9]_*/chapter.md"))


def usage(terms: list[Term]) -> dict[str, list[str]]:
    """term id -> the chapter slugs that use it, in course order."""
    used: dict[str, list[str]] = {t.id: [] for t in terms}
    for page in chapter_pages():
        for term_id in first_uses(page.read_text(encoding="utf-8"), terms):
            used[term_id].append(page.parent.name)
    return used


def check(extra_uses: str = "") -> list[str]:
    """Every chapter page against the glossary; `extra_uses` is other text of the notes (the
    errata) whose terms count as used."""
    try:
        terms = load()
    except (layout.LayoutError, KeyError) as e:
        return [f"{GLOSSARY}: {e}"]
    problems: list[str] = []
    seen: dict[str, str] = {}
    for t in terms:
        if not t.zh or not CJK.search(t.zh) or not t.meaning:
            problems.append(f"{GLOSSARY}: {t.en!r} needs zh (Chinese) and a meaning")
        for form in [t.en, *t.forms]:
            key = form.lower()
            if key in seen:
                problems.append(f"{GLOSSARY}: {form!r} belongs to both {seen[key]!r} and {t.en!r}")
            seen[key] = t.en
        if '"' in t.zh:
            problems.append(f"{GLOSSARY}: the Chinese of {t.en!r} must not contain a quote")
    ids = [t.id for t in terms]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{GLOSSARY}: two terms have the anchor {dup}")
    for page in chapter_pages():
        problems.extend(check_page(page, terms))
    used = usage(terms)
    extra = first_uses(extra_uses, terms) if extra_uses else {}
    for t in terms:
        if not used[t.id] and t.id not in extra:
            problems.append(f"{GLOSSARY}: {t.en!r} is used by no chapter page (nor the errata): "
                            "remove it, or use it")
    return problems


# --- the fixer -----------------------------------------------------------------------------------

BLOCK_START = re.compile(r"\s*(?:$|[|#<>]|```|\[TOC\]|\\f[\[\]{}]|"
                         r"\\(?:snippet|image|dotfile|subpage)\b)")
ITEM = re.compile(r"(\s*)(?:[-*+]|\d+\.)\s+")


def paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last + 1) line indices of every prose paragraph or list item: the lines that a
    reflow may join. Code fences, tables, headings, HTML, display math and commands are not."""
    spans: list[tuple[int, int]] = []
    fenced = False
    start = None
    for i, line in enumerate(lines + [""]):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        stop = fenced or line.lstrip().startswith("```") or BLOCK_START.match(line) or \
            (ITEM.match(line) and start is not None)
        if stop and start is not None:
            spans.append((start, i))
            start = None
        if not stop or (ITEM.match(line) and not fenced):
            if start is None and not fenced and not BLOCK_START.match(line):
                start = i
    return spans


# What a continuation line must not start with: it would begin a list, a heading, a table, a
# quote, display math or a block command.
NO_LINE_START = re.compile(r"[-*+>|#](?:\s|$)|\d+\.(?:\s|$)|\\f[\[\]{}]|"
                           r"\\(?:snippet|image|dotfile|subpage|page|section|TOC)\b")


def reflow(lines: list[str]) -> list[str]:
    """Fills one paragraph or list item to WIDTH columns, breaking only at spaces outside math,
    code and links, and never so that a line starts a Markdown or Doxygen block."""
    first = lines[0]
    m = ITEM.match(first)
    indent = " " * len(m.group(0)) if m else re.match(r"\s*", first).group(0)
    text = " ".join(line.strip() for line in lines)
    lead = m.group(0) if m else indent
    text = text[len(lead.strip()):].strip() if m else text
    mask = masked(text)
    words, begin = [], 0
    for i, ch in enumerate(text + " "):
        if i == len(text) or (ch == " " and not mask[i]):
            if i > begin:
                words.append(text[begin:i])
            begin = i + 1
    out, line = [], lead
    for word in words:
        if line == lead:
            line = lead + word
        elif len(line) + 1 + len(word) > WIDTH and not NO_LINE_START.match(word):
            out.append(line)
            line = indent + word
        else:
            line = line + " " + word
    out.append(line)
    return out


def fix_page(page: Path, terms: list[Term]) -> int:
    """Inserts the glossary link at every first use that lacks it, and refills the paragraphs
    it changed; returns how many links it inserted."""
    text = page.read_text(encoding="utf-8")
    uses = first_uses(text, terms)
    todo = [u for u in uses.values() if not _links_here(text, u)]
    touched: set[int] = set()
    for use in sorted(todo, key=lambda u: -u.start):
        plain = re.match(rf"\s*\(\s*{re.escape(use.term.zh)}\s*\)", text[use.end:])
        after = use.end + (plain.end() if plain else 0)
        text = text[:use.end] + " " + use.term.link() + text[after:]
        touched.add(_line_of(text, use.start) - 1)  # earlier lines keep their numbers
    lines = text.split("\n")
    page.write_text("\n".join(refill(lines, touched)), encoding="utf-8")
    return len(todo)


def refill(lines: list[str], touched: set[int]) -> list[str]:
    """The lines, with every paragraph that contains a touched line (0-based) refilled."""
    out: list[str] = []
    done = 0
    for begin, end in paragraphs(lines):
        if not touched & set(range(begin, end)):
            continue
        out.extend(lines[done:begin])
        out.extend(reflow(lines[begin:end]))
        done = end
    out.extend(lines[done:])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Check the glossary links of the chapter pages, "
                                 "or insert the missing ones (--fix).")
    ap.add_argument("--fix", nargs="+", metavar="PAGE", type=Path,
                    help="chapter pages to fix (chapters/chNN_topic/chapter.md)")
    args = ap.parse_args(argv)
    terms = load()
    if args.fix:
        for page in args.fix:
            n = fix_page(page.resolve(), terms)
            print(f"{page}: {n} glossary link(s) inserted")
    problems = check()
    for p in problems:
        print(f"  - {p}")
    print(f"glossary: {len(terms)} terms, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
