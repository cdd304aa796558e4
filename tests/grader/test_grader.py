"""The grader's own tests: task-id parsing, that reset never loses the learner's work, and that
the checks of the notes (errata, glossary, reading order, pictures) catch what they promise to.

Run: python3 -m unittest discover -s tests/grader -t tests   (also a CTest test, course/grader)
"""
from __future__ import annotations

import shutil
import tempfile
import unittest
from pathlib import Path

from grader import check_notes, cli, errata, glossary, layout, notes_pages, stubs

REAL_ROOT = layout.ROOT


class TaskIdParsing(unittest.TestCase):
    """Chapters are named by slug, short name or number; tasks by chNN.k; anything else is an
    error that lists the valid names."""

    def setUp(self) -> None:
        self.course = layout.load_course()

    def test_a_chapter_can_be_named_four_ways(self) -> None:
        for key in ("ch01_derivatives", "ch01", "01", "1", "ch01/"):
            self.assertEqual(layout.find_chapter(self.course, key).slug, "ch01_derivatives", key)

    def test_unknown_chapters_are_not_guessed(self) -> None:
        for key in ("ch1", "ch99", "derivatives", "", "0"):
            self.assertIsNone(layout.find_chapter(self.course, key), key)

    def test_task_ids_have_one_form(self) -> None:
        self.assertEqual(layout.find_task(self.course, "ch01.2").title[:3], "The")
        for bad in ("ch01.99", "ch1.2", "ch01-2", "CH01.2", "ch01.2/sigmoid"):
            self.assertIsNone(layout.find_task(self.course, bad), bad)
        self.assertTrue(layout.TASK_ID.match("ch12.10"))
        self.assertFalse(layout.TASK_ID.match("ch01.2 "))

    def test_an_unknown_name_is_an_error_listing_the_valid_ones(self) -> None:
        with self.assertRaises(SystemExit) as raised, _captured_stderr() as err:
            cli._select(self.course, "ch01.42")
        self.assertEqual(raised.exception.code, 2)
        self.assertIn("there is no task 'ch01.42'", err.getvalue())
        self.assertIn("ch01.1, ch01.2", err.getvalue())
        with self.assertRaises(SystemExit), _captured_stderr() as err:
            cli._select(self.course, "chapter-one")
        self.assertIn("chapters: ch01_derivatives", err.getvalue())

    def test_a_task_selects_its_chapter_and_suites(self) -> None:
        chapters, suites = cli._select(self.course, "ch01.5")
        self.assertEqual([c.slug for c in chapters], ["ch01_derivatives"])
        self.assertEqual(suites, ["ExampleAGradients"])


