"""The errata page: every mistake of the published derivations, from chapters/errata.toml, the
catalogues of wrong answers and the values headers the tests assert.

- chapters/errata.toml holds each erratum's text (published, correct, why, and for a mistake no
  catalogue entry plants, how the course checks it instead). Numbers are never typed there:
  `{=kE_z}` stands for the constant kE_z of a values header of the example.
- tests/<slug>/catalogue.toml entries name their erratum in `erratum = "<id>"`; every entry with
  origin = "published" must. The page lists each erratum's entries and the tests in caught_by.
- an erratum's `kind` is "error" (the default: what was published is wrong) or "inconsistency"
  (two parts of an article disagree with each other); an [example.<key>] whose key is not one
  letter collects the errata that several articles share.

render() writes the page (Doxygen Markdown); check() returns what is wrong with the sources.
"""
from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

from grader import layout

ERRATA = Path("chapters") / "errata.toml"
TEMPLATE = Path("chapters") / "errata.md.in"
PLACEHOLDER = re.compile(r"\{=(\w+)(?:\[(\d+)\])?\}")
# A number with a decimal point or an exponent: a value, not a size or an index.
DECIMAL = re.compile(r"(?<![\w.])-?\d+(?:\.\d+(?:e[-+]?\d+)?|e[-+]?\d+)(?![\w.])")
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])")
FIELDS = ("title", "published", "correct", "why", "course")
KINDS = {"error": "a mistake: what the article states or computes is wrong",
         "inconsistency": "an inconsistency: two parts of the article disagree with each other"}
KIND_NAMES = {"error": "mistake", "inconsistency": "inconsistency"}
TEST_NAME = re.compile(r"^(?:(\w+)/)?(\w+)\.(\w+)(?:/\w+)?$")


# --- values headers ------------------------------------------------------------------------------

def strip_comments(code: str) -> str:
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    return re.sub(r"//[^\n]*", "", code)


def header_constants(path: Path) -> dict[str, str | None]:
    """name (or name[i] for an array entry) -> the literal it is initialised with, as written,
    or None if its initialiser is not one number literal (such as -1.0 / 6.0)."""
    found: dict[str, str | None] = {}
    code = strip_comments(path.read_text(encoding="utf-8"))
    for statement in re.findall(r"\bconstexpr\s+[\w:<> ]+?\s+(\w+\s*(?:\[\])?\s*=.*?);", code,
                                flags=re.S):
        depth, start, parts = 0, 0, []
        for i, ch in enumerate(statement):
            depth += ch == "{"
            depth -= ch == "}"
            if ch == "," and depth == 0:
                parts.append(statement[start:i])
                start = i + 1
        parts.append(statement[start:])
        for part in parts:
            m = re.match(r"\s*(\w+)\s*(\[\])?\s*=\s*(.*?)\s*$", part, flags=re.S)
            if not m:
                continue
            name, array, init = m.groups()
            if array:
                items = [x.strip() for x in init.strip("{} \n").split(",")]
                for i, item in enumerate(items):
                    found[f"{name}[{i}]"] = item if NUMBER.fullmatch(item) else None
            else:
                found[name] = init if NUMBER.fullmatch(init) else None
    return found


def code_literals(path: Path) -> set[float]:
    """Every number literal in the code of a header (its comments left out)."""
    return {float(x) for x in NUMBER.findall(strip_comments(path.read_text(encoding="utf-8")))}


# --- the sources ---------------------------------------------------------------------------------

@dataclasses.dataclass
class Example:
    key: str
    title: str
    seed: str
    read: str
    values: list[str]


@dataclasses.dataclass
class Erratum:
    id: str
    example: str
    title: str
    published: str
    correct: str
    why: str
    read: list[str]
    course: str = ""
    checked_by: list[str] = dataclasses.field(default_factory=list)
    kind: str = "error"

    @property
    def anchor(self) -> str:
        return "errata_" + self.id.replace("-", "_")


@dataclasses.dataclass
class CatalogueEntry:
    chapter: str
    id: str
    origin: str
    erratum: str | None
    caught_by: list[str]


