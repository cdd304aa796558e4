"""Debian packages the course needs, and installing whatever is missing.

Everything comes from Debian's archive: no downloads, no FetchContent, no pip.
"""
from __future__ import annotations

import os
import shutil
import subprocess

from grader import term

# What each command needs. "build" is enough to grade; "test" checks the whole project.
PACKAGES = {
    "build": ["cmake", "ninja-build", "g++", "libgtest-dev", "libgmock-dev", "libeigen3-dev",
              "zlib1g-dev", "libcli11-dev"],
    # fonts-noto-cjk: the glossary's and the chapters' Chinese terms, in Chromium's screenshots.
    "notes": ["doxygen", "graphviz", "libjs-mathjax", "gnuplot-nox", "fonts-noto-cjk"],
    "browser": ["chromium"],
    "lint": ["clang-format"],
    "data": ["dataset-fashion-mnist"],
    "watch": ["inotify-tools"],
    "fuzz": ["clang", "libclang-rt-dev"],
    "pytorch": ["python3-torch", "libopenblas0-pthread"],  # bench/ch07_pytorch.py
}
PURPOSES = {
    "grade": ["build"],
    "watch": ["build", "watch"],
    "notes": ["build", "notes"],
    "train": ["build", "notes", "data"],
    "screenshots": ["build", "notes", "browser"],
    "test": ["build", "notes", "browser", "lint", "data"],
    "long": ["build", "notes", "browser", "lint", "data", "fuzz"],
    "all": ["build", "notes", "browser", "lint", "data", "watch", "fuzz", "pytorch"],
}


def installed(package: str) -> bool:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                             capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:  # not a Debian system: trust what is on PATH
        return True
    return "install ok installed" in out


def missing(purpose: str) -> list[str]:
    wanted: list[str] = []
    for group in PURPOSES[purpose]:
        wanted.extend(p for p in PACKAGES[group] if p not in wanted)
    return [p for p in wanted if not installed(p)]


def ensure(purpose: str) -> None:
    """Installs what `purpose` needs: apt-get as root, sudo -n otherwise, or says what to run."""
    need = missing(purpose)
    if not need:
        return
    command = ["apt-get", "install", "-y", *need]
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"],
                                                 capture_output=True).returncode == 0:
        prefix = ["sudo", "-n"]
    else:
        term.fail("these Debian packages are missing: " + " ".join(need) +
                  "\n  install them with:  sudo apt-get update && sudo " + " ".join(command))
    term.heading("installing " + " ".join(need))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    update = subprocess.run(prefix + ["apt-get", "update", "-qq"], env=env)
    if update.returncode != 0:
        term.fail("apt-get update failed; the packages above are still missing")
    if subprocess.run(prefix + command, env=env).returncode != 0:
        term.fail("apt-get install failed for: " + " ".join(need))
    still = missing(purpose)
    if still:
        term.fail("still missing after apt-get install: " + " ".join(still))
