"""`assistant library import|list|sync`."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from assistant.cli import main
from tests.library.test_zotero import _build

FIXTURES = Path(__file__).resolve().parents[1] / "library" / "fixtures"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


def test_import_a_bib_file_then_list_it_as_json(corpus, tmp_path, capsys):
    # The biblatex examples, their five keys with a "/" (which cannot name a file) renamed.
    text = (FIXTURES / "bib" / "biblatex-examples.bib").read_text(encoding="utf-8")
    bib = tmp_path / "examples.bib"
    bib.write_text(re.sub(r"^(@\w+\{[^,/]*)/", r"\1-", text, flags=re.MULTILINE), "utf-8")
    assert main(["library", "import", str(bib), "--corpus", str(corpus)]) == 0
    assert "92 added" in capsys.readouterr().out
    assert main(["library", "import", str(bib), "--corpus", str(corpus)]) == 0
    assert "0 added, 0 updated, 92 unchanged" in capsys.readouterr().out
    assert main(["library", "list", "--corpus", str(corpus), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 92
    aksin = next(r for r in rows if r["id"] == "aksin")
    assert aksin["type"] == "article-journal" and aksin["file"] is None
    assert aksin["title"].startswith("Effect of immobilization")
    assert set(aksin) >= {"id", "type", "title", "file"}


def test_import_a_zotero_collection_with_its_pdfs(corpus, tmp_path, capsys):
    template = _build(tmp_path / "zot")
    status = main(
        [
            "library",
            "import",
            str(template / "Zotero"),
            "--corpus",
            str(corpus),
            "--collection",
            "Korean War",
            "--base-dir",
            str(template / "Attachments"),
        ]
    )
    assert status == 0
    out = capsys.readouterr().out
    assert "Zotero (Korean War): 2 added" in out and "2 documents copied" in out
    main(["library", "list", "--corpus", str(corpus), "--json"])
    files = {r["id"]: r["file"] for r in json.loads(capsys.readouterr().out)}
    assert files == {"cia1950": "cia1950.pdf", "goncharov-1993": "goncharov-1993.pdf"}


def test_ris_without_ids_gets_the_same_keys_in_notes_and_library(corpus, tmp_path, capsys):
    ris = tmp_path / "export.ris"
    ris.write_text(
        "TY  - JOUR\nAU  - Matray, James I.\nTI  - Dean Acheson's Press Club Speech "
        "Reexamined\nT2  - Journal of Conflict Studies\nPY  - 2002\nER  - \n",
        encoding="utf-8",
    )
    draft = tmp_path / "d.md"
    draft.write_text("Text.[^1]\n\n[^1]: [@matray-2002, 4].\n", encoding="utf-8")
    assert main(["notes", str(draft), "--bibliography", str(ris)]) == 0
    assert "James I. Matray, “Dean Acheson" in capsys.readouterr().out
    assert main(["library", "import", str(ris), "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    main(["library", "list", "--corpus", str(corpus), "--json"])
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["matray-2002"]


def test_held_back_records_exit_1_and_are_printed(corpus, tmp_path, capsys):
    bib = tmp_path / "dups.bib"
    bib.write_text("@book{a, title = {One}}\n@book{a, title = {Two}}\n", encoding="utf-8")
    assert main(["library", "import", str(bib), "--corpus", str(corpus)]) == 1
    assert "appears twice" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["library", "import", "nowhere.bib"], "does not exist"),
        (["library", "import", "refs.xml"], "unknown metadata format"),
        (["library", "import", "refs.bib", "--collection", "X"], "applies to a Zotero library"),
    ],
)
def test_bad_sources_exit_2_with_a_message(
    corpus, tmp_path, capsys, monkeypatch, arguments, message
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.xml").write_text("<x/>")
    (tmp_path / "refs.bib").write_text("@book{a, title = {A}}")
    assert main([*arguments, "--corpus", str(corpus)]) == 2
    assert message in capsys.readouterr().err


def test_linked_export_is_synced_when_it_changes(corpus, tmp_path, capsys):
    bib = tmp_path / "auto.bib"
    bib.write_text("@book{a, title = {First}}\n", encoding="utf-8")
    assert main(["library", "import", str(bib), "--corpus", str(corpus), "--link"]) == 0
    capsys.readouterr()
    assert main(["library", "sync", "--corpus", str(corpus)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    bib.write_text("@book{a, title = {Second}}\n@book{b, title = {B}}\n", encoding="utf-8")
    stat = bib.stat()
    os.utime(bib, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert main(["library", "sync", "--corpus", str(corpus)]) == 0
    assert "auto.bib: 1 added, 1 updated" in capsys.readouterr().out


def test_list_reports_skipped_folders(corpus, capsys):
    (corpus / ".obsidian").mkdir()
    (corpus / "notes").mkdir()
    (corpus / "notes" / "n.md").write_text("# N\n\nText.\n")
    assert main(["library", "list", "--corpus", str(corpus)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("n\t")
    assert "skipped .obsidian/ (hidden or app folder)" in captured.err


def test_notes_reports_an_id_used_twice_in_a_bib_file(tmp_path, capsys):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{a, author = {Roe, Bo}, title = {First}, year = 2000}\n"
        "@book{a, author = {Poe, Al}, title = {Second}, year = 2001}\n",
        encoding="utf-8",
    )
    draft = tmp_path / "d.md"
    draft.write_text("Text.[^1]\n\n[^1]: [@a, 4].\n", encoding="utf-8")
    assert main(["notes", str(draft), "--bibliography", str(bib)]) == 0
    captured = capsys.readouterr()
    assert "Bo Roe, First" in captured.out
    assert "the id 'a' appears twice; the first is used" in captured.err