@dataclasses.dataclass
class Sources:
    examples: dict[str, Example]
    errata: list[Erratum]
    entries: list[CatalogueEntry]

    def entries_of(self, erratum: Erratum) -> list[CatalogueEntry]:
        return [e for e in self.entries if e.erratum == erratum.id]


def _clean(text: str) -> str:
    return " ".join(text.split())


def load() -> Sources:
    data = layout.load_toml(ERRATA)
    examples = {key: Example(key, e["title"], e["seed"], e["read"], list(e.get("values", [])))
                for key, e in data.get("example", {}).items()}
    errata = []
    for e in data.get("erratum", []):
        errata.append(Erratum(e["id"], e["example"], _clean(e["title"]), _clean(e["published"]),
                              _clean(e["correct"]), _clean(e["why"]), list(e.get("read", [])),
                              _clean(e.get("course", "")), list(e.get("checked_by", [])),
                              e.get("kind", "error")))
    entries = []
    for slug in layout.chapter_slugs():
        cat = layout.ROOT / "tests" / slug / "catalogue.toml"
        if not cat.exists():
            continue
        for w in tomllib.loads(cat.read_text(encoding="utf-8")).get("wrong", []):
            entries.append(CatalogueEntry(slug, w["id"], w.get("origin", "typical"),
                                          w.get("erratum"), list(w.get("caught_by", []))))
    return Sources(examples, errata, entries)


# --- chapter pages: anchors and titles -----------------------------------------------------------

HEADING = re.compile(r"^(#+)\s+(.*?)\s*\{#(\w+)\}\s*$")


def chapter_anchors() -> dict[str, tuple[str, str]]:
    """Doxygen anchor -> (chapter slug, heading title) over chapters/*/chapter.md."""
    anchors: dict[str, tuple[str, str]] = {}
    for page in sorted((layout.ROOT / "chapters").glob("ch[0-9][0-9]_*/chapter.md")):
        for line in page.read_text(encoding="utf-8").splitlines():
            m = HEADING.match(line)
            if m:
                anchors[m.group(3)] = (page.parent.name, m.group(2))
    return anchors


def test_names(slug: str) -> set[str]:
    """"Suite.Name" of every test in tests/<slug>/, and "Prefix/Suite.Name" for an instantiated
    value-parameterized suite (the /param suffix of its tests is generated at run time)."""
    names: set[str] = set()
    folder = layout.ROOT / "tests" / slug
    if not folder.is_dir():
        return names
    for path in sorted(folder.glob("*.cpp")):
        text = path.read_text(encoding="utf-8")
        prefixes: dict[str, list[str]] = {}
        for prefix, suite in re.findall(r"INSTANTIATE_TEST_SUITE_P\(\s*(\w+)\s*,\s*(\w+)\s*,",
                                        text):
            prefixes.setdefault(suite, []).append(prefix)
        for suite, name in layout.TEST_MACRO.findall(text):
            names.add(f"{suite}.{name}")
            for prefix in prefixes.get(suite, []):
                names.add(f"{prefix}/{suite}.{name}")
    return names


def test_exists(slug: str, name: str) -> bool:
    base = re.sub(r"/\w+$", "", name) if name.count("/") == 2 else name
    return base in test_names(slug)


def split_test(ref: str) -> tuple[str, str]:
    """"ch03_linear_layer/Suite.Name" -> (slug, "Suite.Name")."""
    slug, _, name = ref.partition("/")
    return slug, name


# --- placeholders --------------------------------------------------------------------------------

def _in_math(text: str, pos: int) -> bool:
    return text.count("\\f$", 0, pos) % 2 == 1


def _show(literal: str, math: bool) -> str:
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)e([-+]?)0*(\d+)", literal)
    if m and math:
        sign = "-" if m.group(2) == "-" else ""
        return f"{m.group(1)} \\times 10^{{{sign}{m.group(3)}}}"
    return literal


def constants_for(sources: Sources, erratum: Erratum) -> dict[str, str | None]:
    example = sources.examples.get(erratum.example)
    found: dict[str, str | None] = {}
    for header in example.values if example else []:
        path = layout.ROOT / header
        if path.exists():
            found.update(header_constants(path))
    return found


