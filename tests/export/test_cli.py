"""`assistant export`: drafts in, Word out; bad input gets a message and exit status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.essay.store import SCHEMA_VERSION, save_essay

from .docx_readback import REPO_ROOT, SOURCES_JSON, footnote_texts, open_docx, sample_essay


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["export", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


@pytest.fixture
def essay_file(tmp_path: Path) -> Path:
    path = tmp_path / "gamble.essay"
    save_essay(sample_essay(), path)
    return path


def test_essay_file_to_docx(tmp_path: Path, essay_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "gamble.docx"
    status, stdout, stderr = run(capsys, str(essay_file), "-o", str(out))
    assert status == 0, stderr
    assert f"wrote {out}" in stdout and "5 footnotes, 3 bibliography entries" in stdout
    notes = footnote_texts(out)
    assert len(notes) == 5
    assert notes[2] == (3, "Shen, “Sino-Soviet Relations,” 55.")
    assert open_docx(out).core_properties.title == "Stalin's Korean Gamble"


def test_title_page_ibid_and_no_bibliography_flags(
    tmp_path: Path, essay_file: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "gamble.docx"
    status, _, stderr = run(
        capsys,
        str(essay_file),
        "-o",
        str(out),
        "--title-page",
        "--course",
        "HIST 301",
        "--date",
        "May 1, 2026",
        "--no-bibliography",
        "--ibid",
    )
    assert status == 0, stderr
    document = open_docx(out)
    assert len(document.sections) == 2
    assert [p.text for p in document.paragraphs[:4]] == [
        "Stalin's Korean Gamble",
        "Ada Student",
        "HIST 301",
        "May 1, 2026",
    ]
    assert "Bibliography" not in [p.text for p in document.paragraphs]


def test_bibliography_file_updates_the_snapshot(tmp_path: Path, essay_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    items = json.loads(SOURCES_JSON.read_text(encoding="utf-8"))
    for item in items:
        if item["id"] == "shen-2000":
            item["volume"] = "9"
    bibliography = tmp_path / "fresh.json"
    bibliography.write_text(json.dumps(items), encoding="utf-8")
    out = tmp_path / "gamble.docx"
    status, _, stderr = run(
        capsys, str(essay_file), "--bibliography", str(bibliography), "-o", str(out)
    )
    assert status == 0, stderr
    assert "Journal of Cold War Studies 9, no. 2" in footnote_texts(out)[0][1]


def test_source_lost_from_the_snapshot_warns_and_exports(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    essay = sample_essay()
    del essay.items["shuster-2019"]
    path = tmp_path / "lost.essay"
    save_essay(essay, path)
    out = tmp_path / "lost.docx"
    status, _, stderr = run(capsys, str(path), "-o", str(out))
    assert status == 0
    assert "warning: Note 4:" in stderr and "shuster-2019" in stderr
    assert "shuster-2019" in dict(footnote_texts(out))[4]


def test_essay_file_cut_in_half(tmp_path: Path, essay_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    save_essay(sample_essay(), essay_file)  # second save: the first is now a good backup
    data = essay_file.read_bytes()
    essay_file.write_bytes(data[: len(data) // 2])
    damaged = essay_file.read_bytes()
    status, _, stderr = run(capsys, str(essay_file), "-o", str(tmp_path / "out.docx"))
    assert status == 2
    assert "damaged" in stderr and "newest good backup" in stderr
    assert "To export that backup instead: assistant export" in stderr
    assert essay_file.read_bytes() == damaged
    assert not (tmp_path / "out.docx").exists()


def test_essay_file_of_a_newer_schema(tmp_path: Path, essay_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(essay_file.read_text(encoding="utf-8"))
    document["schema_version"] = SCHEMA_VERSION + 1
    essay_file.write_text(json.dumps(document), encoding="utf-8")
    before = essay_file.read_bytes()
    status, _, stderr = run(capsys, str(essay_file), "-o", str(tmp_path / "out.docx"))
    assert status == 2
    assert "newer version" in stderr
    assert essay_file.read_bytes() == before


@pytest.mark.parametrize(
    ("draft_name", "content", "output_name", "message"),
    [
        ("missing.essay", None, "out.docx", "does not exist"),
        (
            "notes.txt",
            "text",
            "out.docx",
            "give a Pandoc Markdown file (.md), an essay file (.essay) or a Word file",
        ),
        ("gamble.essay", "essay", "out.pdf", "must end in .docx (Word), .md (Markdown) or .essay"),
    ],
)
def test_bad_paths(
    tmp_path: Path, essay_file: Path, capsys, draft_name, content, output_name, message
) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / draft_name
    if content == "text":
        draft.write_text("plain notes", encoding="utf-8")
    status, _, stderr = run(capsys, str(draft), "-o", str(tmp_path / output_name))
    assert status == 2
    assert message in stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", '[{"id": "a", ', "not valid JSON (line 1"),
        # The CSL-data schema requires a type; an item without one is not CSL-JSON.
        ("notype.json", '[{"title": "No type here"}]', "'type' is a required property"),
        ("sources.xml", "<xml/>", "unknown metadata format"),
        ("absent.json", None, "does not exist"),
    ],
)
def test_bad_bibliography_files(
    tmp_path: Path, essay_file: Path, capsys, name, content, message
) -> None:  # type: ignore[no-untyped-def]
    bibliography = tmp_path / name
    if content is not None:
        bibliography.write_text(content, encoding="utf-8")
    out = tmp_path / "out.docx"
    status, _, stderr = run(
        capsys, str(essay_file), "--bibliography", str(bibliography), "-o", str(out)
    )
    assert status == 2
    assert message in stderr
    assert not out.exists()


def test_unwritable_output_keeps_the_previous_export(
    tmp_path: Path, essay_file: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import errno

    out = tmp_path / "gamble.docx"
    out.write_bytes(b"yesterday's export")

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    status, stdout, stderr = run(capsys, str(essay_file), "-o", str(out))
    assert status == 2
    assert "the disk is full" in stderr and "gamble.docx was left as it was" in stderr
    assert out.read_bytes() == b"yesterday's export"
    assert "wrote" not in stdout


def test_output_must_not_overwrite_the_draft(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.md"
    draft.write_text("# Draft\n", encoding="utf-8")
    status, _, stderr = run(capsys, str(draft), "-o", str(draft))
    assert status == 2
    assert "is the draft itself" in stderr
    assert draft.read_text(encoding="utf-8") == "# Draft\n"


def test_real_process_exit_status(tmp_path: Path) -> None:
    """Through `python -m assistant`, as a shell script would call it."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}
    completed = subprocess.run(
        [sys.executable, "-m", "assistant", "export", str(tmp_path / "none.essay"), "-o", "x.docx"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert completed.returncode == 2
    assert completed.stderr.startswith("error: the draft")
    assert "Traceback" not in completed.stderr


def _draft(folder: Path, body: str, front: str = "") -> Path:
    draft = folder / "draft.md"
    draft.write_text(
        f"---\ntitle: Draft\nauthor: Ada Student\n{front}---\n\n{body}", encoding="utf-8"
    )
    return draft


def test_markdown_draft_uses_its_front_matter_bibliography(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "sources.json").write_bytes(SOURCES_JSON.read_bytes())
    draft = _draft(
        tmp_path,
        "Stalin hesitated.[@shen-2000, 52] Then he agreed.[@shen-2000, 60]\n",
        front="bibliography: refs/sources.json\n",
    )
    out = tmp_path / "draft.docx"
    status, _, stderr = run(capsys, str(draft), "-o", str(out))
    assert status == 0, stderr
    notes = footnote_texts(out)
    assert notes[0][1].startswith("Shen Zhihua, “Sino-Soviet Relations")
    assert notes[1] == (2, "Shen, “Sino-Soviet Relations,” 60.")


def test_front_matter_naming_a_missing_bibliography(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, "Text.[@shen-2000, 52]\n", front="bibliography: gone.json\n")
    status, _, stderr = run(capsys, str(draft), "-o", str(tmp_path / "out.docx"))
    assert status == 2
    assert "names the bibliography gone.json, which does not exist" in stderr


def test_unclosed_citation_bracket_is_kept_as_text_with_a_warning(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    body = "Stalin hesitated.[@shen-2000, 52]\n\nThen he agreed [@shen-2000, 60 and said nothing.\n"
    draft = _draft(tmp_path, body)
    before = draft.read_bytes()
    out = tmp_path / "draft.docx"
    status, _, stderr = run(capsys, str(draft), "--bibliography", str(SOURCES_JSON), "-o", str(out))
    assert status == 0
    assert "warning: draft.md: line 8: unclosed citation bracket" in stderr
    body_text = [p.text for p in open_docx(out).paragraphs]
    assert "Then he agreed [@shen-2000, 60 and said nothing." in body_text
    assert len(footnote_texts(out)) == 1
    assert draft.read_bytes() == before


def test_markdown_draft_that_is_not_utf8(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.md"
    draft.write_bytes("Stalin’s gamble".encode("utf-16"))
    status, _, stderr = run(capsys, str(draft), "-o", str(tmp_path / "out.docx"))
    assert status == 2
    assert "is not UTF-8 text" in stderr


def test_essay_file_to_markdown_reads_back(tmp_path: Path, essay_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from assistant.essay.markdown import read_markdown

    out = tmp_path / "gamble.md"
    status, stdout, stderr = run(capsys, str(essay_file), "-o", str(out))
    assert status == 0, stderr
    assert "5 notes" in stdout
    again = read_markdown(out.read_text(encoding="utf-8"), sample_essay().items).essay
    assert again.title == "Stalin's Korean Gamble"
    assert again.notes() == sample_essay().notes()
    assert [b.text for b in again.blocks] == [b.text for b in sample_essay().blocks]


def test_read_only_output_folder(read_only_folder: Path, essay_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from .conftest import PREVIOUS

    out = read_only_folder / "essay.docx"
    status, _, stderr = run(capsys, str(essay_file), "-o", str(out))
    assert status == 2
    assert "is read-only or you do not have permission" in stderr
    assert "essay.docx was left as it was" in stderr
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["essay.docx"]


def test_markdown_draft_without_any_bibliography_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = _draft(tmp_path, "Stalin hesitated.[@shen-2000, 52]\n")
    out = tmp_path / "draft.docx"
    status, _, stderr = run(capsys, str(draft), "-o", str(out))
    assert status == 0
    first_warning = stderr.splitlines()[0]
    assert first_warning.startswith("warning: draft.md cites sources but no bibliography was given")
    assert "unknown source" in footnote_texts(out)[0][1]