class Reset(unittest.TestCase):
    """Reset restores stubs, and first backs up everything it replaces."""

    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="bp-reset-"))
        for part in ("chapters", "exercises", "solutions"):
            shutil.copytree(REAL_ROOT / part, self.tmp / part)
        shutil.copy2(REAL_ROOT / "CMakeLists.txt", self.tmp / "CMakeLists.txt")
        layout.ROOT = self.tmp
        stubs.BACKUPS = self.tmp / ".course-backups"
        self.chapter = layout.load_chapter("ch01_derivatives")
        self.file = self.tmp / "exercises/ch01_derivatives/activation_derivatives.cpp"
        self.pristine = self.file.read_text()

    def tearDown(self) -> None:
        layout.ROOT = REAL_ROOT
        stubs.BACKUPS = REAL_ROOT / ".course-backups"
        shutil.rmtree(self.tmp)

    def _learner_edits(self) -> str:
        """Fills in ch01.2 and ch01.3 and adds a comment outside every region."""
        text = self.pristine
        text = text.replace('bp::todo("ch01.2", "return sigma\'(z) for the pre-activation z");',
                            "return 0.25;  // my sigmoid'")
        text = text.replace('bp::todo("ch01.3", "return ReLU\'(z), with the value at the kink '
                            'that the chapter fixes");', "return z > 0.0 ? 1.0 : 0.0;  // mine")
        text = text.replace("namespace bp::calculus {", "// my note\nnamespace bp::calculus {")
        self.assertNotEqual(text, self.pristine)
        self.file.write_text(text)
        return text

    def test_the_untouched_exercises_are_the_generated_originals(self) -> None:
        for f in self.chapter.files("exercises"):
            self.assertEqual(f.read_text(), stubs.original_exercise(self.chapter, f.name), f.name)

    def test_task_reset_restores_only_that_task_and_backs_up_first(self) -> None:
        edited = self._learner_edits()
        task = layout.find_task([self.chapter], "ch01.2")
        folder, files = stubs.reset_task(task)
        self.assertEqual(files, [self.file])
        backup = folder / "exercises/ch01_derivatives/activation_derivatives.cpp"
        self.assertEqual(backup.read_text(), edited, "the backup holds exactly what was replaced")
        after = self.file.read_text()
        self.assertIn('bp::todo("ch01.2", "return sigma\'(z) for the pre-activation z");', after)
        self.assertNotIn("my sigmoid'", after)
        self.assertIn("return z > 0.0 ? 1.0 : 0.0;  // mine", after, "ch01.3 is left alone")
        self.assertIn("// my note", after, "edits outside regions are left alone")

    def test_two_resets_keep_two_backups(self) -> None:
        self._learner_edits()
        task = layout.find_task([self.chapter], "ch01.3")
        first, _ = stubs.reset_task(task)
        second, _ = stubs.reset_task(task)
        self.assertNotEqual(first, second)
        self.assertIn("// mine", (first / "exercises/ch01_derivatives/"
                                  "activation_derivatives.cpp").read_text())

    def test_chapter_reset_restores_every_file_and_backs_up_all_of_them(self) -> None:
        edited = self._learner_edits()
        extra = self.tmp / "exercises/ch01_derivatives/my_scratch.cpp"
        extra.write_text("// notes to self\n")
        folder, files = stubs.reset_chapter(self.chapter)
        self.assertIn(self.file, files)
        self.assertIn(extra, files)
        self.assertEqual((folder / "exercises/ch01_derivatives/activation_derivatives.cpp")
                         .read_text(), edited)
        self.assertEqual((folder / "exercises/ch01_derivatives/my_scratch.cpp").read_text(),
                         "// notes to self\n")
        self.assertEqual(self.file.read_text(), self.pristine)
        self.assertFalse(extra.exists())

    def test_a_file_without_its_markers_is_refused_untouched(self) -> None:
        broken = self.pristine.replace("  // [ch01.2/tanh]\n", "", 1)
        self.file.write_text(broken)
        task = layout.find_task([self.chapter], "ch01.2")
        with self.assertRaises(layout.LayoutError):
            stubs.reset_task(task)
        self.assertEqual(self.file.read_text(), broken, "nothing was written")


