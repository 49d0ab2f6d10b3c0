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


# -- flags: --strict, --force, --note-numbers, --reference-doc ---------------------------------


def _markdown_draft(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_strict_refuses_unknown_sources_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _markdown_draft(
        tmp_path, "Stalin agreed.[@shen-2000, 52] Kim insisted.[@nobody-1999]\n"
    )
    out = tmp_path / "out.docx"
    args = ["export", str(draft), "--bibliography", str(SOURCES_JSON), "-o", str(out)]
    assert main([*args, "--strict"]) == 1
    err = capsys.readouterr().err
    assert "cites @nobody-1999, which no bibliography holds" in err
    assert not out.exists()
    assert main(args) == 0  # without --strict: a placeholder and a warning
    assert "nobody-1999" in capsys.readouterr().err
    assert out.exists()


def test_strict_refuses_an_empty_draft_and_a_missing_bibliography(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = _markdown_draft(tmp_path, "\n\n")
    assert main(["export", str(empty), "-o", str(tmp_path / "a.docx"), "--strict"]) == 1
    assert "draft.md is empty" in capsys.readouterr().err
    cited = _markdown_draft(tmp_path, "Stalin agreed.[@shen-2000, 52]\n")
    assert main(["export", str(cited), "-o", str(tmp_path / "b.docx"), "--strict"]) == 1
    assert "no bibliography was given" in capsys.readouterr().err
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize(
    ("lock_name", "program"),
    [
        ("~$gamble.docx", "Microsoft Word"),
        # Word drops the first two characters of a long name: ~$alins-korean-gamble.docx.
        ("~$alins-korean-gamble.docx", "Microsoft Word"),
        (".~lock.stalins-korean-gamble.docx#", "LibreOffice by Ada Student"),
    ],
)
def test_overwriting_a_file_open_in_word_or_libreoffice_asks_first(
    tmp_path: Path,
    word_draft: Path,
    capsys: pytest.CaptureFixture[str],
    lock_name: str,
    program: str,
) -> None:
    name = "gamble.docx" if lock_name == "~$gamble.docx" else "stalins-korean-gamble.docx"
    out = tmp_path / name
    out.write_bytes(b"the writer's open copy")
    (tmp_path / lock_name).write_text("Ada Student,laptop,ada,01.12.2026 09:00,file:///x;")
    args = ["export", str(word_draft), "-o", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"seems to be open in {program}" in err and "--force" in err
    assert out.read_bytes() == b"the writer's open copy"
    assert main([*args, "--force"]) == 0
    assert out.read_bytes() != b"the writer's open copy"


def test_note_numbers_and_reference_doc_flags(
    tmp_path: Path, word_draft: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    template = docx.Document()
    template.styles["Normal"].font.name = "Garamond"
    template_path = tmp_path / "template.docx"
    template.save(str(template_path))
    out = tmp_path / "out.docx"
    status = main(
        [
            "export",
            str(word_draft),
            "-o",
            str(out),
            "--note-numbers",
            "full-size",
            "--reference-doc",
            str(template_path),
        ]
    )
    assert status == 0, capsys.readouterr().err
    document = docx.Document(str(out))
    assert document.styles["Normal"].font.name == "Garamond"
    from assistant.export.footnotes import numbered_footnotes

    assert numbered_footnotes(document)[0].footnote.full_size_number
