"""export_docx end to end: the Chicago engine's notes as real footnotes, read back from disk."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, NoteAnchor, Span
from assistant.export.docx import ExportError, ExportOptions, export_docx
from assistant.export.footnotes import numbered_footnotes

from .docx_readback import (
    bundled_items,
    footnote_texts,
    open_docx,
    paragraphs_by_style,
    sample_essay,
)

SHEN_FULL = (
    "Shen Zhihua, “Sino-Soviet Relations and the Origins of the Korean War: Stalin’s Strategic "
    "Goals in the Far East,” Journal of Cold War Studies 2, no. 2 (2000): 52."
)


def test_notes_are_chicago_full_then_short(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    report = export_docx(sample_essay(), path)
    notes = footnote_texts(path)
    assert [number for number, _ in notes] == [1, 2, 3, 4, 5]
    assert notes[0][1] == SHEN_FULL
    assert notes[1][1].startswith("Vladislav Zubok and Constantine Pleshakov, Inside the Kremlin")
    assert notes[2][1] == "Shen, “Sino-Soviet Relations,” 55."  # second citation: short form
    assert notes[3][1].startswith("Jacob Shuster, “Stalin’s Foreign Policy ‘Shift’:")
    assert notes[4][1] == "On the debate see both accounts.\nA second paragraph of commentary."
    assert (report.notes, report.bibliography_entries, report.warnings) == (5, 3, [])
    assert report.words == sample_essay().word_count()

    first = numbered_footnotes(open_docx(path))[0].footnote
    italic = [r.text for p in first.paragraphs for r in p.runs if r.italic]
    assert italic == ["Journal of Cold War Studies"]


def test_bibliography_lists_cited_sources_in_chicago_order(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    export_docx(sample_essay(), path)
    entries = paragraphs_by_style(open_docx(path), "Bibliography")
    assert [entry.split(".")[0] for entry in entries] == [
        "Shen Zhihua",
        "Shuster, Jacob",
        "Zubok, Vladislav, and Constantine Pleshakov",
    ]
    assert entries[0].endswith("Journal of Cold War Studies 2, no. 2 (2000): 44–68.")


def test_only_cited_sources_enter_the_bibliography(tmp_path: Path) -> None:
    essay = sample_essay()
    essay.blocks = essay.blocks[:1]  # cites Shen only
    path = tmp_path / "short.docx"
    export_docx(essay, path)
    assert [e[:11] for e in paragraphs_by_style(open_docx(path), "Bibliography")] == ["Shen Zhihua"]


def test_ibid_option(tmp_path: Path) -> None:
    essay = sample_essay()
    essay.blocks.append(
        Block(
            "paragraph",
            [
                Span("Once."),
                NoteAnchor(Note.of(Citation("shen-2000", "60"))),
                Span(" Twice."),
                NoteAnchor(Note.of(Citation("shen-2000", "61"))),
            ],
        )
    )
    plain, with_ibid = tmp_path / "plain.docx", tmp_path / "ibid.docx"
    export_docx(essay, plain)
    export_docx(essay, with_ibid, options=ExportOptions(ibid=True))
    assert footnote_texts(plain)[-1][1] == "Shen, “Sino-Soviet Relations,” 61."
    assert footnote_texts(with_ibid)[-1][1] == "Ibid., 61."


def test_without_bibliography(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    report = export_docx(sample_essay(), path, options=ExportOptions(include_bibliography=False))
    document = open_docx(path)
    assert "Bibliography" not in [p.text for p in document.paragraphs]
    assert report.bibliography_entries == 0
    assert len(footnote_texts(path)) == 5


def test_items_argument_overrides_the_essays_snapshot(tmp_path: Path) -> None:
    essay = sample_essay()
    items = bundled_items()
    items["shen-2000"] = {**items["shen-2000"], "volume": "3"}
    path = tmp_path / "essay.docx"
    export_docx(essay, path, items=items)
    assert "Journal of Cold War Studies 3, no. 2 (2000): 52." in footnote_texts(path)[0][1]


def test_source_missing_from_items_is_visible_and_export_succeeds(tmp_path: Path) -> None:
    essay = sample_essay()
    del essay.items["zubok-pleshakov-1996"]  # the library lost it, and so did the snapshot
    path = tmp_path / "essay.docx"
    report = export_docx(essay, path)
    notes = dict(footnote_texts(path))
    assert "zubok-pleshakov-1996" in notes[2] and "unknown source" in notes[2]
    assert notes[1] == SHEN_FULL  # the other notes are unaffected
    assert any(w.startswith("Note 2:") and "zubok-pleshakov-1996" in w for w in report.warnings)


def test_export_never_modifies_the_essay(tmp_path: Path) -> None:
    essay = sample_essay()
    before = copy.deepcopy(essay)
    export_docx(essay, tmp_path / "essay.docx", options=ExportOptions(title_page=True, ibid=True))
    assert essay == before


def test_failed_export_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "essay.docx"
    export_docx(sample_essay(), path)
    previous = path.read_bytes()
    essay = sample_essay()
    essay.title = "A New Title"

    import errno

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError, match="disk is full"):
        export_docx(essay, path)
    assert path.read_bytes() == previous
    assert open_docx(path).core_properties.title == "Stalin's Korean Gamble"


def test_markdown_export_is_atomic_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from assistant.essay.markdown import read_markdown
    from assistant.export.markdown import export_markdown

    path = tmp_path / "essay.md"
    export_markdown(sample_essay(), path)
    written = path.read_text(encoding="utf-8")
    assert read_markdown(written, bundled_items()).essay.notes() == sample_essay().notes()

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    changed = sample_essay()
    changed.title = "Another Title"
    with pytest.raises(ExportError, match="disk is full"):
        export_markdown(changed, path)
    assert path.read_text(encoding="utf-8") == written


def test_empty_essay_exports_a_valid_document(tmp_path: Path) -> None:
    from assistant.essay.model import Essay

    path = tmp_path / "empty.docx"
    report = export_docx(Essay(), path)
    assert (report.notes, report.bibliography_entries, report.words) == (0, 0, 0)
    document = open_docx(path)
    assert footnote_texts(path) == []
    assert [p.text for p in document.paragraphs] == []


def test_independent_xml_reading_agrees_with_the_footnotes_api(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    export_docx(sample_essay(), path)
    via_api = [(n.number, n.text) for n in numbered_footnotes(open_docx(path))]
    assert via_api == footnote_texts(path)
    assert len(via_api) == 5


def test_vertical_tab_and_form_feed_become_word_line_and_page_breaks(tmp_path: Path) -> None:
    # Word's own plain-text export writes a manual line break as U+000B and a page break as
    # U+000C; pasted back, they must not glue two words together.
    essay = sample_essay()
    essay.blocks[0].inlines.insert(0, Span("Seoul\vfell.\fPyongyang\vcelebrated. "))
    path = tmp_path / "breaks.docx"
    report = export_docx(essay, path)
    assert report.warnings == []
    body = open_docx(path).paragraphs
    first = next(p for p in body if "Seoul" in p.text)
    xml = first._p.xml
    assert first.text.startswith("Seoul\nfell.Pyongyang\ncelebrated. ")
    assert xml.count("<w:br/>") == 2
    assert xml.count('<w:br w:type="page"/>') == 1