def substitute(text: str, constants: dict[str, str | None]) -> str:
    def value(m: re.Match) -> str:
        name = m.group(1) + (f"[{m.group(2)}]" if m.group(2) is not None else "")
        literal = constants.get(name)
        if literal is None:
            raise layout.LayoutError(f"{ERRATA}: {{={name}}} is not a number constant of the "
                                     "example's values headers")
        return _show(literal, _in_math(text, m.start()))
    return PLACEHOLDER.sub(value, text)


# --- the page ------------------------------------------------------------------------------------

def chapter_number(slug: str) -> int:
    return int(slug[2:4])


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _caught_by(entries: list[CatalogueEntry]) -> list[str]:
    """One line per catalogue entry: where it is, and the tests that reject it."""
    lines = []
    for e in entries:
        tests = _join([f"`{t}`" for t in e.caught_by])
        kind = "" if e.origin == "published" else "; the same slip as a learner makes it"
        lines.append(f"`{e.id}` (chapter {chapter_number(e.chapter)}{kind}): rejected by {tests}.")
    return lines


def _read(anchors: list[str]) -> str:
    known = chapter_anchors()
    links = []
    for a in anchors:
        slug = known[a][0] if a in known else ""
        links.append(f"\\ref {a} (chapter {chapter_number(slug)})" if slug else f"\\ref {a}")
    return ", ".join(links) + "."


def render_errata(sources: Sources) -> str:
    """The generated part of the page: a summary table, then one section per example."""
    out: list[str] = []
    out.append("| example | the published mistake | kind | caught by |")
    out.append("|---|---|---|---|")
    for e in sources.errata:
        entries = sources.entries_of(e)
        by = (f"`{entries[0].id}`" if len(entries) == 1 else f"{len(entries)} entries"
              if entries else "tests (no entry)")
        example = f"({e.example})" if len(e.example) == 1 else e.example
        out.append(f"| {example} | \\ref {e.anchor} \"{e.title}\" | "
                   f"{KIND_NAMES.get(e.kind, e.kind)} | {by} |")
    out.append("")
    for key, example in sources.examples.items():
        errata = [e for e in sources.errata if e.example == key]
        if not errata:
            continue
        if len(key) == 1:
            out.append(f"# Example ({key}): {example.title} {{#errata_example_{key.lower()}}}")
            out.append("")
            out.append(f"Source article {example.seed}. The course works it in "
                       f"\\ref {example.read}.")
        else:
            out.append(f"# {example.title} {{#errata_example_{key.lower()}}}")
            out.append("")
            out.append(f"Source articles {example.seed}. The course takes it up in "
                       f"\\ref {example.read}.")
        out.append("")
        for e in errata:
            constants = constants_for(sources, e)
            out.append(f"## {e.title} {{#{e.anchor}}}")
            out.append("")
            out.append(f"- **Kind:** {KINDS.get(e.kind, e.kind)}.")
            out.append(f"- **Published:** {substitute(e.published, constants)}")
            out.append(f"- **Correct:** {substitute(e.correct, constants)}")
            out.append(f"- **Why:** {substitute(e.why, constants)}")
            entries = sources.entries_of(e)
            if entries:
                out.append("- **Caught by** the catalogue of wrong answers:")
                out.extend(f"  - {line}" for line in _caught_by(entries))
            if e.course or not entries:
                tests = _join([f"`{split_test(t)[1]}` (chapter {chapter_number(split_test(t)[0])})"
                               for t in e.checked_by])
                note = "" if entries else "No catalogue entry plants this mistake. "
                out.append(f"- **The course:** {note}{substitute(e.course, constants)} "
                           f"Checked by {tests}.")
            out.append(f"- **Read:** {_read(e.read)}")
            out.append("")
    return "\n".join(out)


def render(nav: str = "") -> str:
    template = (layout.ROOT / TEMPLATE).read_text(encoding="utf-8")
    page = template.replace("@ERRATA@", render_errata(load()))
    return page.rstrip("\n") + "\n" + nav


# --- the check -----------------------------------------------------------------------------------

