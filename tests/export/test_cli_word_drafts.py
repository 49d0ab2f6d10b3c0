"""The commands read a Word draft: `export DRAFT.docx -o OUT.md|OUT.essay`, `notes`, `check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.essay.store import load_essay
from assistant.export.docx import export_docx

from .docx_readback import SOURCES_JSON, sample_essay


@pytest.fixture
def word_draft(tmp_path: Path) -> Path:
    path = tmp_path / "edited.docx"
    export_docx(sample_essay(), path)
    return path


def test_word_draft_to_essay_file_keeps_notes_and_items(
    tmp_path: Path, word_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "back.essay"
    assert main(["export", str(word_draft), "-o", str(out)]) == 0
    stdout = capsys.readouterr().out
    assert f"wrote {out}" in stdout and "5 notes" in stdout
    essay = load_essay(out)
    assert essay.notes() == sample_essay().notes()
    assert set(essay.items) == set(sample_essay().cited_ids())


def test_word_draft_to_markdown_has_pandoc_citations(
    tmp_path: Path, word_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "back.md"
    assert main(["export", str(word_draft), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "[@shen-2000, 52]" in text and "[@zubok-pleshakov-1996, 62]" in text


def test_notes_of_a_word_draft_equal_the_markdown_drafts(
    tmp_path: Path, word_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(word_draft), "-o", str(tmp_path / "back.md")]) == 0
    capsys.readouterr()
    assert main(["notes", str(word_draft), "--bibliography", str(SOURCES_JSON)]) == 0
    from_word = capsys.readouterr().out
    assert main(["notes", str(tmp_path / "back.md"), "--bibliography", str(SOURCES_JSON)]) == 0
    from_markdown = capsys.readouterr().out
    assert from_word == from_markdown
    assert from_word.startswith("1. Shen Zhihua, “Sino-Soviet Relations")


def test_check_reads_a_word_draft(word_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(word_draft)])
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    assert "Traceback" not in err
    assert "cited quotation" in out


def test_a_damaged_word_draft_exits_2_with_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    for command in (
        ["export", str(broken), "-o", str(tmp_path / "x.md")],
        ["notes", str(broken), "--bibliography", str(SOURCES_JSON)],
        ["check", str(broken)],
    ):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "broken.docx: not a Word document" in err and "Traceback" not in err
    assert not (tmp_path / "x.md").exists()
