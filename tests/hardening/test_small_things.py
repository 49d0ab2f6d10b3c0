"""Small things: a note said once, a losing indexer's exit status, `<img>` kept as text."""

from __future__ import annotations

from pathlib import Path

from assistant.cli import main
from assistant.library.importers import load_document
from assistant.search.index import SearchIndex

from .bounded import run_cli


def test_rebuilt_note_is_printed_once(tmp_path: Path, corpus: Path) -> None:
    index = tmp_path / "index"
    assert run_cli("index", "--corpus", str(corpus), "--index", str(index)).returncode == 0
    for segment in index.glob("MAIN_*.*"):  # every segment file
        segment.write_bytes(b"garbage")
    result = run_cli("index", "--corpus", str(corpus), "--index", str(index))
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "could not be read" in line]
    assert len(notes) == 1 and notes[0].startswith("note: The index in "), result.stderr


def test_losing_concurrent_indexer_exits_non_zero(
    tmp_path: Path, corpus: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    index = tmp_path / "index"
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 0
    capsys.readouterr()
    from whoosh import index as whoosh_index

    holder = whoosh_index.open_dir(str(index)).writer()  # the other indexer, mid-run
    try:
        # Don't wait 10 s for the lock (lock_timeout, corpus_dir).
        monkeypatch.setattr(SearchIndex.__init__, "__defaults__", (0.2, None))
        status = main(["index", "--rebuild", "--corpus", str(corpus), "--index", str(index)])
    finally:
        holder.cancel()
    captured = capsys.readouterr()
    assert status == 1
    assert "another program is updating this index; nothing was changed" in captured.err


def test_literal_img_tag_in_a_source_is_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "html-ish.md"
    path.write_text(
        "# Notes\n\nThe archive file shows <img src=x onerror=alert(1)> in the scan.\n\n"
        "Use <b>bold</b> and a < b comparison.\n\nA <iframe> and a <subtitle> tag.\n",
        encoding="utf-8",
    )
    text = " ".join(p.text for p in load_document(path, "html-ish").passages)
    assert "<img src=x onerror=alert(1)>" in text
    assert "<iframe>" in text and "<subtitle>" in text  # not <i> or <sub>
    # HTML emphasis is still markup a reader never sees, as before.
    assert "Use bold and a < b comparison." in text
