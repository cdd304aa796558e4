"""Running CMake, Ninja and CTest, and reading CTest's JUnit report."""
from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from grader import layout

PASSED, WRONG, NOT_STARTED = "passed", "wrong", "not started"
NOT_STARTED_LINE = re.compile(r"^\[bp-not-started\] (\S+) \| (\S+) \| (.*)$", re.M)
CTEST_VERDICT = re.compile(r"Test\s+#\d+: (\S+) \.*\s*\*\*\*(Timeout|Exception: .+?)\s+[\d.]+ sec")
COMPILER_ERROR = re.compile(r"^(.+?):(\d+):(\d+:)? (fatal )?error: .*$", re.M)


def build_dir(preset: str) -> Path:
    return layout.ROOT / "build" / preset


def configure(preset: str, extra: list[str] | None = None, quiet: bool = True) -> None:
    """Configures a preset's build tree unless it is already configured."""
    if (build_dir(preset) / "CMakeCache.txt").exists() and not extra:
        return
    run = subprocess.run(["cmake", "--preset", preset, *(extra or [])], cwd=layout.ROOT,
                         capture_output=quiet, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"cmake --preset {preset} failed:\n{run.stdout}{run.stderr}")


def link_compile_commands(preset: str) -> None:
    """compile_commands.json at the root, for clangd and clang-tidy (also see .clangd)."""
    link = layout.ROOT / "compile_commands.json"
    target = Path("build") / preset / "compile_commands.json"
    if link.is_symlink() or not link.exists():
        if link.is_symlink() and os.readlink(link) == str(target):
            return
        link.unlink(missing_ok=True)
        link.symlink_to(target)


@dataclasses.dataclass
class BuildResult:
    ok: bool
    output: str

    def first_error(self) -> str:
        """The first compiler error with the two lines after it, paths relative to the root.
        When the error is inside a library header (Eigen's), the line of the learner's own file
        that led there ("required from here") comes first."""
        lines = self.output.splitlines()
        for i, line in enumerate(lines):
            if COMPILER_ERROR.match(line) or " undefined reference to " in line:
                snippet = [s.replace(str(layout.ROOT) + "/", "") for s in lines[i:i + 3]]
                if "/exercises/" not in line and "/solutions/" not in line:
                    # The "required from" chain just above the error, innermost first: its
                    # first line in the learner's files is the line that caused it.
                    j = i - 1
                    while j >= 0 and ("required from" in lines[j] or "In instantiation" in lines[j]
                                      or "In member function" in lines[j]
                                      or "In function" in lines[j]):
                        j -= 1
                    own = next((s for s in lines[j + 1:i]
                                if "/exercises/" in s and "required from" in s), None)
                    if own:
                        snippet.insert(0, own.replace(str(layout.ROOT) + "/", ""))
                return "\n".join(snippet)
        tail = [line for line in lines if line.strip()][-5:]
        return "\n".join(tail)


def build_targets(preset: str, targets: list[str]) -> BuildResult:
    """Builds targets of a preset's tree (or of any tree under build/, by its folder name)."""
    run = subprocess.run(["cmake", "--build", str(build_dir(preset)), "--target", *targets],
                         cwd=layout.ROOT, capture_output=True, text=True)
    return BuildResult(run.returncode == 0, run.stdout + run.stderr)


@dataclasses.dataclass
class TestResult:
    name: str            # "ex/CentralDifference.IsExact..."
    status: str          # PASSED, WRONG or NOT_STARTED
    output: str          # what the test printed
    reason: str = ""     # for WRONG: "assertion", "crash", "timeout"
    seconds: float = 0.0  # how long the test ran
    detail: str = ""     # CTest's verdict for a crash ("Exception: SegFault")

    @property
    def suite(self) -> str:
        return self.name.split("/", 1)[-1].split(".", 1)[0]

    @property
    def case(self) -> str:
        return self.name.split("/", 1)[-1]

    def stub(self) -> tuple[str, str, str] | None:
        """(task id, location, instruction) of the stub this test reached, if any."""
        m = NOT_STARTED_LINE.search(self.output)
        return (m.group(1), m.group(2), m.group(3)) if m else None

    def failure_message(self) -> str:
        """GoogleTest's failure text without the run banners, or the crash/timeout reason."""
        keep: list[str] = []
        for line in self.output.splitlines():
            if line.startswith(("[==", "[--", "[ RUN", "[  FAILED", "[  PASSED", "Note: Google",
                                "[bp-not-started]", " 1 FAILED TEST")) or not line.strip():
                continue
            # EXPECT_TRUE(predicate) prints "Value of: <expr> / Actual: false (<why>) /
            # Expected: true"; the predicate's own sentence is all a learner needs.
            if line.startswith("Value of: ") or line.strip() == "Expected: true":
                continue
            m = re.match(r"^\s*Actual: false \((.*)\)$", line)
            if m:
                line = "  " + m.group(1)
            keep.append(line.replace(str(layout.ROOT) + "/", ""))
        text = "\n".join(keep).strip()
        if self.reason == "timeout":
            return (f"ran past the per-test time limit and was stopped after {self.seconds:.0f} s: "
                    "an endless loop?"
                    + (f"\n{text}" if text else ""))
        if self.reason == "crash":
            return (f"crashed ({self.detail or 'the process died'}) while running the test: "
                    "look for an out-of-range index, a null pointer or a stack overflow"
                    + (f"\n{text}" if text else ""))
        return text


def run_ctest(preset: str, label_regex: str, name_regex: str, junit: Path,
              jobs: int = 2, extra: list[str] | None = None) -> list[TestResult]:
    """Runs CTest in a preset's build tree and returns one result per test."""
    junit.parent.mkdir(parents=True, exist_ok=True)
    junit.unlink(missing_ok=True)
    run = subprocess.run(["ctest", "--test-dir", str(build_dir(preset)), "-L", label_regex,
                          "-R", name_regex, "-j", str(jobs), "--output-junit", str(junit),
                          *(extra or [])], cwd=layout.ROOT, capture_output=True, text=True)
    if not junit.exists():
        return []
    results = read_junit(junit)
    # CTest's JUnit leaves the message of a crash or a timeout empty; its console line says it.
    verdicts = dict(CTEST_VERDICT.findall(run.stdout))
    for r in results:
        verdict = verdicts.get(r.name, "")
        if r.status == WRONG and verdict:
            r.reason = "timeout" if verdict.startswith("Timeout") else "crash"
            r.detail = verdict.strip()
    return results


def read_junit(path: Path) -> list[TestResult]:
    results: list[TestResult] = []
    for case in ET.parse(path).getroot().iter("testcase"):
        name = case.get("name", "")
        out_node = case.find("system-out")
        output = out_node.text or "" if out_node is not None else ""
        status = case.get("status", "")
        seconds = float(case.get("time", "0") or 0)
        if status == "run":
            results.append(TestResult(name, PASSED, output, seconds=seconds))
        elif status == "notrun" and case.find("skipped") is not None:
            results.append(TestResult(name, NOT_STARTED, output, seconds=seconds))
        else:
            reason = "not built" if "_NOT_BUILT" in name else "assertion"
            results.append(TestResult(name, WRONG, output, reason, seconds=seconds))
    return results