def check() -> list[str]:
    """What is wrong with chapters/errata.toml and the catalogue entries' erratum fields."""
    try:
        sources = load()
    except (layout.LayoutError, KeyError) as e:
        return [f"{ERRATA}: {e}"]
    problems: list[str] = []
    anchors = chapter_anchors()
    ids = [e.id for e in sources.errata]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"{ERRATA}: erratum id {dup!r} is used twice")
    for key, example in sources.examples.items():
        if example.read not in anchors:
            problems.append(f"{ERRATA}: example {key} reads {example.read!r}, which is not a "
                            "section anchor of a chapter page")
        for header in example.values:
            if not (layout.ROOT / header).exists():
                problems.append(f"{ERRATA}: example {key} names values header {header}, which "
                                "does not exist")
    template = layout.ROOT / TEMPLATE
    if not template.exists():
        problems.append(f"{TEMPLATE} is missing")
    else:
        text = template.read_text(encoding="utf-8")
        if "@ERRATA@" not in text:
            problems.append(f"{TEMPLATE} has no @ERRATA@ line for the generated part")
        for token in DECIMAL.findall(text):
            problems.append(f"{TEMPLATE}: {token} is typed by hand; numbers belong in "
                            f"{ERRATA} as {{=constant}} of a values header")
    for e in sources.errata:
        where = f"{ERRATA}: erratum {e.id}"
        if e.example not in sources.examples:
            problems.append(f"{where}: example {e.example!r} has no [example.{e.example}] table")
            continue
        if e.kind not in KINDS:
            problems.append(f"{where}: kind {e.kind!r} is not one of {', '.join(KINDS)}")
        headers = [layout.ROOT / h for h in sources.examples[e.example].values
                   if (layout.ROOT / h).exists()]
        constants = constants_for(sources, e)
        literals = {x for h in headers for x in code_literals(h)}
        for field in FIELDS:
            text = getattr(e, field)
            for m in PLACEHOLDER.finditer(text):
                name = m.group(1) + (f"[{m.group(2)}]" if m.group(2) is not None else "")
                if name not in constants:
                    problems.append(f"{where}: {field} uses {{={name}}}, which is not a constant "
                                    f"of {', '.join(sources.examples[e.example].values) or 'any values header'}")
                elif constants[name] is None:
                    problems.append(f"{where}: {field} uses {{={name}}}, whose initialiser is not "
                                    "a single number literal")
            for token in DECIMAL.findall(PLACEHOLDER.sub("", text)):
                if float(token) not in literals:
                    problems.append(f"{where}: {field} types the number {token}, which no values "
                                    "header of the example asserts: write it as {=constant}")
        if not e.read:
            problems.append(f"{where}: `read` names no chapter section")
        for a in e.read:
            if a not in anchors:
                problems.append(f"{where}: reads {a!r}, which is not a section anchor of a "
                                "chapter page")
        entries = sources.entries_of(e)
        if not entries and not (e.checked_by and e.course):
            problems.append(f"{where}: no catalogue entry names it, so it needs `checked_by` "
                            "tests and a `course` note")
        for ref in e.checked_by:
            slug, name = split_test(ref)
            if not slug.startswith("ch") or not TEST_NAME.match(name):
                problems.append(f"{where}: checked_by {ref!r} is not chNN_topic/Suite.Name")
            elif not test_exists(slug, name):
                problems.append(f"{where}: checked_by names {ref}, which no TEST in "
                                f"tests/{slug}/ defines")
    known = set(ids)
    for entry in sources.entries:
        where = f"tests/{entry.chapter}/catalogue.toml: entry {entry.id}"
        if entry.origin == "published" and not entry.erratum:
            problems.append(f"{where} is a published mistake but names no erratum "
                            f"(add erratum = \"<id>\" from {ERRATA})")
        if entry.erratum and entry.erratum not in known:
            problems.append(f"{where} names erratum {entry.erratum!r}, which {ERRATA} does not "
                            "define")
        if entry.erratum:
            for name in entry.caught_by:
                if not test_exists(entry.chapter, name):
                    problems.append(f"{where}: caught_by names {name}, which no TEST in "
                                    f"tests/{entry.chapter}/ defines")
    if not problems:
        try:
            render_errata(sources)
        except layout.LayoutError as e:
            problems.append(str(e))
    return problems
