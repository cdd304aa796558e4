"""Terminal output: colour on a terminal, plain text in logs (and when NO_COLOR is set)."""
import os
import sys

_COLOUR = sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

_CODES = {"green": "32", "red": "31", "yellow": "33", "blue": "34", "bold": "1", "dim": "2"}


def paint(text: str, *styles: str) -> str:
    if not _COLOUR or not styles:
        return text
    codes = ";".join(_CODES[s] for s in styles)
    return f"\033[{codes}m{text}\033[0m"


def heading(text: str) -> None:
    print(paint(f"== {text}", "bold"), flush=True)


def ok(text: str) -> str:
    return paint(text, "green")


def bad(text: str) -> str:
    return paint(text, "red")


def todo(text: str) -> str:
    return paint(text, "yellow")


def dim(text: str) -> str:
    return paint(text, "dim")


def fail(message: str, code: int = 2) -> "NoReturn":  # noqa: F821
    print(paint("error: ", "red", "bold") + message, file=sys.stderr)
    raise SystemExit(code)
