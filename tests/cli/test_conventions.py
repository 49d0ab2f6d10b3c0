"""Command-line conventions: --version, mistyped commands, closed pipes, `-`, JSON output."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import __version__
from assistant.cli import EXIT_BROKEN_PIPE, main
from assistant.paths import bundled_corpus_dir

SOURCES = bundled_corpus_dir() / "sources.json"
DRAFT = "---\ntitle: T\n---\n\nKim asked Stalin.[^1]\n\n[^1]: [See @shen-2000, 52].\n"
SRC = str(Path(__file__).resolve().parents[2] / "src")


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"assistant {__version__}"


def test_a_mistyped_command_is_an_error_not_the_app_opening(capsys, monkeypatch):
    def no_app(*args, **kwargs):
        raise AssertionError("the app must not open for a mistyped command")

    monkeypatch.setattr("assistant.cli._run_gui", no_app)
    with pytest.raises(SystemExit) as exit_info:
        main(["serch", "Acheson"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'serch'" in capsys.readouterr().err


def test_an_essay_path_still_opens_the_app(monkeypatch):
    opened = {}
    monkeypatch.setattr(
        "assistant.cli._run_gui", lambda args: opened.setdefault("essay", args.essay) and 0
    )
    assert main(["my.essay"]) == 0
    assert opened["essay"] == "my.essay"


def _set_stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_notes_reads_the_draft_from_stdin_and_prints_json(capsys, monkeypatch):
    _set_stdin(monkeypatch, DRAFT)
    assert main(["notes", "-", "--bibliography", str(SOURCES), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    (note,) = payload["notes"]
    assert note["number"] == 1 and note["text"].startswith("See Shen Zhihua, “Sino-Soviet")
    assert "<i>Journal of Cold War Studies</i>" in note["html"]
    assert payload["bibliography"][0]["text"].startswith("Shen Zhihua. “Sino-Soviet")
    assert payload["warnings"] == []


def test_export_reads_stdin_and_writes_markdown_to_stdout(capsys, monkeypatch):
    _set_stdin(monkeypatch, DRAFT)
    assert main(["export", "-", "-o", "-", "--bibliography", str(SOURCES)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("---\n") and "@shen-2000, 52]" in captured.out
    assert "wrote Markdown" in captured.err


def test_check_reads_the_draft_from_stdin(capsys, monkeypatch):
    _set_stdin(monkeypatch, DRAFT)
    assert main(["check", "-", "--format", "json"]) in (0, 1)
    assert isinstance(json.loads(capsys.readouterr().out), list)


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    items = [{"id": f"item-{n}", "type": "book", "title": "A title " * 8} for n in range(4000)]
    (corpus / "sources.json").write_text(json.dumps(items), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "library", "list", "--corpus", str(corpus), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": SRC},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()  # like `| head -1`
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == EXIT_BROKEN_PIPE
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_library_import_reads_an_export_from_stdin(capsys, monkeypatch, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _set_stdin(
        monkeypatch, "TY  - BOOK\nAU  - Goncharov, Sergei\nTI  - Partners\nPY  - 1993\nER  - \n"
    )
    assert main(["library", "import", "-", "--corpus", str(corpus)]) == 0
    assert "stdin.ris: 1 added" in capsys.readouterr().out
    _set_stdin(monkeypatch, "nothing recognisable")
    assert main(["library", "import", "-", "--corpus", str(corpus)]) == 2
    assert "not CSL-JSON, RIS or BibTeX" in capsys.readouterr().err