class _ScratchCourse(unittest.TestCase):
    """A copy of chapters/, tests/ and CMakeLists.txt, with layout.ROOT pointing at it."""

    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="bp-notes-"))
        shutil.copytree(REAL_ROOT / "chapters", self.tmp / "chapters")
        shutil.copytree(REAL_ROOT / "tests", self.tmp / "tests",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(REAL_ROOT / "CMakeLists.txt", self.tmp / "CMakeLists.txt")
        layout.ROOT = self.tmp

    def tearDown(self) -> None:
        layout.ROOT = REAL_ROOT
        shutil.rmtree(self.tmp)

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.tmp / rel
        text = path.read_text(encoding="utf-8")
        self.assertIn(old, text, f"{rel} no longer contains the text this test edits")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def assertProblem(self, problems: list[str], *fragments: str) -> None:
        for fragment in fragments:
            self.assertTrue(any(fragment in p for p in problems),
                            f"no problem mentions {fragment!r}:\n" + "\n".join(problems))


class Errata(_ScratchCourse):
    """The errata page types no number, and cites only catalogue entries, tests and sections
    that exist."""

    def test_the_real_errata_are_consistent(self) -> None:
        self.assertEqual(errata.check(), [])

    def test_correct_values_are_quoted_from_the_values_header(self) -> None:
        page = errata.render_errata(errata.load())
        self.assertIn("b_1 = 3.0", page, "{=kE_z} is the literal of worked_example_values.h")
        self.assertIn("2.81152 \\times 10^{-4}", page, "an exponent is typeset inside math")
        self.assertNotIn("{=", page)

    def test_a_typed_number_is_refused(self) -> None:
        self.edit("chapters/errata.toml", "= {=kE_a}\\f$,", "= 0.952574\\f$ and 0.9526\\f$,")
        self.assertProblem(errata.check(), "types the number 0.9526")

    def test_an_unknown_constant_is_refused(self) -> None:
        self.edit("chapters/errata.toml", "{=kE_z}\\f$,", "{=kE_zz}\\f$,")
        self.assertProblem(errata.check(), "{=kE_zz}")

    def test_a_published_catalogue_entry_needs_an_erratum(self) -> None:
        self.edit("tests/ch01_derivatives/catalogue.toml",
                  'erratum = "e-bias-left-out-of-z"\n', "")
        self.assertProblem(errata.check(), "entry z-without-the-bias is a published mistake")

    def test_cited_tests_and_sections_must_exist(self) -> None:
        self.edit("chapters/errata.toml", "XorLoss.RejectsMismatchedShapesAndEmptyBatches",
                  "XorLoss.RejectsNothing")
        self.edit("chapters/errata.toml", 'read = ["ch03_published", "ch03_curve"]',
                  'read = ["ch03_no_such_section"]')
        self.edit("tests/ch01_derivatives/catalogue.toml",
                  'caught_by = ["ExampleEForward.MatchesTheWorkedTable"]\n\n[[wrong]]\n'
                  'id = "sigmoid-on',
                  'caught_by = ["ExampleEForward.MatchesNothing"]\n\n[[wrong]]\n'
                  'id = "sigmoid-on')
        self.assertProblem(errata.check(), "XorLoss.RejectsNothing", "ch03_no_such_section",
                           "ExampleEForward.MatchesNothing")

    def test_each_erratum_has_a_kind_that_the_page_shows(self) -> None:
        self.assertIn("| inconsistency |", errata.render_errata(errata.load()))
        self.edit("chapters/errata.toml", 'kind = "inconsistency"\ntitle = "The code minimises',
                  'kind = "typo"\ntitle = "The code minimises')
        self.assertProblem(errata.check(), "kind 'typo' is not one of")

    def test_a_quoted_number_in_any_column_must_be_in_its_header(self) -> None:
        from grader import consistency
        shutil.copytree(REAL_ROOT / "docs" / "figures", self.tmp / "docs" / "figures")
        page = self.tmp / "chapters" / "ch01_derivatives" / "chapter.md"
        self.assertEqual(consistency.check_text_numbers(page), [])
        self.edit("chapters/ch01_derivatives/chapter.md", "| loss \\f$E\\f$ | 0.1875 | 0.125 |",
                  "| loss \\f$E\\f$ | 0.1875 | 0.126 |")
        self.assertProblem(consistency.check_text_numbers(page), "0.126 is quoted")


class Glossary(_ScratchCourse):
    """Each chapter links the first use of every glossary term, and only that one."""

    PAGE = "chapters/ch01_derivatives/chapter.md"

    def test_the_real_chapters_are_consistent(self) -> None:
        self.assertEqual(glossary.check(notes_pages.errata_text()), [])

    def test_a_missing_link_is_found_and_fixed(self) -> None:
        self.edit(self.PAGE, 'Taylor\'s theorem (\\ref gl_taylor "泰勒定理")', "Taylor's theorem")
        self.assertProblem(glossary.check(), "first use of \"Taylor's theorem\"")
        glossary.fix_page(self.tmp / self.PAGE, glossary.load())
        self.assertNotIn("Taylor's theorem", " ".join(glossary.check()))

    def test_a_link_away_from_the_first_use_is_refused(self) -> None:
        self.edit(self.PAGE, 'Taylor\'s theorem (\\ref gl_taylor "泰勒定理")', "Taylor's theorem")
        self.edit(self.PAGE, "expands \\f$f\\f$ on both sides",
                  "expands \\f$f\\f$ (Taylor's theorem (\\ref gl_taylor \"泰勒定理\")) on both sides")
        self.assertProblem(glossary.check(), "belongs at its first use")

    def test_plain_chinese_and_a_wrong_translation_are_refused(self) -> None:
        self.edit(self.PAGE, '(\\ref gl_chain_rule "链式法则")', "(链式法则)")
        self.edit(self.PAGE, '(\\ref gl_gradient "梯度")', '(\\ref gl_gradient "坡度")')
        self.assertProblem(glossary.check(), "Chinese text '链式法则' outside a glossary link",
                           "must read \"梯度\"")

    def test_code_math_and_headings_are_not_uses(self) -> None:
        terms = glossary.load()
        text = ("# Gradient descent\n\n`gradient` and \\f$\\text{gradient}\\f$ and "
                "[gradient](#x), then the gradient.\n")
        uses = glossary.first_uses(text, terms)
        self.assertEqual(text[uses["gl_gradient"].start:uses["gl_gradient"].end], "gradient")
        self.assertGreater(uses["gl_gradient"].start, text.index("then"))
        self.assertNotIn("gl_gradient_descent", uses)


class ReadingOrder(_ScratchCourse):
    """course.md lists every chapter page in order; the pages end with previous/next links."""

    def test_a_chapter_page_missing_from_the_course_is_found(self) -> None:
        self.edit("chapters/course.md", "- \\subpage ch03_linear_layer\n", "")
        self.assertProblem(notes_pages.check_order(), "the \\subpage lines list")

    def test_the_navigation_links_the_neighbours(self) -> None:
        nav = notes_pages.nav("ch03_linear_layer")
        self.assertIn('\\ref ch02_scalar_autograd "← Chapter 2', nav)
        self.assertIn('\\ref ch04_activations "Chapter 4', nav)
        self.assertNotIn("bp-prev", notes_pages.nav("ch01_derivatives"))
        self.assertNotIn("bp-next", notes_pages.nav("glossary"))


class NotesPictures(unittest.TestCase):
    """check_notes.py refuses an <img> without alt text, and on a course page a figure without
    a caption or one that Doxygen embedded as <object>; and it checks the navigation line."""

    @staticmethod
    def scan(body: str) -> check_notes.PageScan:
        parsed = check_notes.PageScan()
        parsed.feed(f'<html><body><div class="contents">{body}</div></body></html>')
        return parsed

    def test_alt_text_and_captions(self) -> None:
        good = self.scan('<div class="image"><img src="a.svg" alt="a plot"/>'
                         '<div class="caption">The loss.</div></div>')
        self.assertEqual(check_notes.check_images(good, True), [])
        bad = self.scan('<div class="image"><img src="a.svg" alt=""/></div>'
                        '<div class="image"><object type="image/svg+xml" data="b.svg"></object>'
                        '<div class="caption">B</div></div><img src="c.png"/>')
        errors = " | ".join(check_notes.check_images(bad, True))
        self.assertIn("<img src=a.svg> has no alt text", errors)
        self.assertIn("figure a.svg has no caption", errors)
        self.assertIn("figure b.svg is not an <img>", errors)
        self.assertIn("<img src=c.png> has no alt text", errors)

    def test_navigation(self) -> None:
        order = ["ch01_x.html", "ch02_y.html", "errata.html"]
        page = Path("ch02_y.html")
        ok = self.scan('<div class="bp-nav"><span class="bp-prev"><a href="ch01_x.html">1</a>'
                       '</span><span class="bp-up"><a href="course.html">c</a></span>'
                       '<span class="bp-next"><a href="errata.html">e</a></span></div>')
        self.assertEqual(check_notes.check_nav(page, ok, order), [])
        wrong = self.scan('<div class="bp-nav"><span class="bp-up"><a href="course.html">c</a>'
                          '</span><span class="bp-next"><a href="ch01_x.html">1</a></span></div>')
        errors = " | ".join(check_notes.check_nav(page, wrong, order))
        self.assertIn("bp-prev links nothing, expected ch01_x.html", errors)
        self.assertIn("bp-next links ch01_x.html, expected errata.html", errors)
        self.assertIn("no navigation line", check_notes.check_nav(page, self.scan("<p/>"),
                                                                   order)[0])


class _captured_stderr:
    def __enter__(self):
        import contextlib
        import io
        self.buffer = io.StringIO()
        self.redirect = contextlib.redirect_stderr(self.buffer)
        self.redirect.__enter__()
        return self.buffer

    def __exit__(self, *exc):
        return self.redirect.__exit__(*exc)


if __name__ == "__main__":
    unittest.main()
