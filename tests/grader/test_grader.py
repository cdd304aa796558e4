"""The grader's own tests: task-id parsing, and that reset never loses the learner's work.

Run: python3 -m unittest discover -s tests/grader -t tests   (also a CTest test, course/grader)
"""
from __future__ import annotations

import shutil
import tempfile
import unittest
from pathlib import Path

from grader import cli, layout, stubs

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
