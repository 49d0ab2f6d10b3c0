"""BibTeX and BibLaTeX read by Pandoc's own reader (`pandoc -f biblatex -t csljson`).

Pandoc's reader is the one Pandoc, Zettlr and `--citeproc` use, so a .bib file means here what
it means there: LaTeX accents and escapes decoded, brace-protected words and corporate names
kept whole, "Surname, Jr., Given" and BibLaTeX's `family=…, given=…, prefix=…` names split
right, `@string` macros expanded, `crossref` and `xdata` inherited, `month`/`day`/`date`/
`urldate` read as dates, `langid` as `language`, and every BibLaTeX entry type and
`entrysubtype` mapped to its CSL type. The Pandoc binary ships in the pypandoc-binary wheel.

What is left to do here: Pandoc passes TeX math through as `$…$`; it is rendered as Pandoc's
plain-text writer renders it (H$_2$O → H₂O). Pandoc writes CSL-JSON rich text as HTML-like
markup. The notes engine understands `<i>` (titles in italics); other markup (`<b>`, `<sup>`,
`<sub>`, small caps, `<span class="nocase">`) is reduced to its text, since Chicago notes print
none of it.
A syntax error in one entry makes Pandoc refuse the whole file, so the broken entry is left
out, reported with its line, and the rest read again.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.library.errors import ImportFailed

MAX_BIB_BYTES = 32 * 1024 * 1024
# Pandoc reads a 5 MB .bib in a few seconds; the bound keeps a pathological file from hanging
# an import forever.
PANDOC_TIMEOUT_S = 120
# How many broken entries are left out before the file is refused as not BibTeX at all.
MAX_BROKEN_ENTRIES = 25

_MARKUP = re.compile(
    r"</?(?:b|sup|sub|sc)>|<span (?:class=\"nocase\"|style=\"font-variant: ?small-caps;?\")>"
    r"|</span>"
)
# TeX math Pandoc passes through as `$...$` (H$_2$O, $4^{\textrm{e}}$); a `$` pair holding no
# TeX syntax is left alone, since "$5 and $6" is money, not math.
_MATH = re.compile(r"\$([^$\n]+)\$")
_TEX_SYNTAX = re.compile(r"[\\^_{}]")
_ERROR_AT = re.compile(r"\(line (\d+), column (\d+)\):\s*(.*)", re.DOTALL)
_ENTRY_START = re.compile(r"^\s*@", re.MULTILINE)


@dataclass
class BibResult:
    items: list[dict[str, Any]]
    problems: list[str] = field(default_factory=list)


def pandoc_path() -> str:
    try:
        import pypandoc
    except ImportError as error:  # pragma: no cover - pypandoc-binary is a dependency
        raise ImportFailed(
            "BibTeX", "reading .bib files needs Pandoc (pip install pypandoc-binary)."
        ) from error
    try:
        return str(pypandoc.get_pandoc_path())
    except OSError as error:  # pragma: no cover
        raise ImportFailed("BibTeX", f"Pandoc could not be found ({error}).") from error


def _run_pandoc(text: str, reader: str) -> tuple[list[dict[str, Any]] | None, str]:
    """CSL-JSON items, or None and Pandoc's error message."""
    try:
        done = subprocess.run(
            [pandoc_path(), "-f", reader, "-t", "csljson"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=PANDOC_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, f"reading took over {PANDOC_TIMEOUT_S} s and was stopped"
    if done.returncode != 0:
        return None, done.stderr.decode("utf-8", "replace").strip()
    data = json.loads(done.stdout.decode("utf-8") or "[]")
    return (data if isinstance(data, list) else []), ""


def _plain_markup(value: Any) -> Any:
    if isinstance(value, str):
        return _MARKUP.sub("", value)
    if isinstance(value, list):
        return [_plain_markup(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_markup(v) for k, v in value.items()}
    return value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def _replace_strings(value: Any, replace: Any) -> Any:
    if isinstance(value, str):
        return replace(value)
    if isinstance(value, list):
        return [_replace_strings(v, replace) for v in value]
    if isinstance(value, dict):
        return {k: _replace_strings(v, replace) for k, v in value.items()}
    return value


def _math_as_text(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """TeX math in the items rendered as Pandoc renders it in plain text (H₂O, x², α)."""
    segments = sorted(
        {
            match.group(0)
            for text in _strings(items)
            for match in _MATH.finditer(text)
            if _TEX_SYNTAX.search(match.group(1))
        }
    )
    if not segments:
        return items
    source = "\n\n".join(f"MATH{n}: {segment}" for n, segment in enumerate(segments))
    try:
        done = subprocess.run(
            [pandoc_path(), "-f", "markdown", "-t", "plain", "--wrap=none"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=PANDOC_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return items
    rendered: dict[str, str] = {}
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        match = re.match(r"^MATH(\d+): ?(.*)$", line)
        if match and int(match.group(1)) < len(segments):
            rendered[segments[int(match.group(1))]] = match.group(2).strip()
    if not rendered:
        return items
    pattern = re.compile("|".join(re.escape(s) for s in sorted(rendered, key=len, reverse=True)))
    return [
        _replace_strings(item, lambda text: pattern.sub(lambda m: rendered[m.group(0)], text))
        for item in items
    ]


def _drop_entry_at(text: str, line: int, column: int) -> tuple[str, str]:
    """The text without the entry Pandoc stopped in, and that entry's first line.

    Pandoc reports where it gave up: inside the broken entry, or at the "@" of the entry after
    it. The entry is blanked with as many newlines, so later errors keep their line numbers.
    """
    lines = text.split("\n")
    position = sum(len(part) + 1 for part in lines[: max(line - 1, 0)]) + max(column - 1, 0)
    starts = [m.end() - 1 for m in _ENTRY_START.finditer(text)]
    before = [s for s in starts if s < position] or starts[:1]
    if not before:
        return "", text.strip().split("\n", 1)[0][:80]
    start = before[-1]
    end = next((s for s in starts if s > start), len(text))
    head = text[start:end].strip().split("\n", 1)[0][:80]
    return text[:start] + "\n" * text[start:end].count("\n") + text[end:], head


def read_bibtex_text(text: str, name: str = "BibTeX", reader: str = "biblatex") -> BibResult:
    problems: list[str] = []
    for _attempt in range(MAX_BROKEN_ENTRIES + 1):
        items, error = _run_pandoc(text, reader)
        if items is not None:
            return BibResult(_math_as_text([_plain_markup(item) for item in items]), problems)
        match = _ERROR_AT.search(error)
        if not match:
            raise ImportFailed(name, f"Pandoc could not read it as BibTeX: {error[:300]}")
        line = int(match.group(1))
        text, head = _drop_entry_at(text, line, int(match.group(2)))
        problems.append(
            f"line {line}: the entry {head!r} is not valid BibTeX "
            f"({' '.join(match.group(3).split())[:120]}); it was left out."
        )
    raise ImportFailed(name, "too many broken entries; is it a BibTeX file? " + problems[0])


def read_bibtex(path: Path) -> BibResult:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BIB_BYTES:
            raise ImportFailed(path.name, "the .bib file is over 32 MB; split it up.")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            path.name, "the file is not UTF-8 text; export it from Zotero as UTF-8."
        ) from error
    except OSError as error:
        raise ImportFailed(path.name, f"the file cannot be read ({error.strerror}).") from error
    # Pandoc's own convention: .bib is BibLaTeX (which reads BibTeX fields too), .bibtex BibTeX.
    reader = "bibtex" if path.suffix.lower() == ".bibtex" else "biblatex"
    result = read_bibtex_text(text, path.name, reader)
    if not result.items:
        if "@" not in text:
            raise ImportFailed(path.name, "the file holds no BibTeX entries.")
        raise ImportFailed(
            path.name, "no BibTeX entry could be read. " + " ".join(result.problems[:2])
        )
    return result
