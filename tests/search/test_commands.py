"""`assistant index` and `assistant search` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.cli import main


def test_index_then_search_json(corpus_dir, tmp_path, capsys):
    index = tmp_path / "index"
    assert main(["index", "--corpus", str(corpus_dir), "--index", str(index)]) == 0
    out, err = capsys.readouterr()
    assert "Indexed 3 source(s)" in out and "0 problem(s)" in out
    assert "shen-2000" in err  # progress names each source

    status = main(
        [
            "search",
            "Acheson defense perimeter",
            "--json",
            "--limit",
            "3",
            "--corpus",
            str(corpus_dir),
            "--index",
            str(index),
        ]
    )
    assert status == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["query"] == "Acheson defense perimeter"
    assert payload["total"] >= 3
    assert len(payload["hits"]) == 3
    first = payload["hits"][0]
    assert set(first) >= {
        "source",
        "passage",
        "section",
        "page",
        "kind",
        "score",
        "snippet",
        "text",
    }
    assert {h["source"] for h in payload["hits"]} == {"shen-2000", "shuster-2019"}
    assert "<b>" in first["snippet"]


def test_reindex_reports_unchanged(corpus_dir, tmp_path, capsys):
    args = ["index", "--corpus", str(corpus_dir), "--index", str(tmp_path / "index")]
    main(args)
    capsys.readouterr()
    assert main(args) == 0
    assert "Indexed 0 source(s)" in capsys.readouterr().out
    assert main([*args, "--rebuild"]) == 0
    assert "Indexed 3 source(s)" in capsys.readouterr().out


def test_search_builds_a_missing_index_first(corpus_dir, tmp_path, capsys):
    status = main(
        ["search", "Gottwald", "--corpus", str(corpus_dir), "--index", str(tmp_path / "i")]
    )
    out, err = capsys.readouterr()
    assert status == 0
    assert "Indexing" in err
    assert "shuster-2019" in out and "GOTTWALD" in out


def test_malformed_query_prints_a_message_and_exits_2(corpus_dir, tmp_path, capsys):
    args = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index")]
    assert main(["search", '"defense perimeter', *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "never closed" in err
    assert "Traceback" not in err


def test_bad_limit_exits_2(corpus_dir, tmp_path, capsys):
    args = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index")]
    assert main(["search", "Stalin", "--limit", "0", *args]) == 2
    assert "--limit" in capsys.readouterr().err


def test_missing_corpus_folder_is_a_clear_error(tmp_path, capsys):
    status = main(["index", "--corpus", str(tmp_path / "nope"), "--index", str(tmp_path / "i")])
    assert status == 2
    assert "does not exist" in capsys.readouterr().err


def test_problems_are_listed_and_the_rest_indexed(corpus_dir, tmp_path, capsys):
    (corpus_dir / "empty.md").write_bytes(b"")
    status = main(["index", "--corpus", str(corpus_dir), "--index", str(tmp_path / "index")])
    out, err = capsys.readouterr()
    assert status == 0
    assert "problem: empty.md: the file is empty." in err
    assert "Indexed 3 source(s)" in out


def test_a_misspelt_word_is_corrected_and_the_output_says_so(corpus_dir, tmp_path, capsys):
    args = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index")]
    assert main(["search", "Achesen", *args]) == 0
    out = capsys.readouterr().out
    assert "Showing results for 'Acheson' ('Achesen' is in no passage)" in out
    assert "Acheson" in out.split("Showing results", 1)[1]


def test_a_word_in_no_passage_without_a_correction_says_no_passages(corpus_dir, tmp_path, capsys):
    args = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index")]
    assert main(["search", "Qwxzvbnm", *args]) == 0
    assert "No passages match 'Qwxzvbnm'." in capsys.readouterr().out


def test_relaxed_results_name_the_missing_words(corpus_dir, tmp_path, capsys):
    args = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index"), "--json"]
    assert main(["search", "Acheson perimeter speech zeppelin", *args]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["relaxed"] and payload["not_found"] == ["zeppelin"]
    assert payload["hits"] and all("zeppelin" in hit["missing"] for hit in payload["hits"])


def test_console_entry_point_runs_as_a_module(corpus_dir, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "search",
            "kind:note Shifrtelgramma",
            "--limit",
            "2",
            "--corpus",
            str(corpus_dir),
            "--index",
            str(tmp_path / "index"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "[note]" in result.stdout and "Shifrtelgramma" in result.stdout


def test_search_uses_the_corpus_synonyms_file(corpus_dir, tmp_path, capsys):
    for item in corpus_dir.iterdir():
        item.chmod(0o644)
    args = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index"), "--json"]
    assert main(["search", "Kremlinology", *args]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0
    (corpus_dir / "synonyms.csv").write_text("Kremlinology, Shifrtelgramma\n", encoding="utf-8")
    assert main(["search", "Kremlinology", *args]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0


def test_the_synonyms_file_is_not_indexed_as_a_source(corpus_dir, tmp_path):
    from assistant.library.corpus import Library

    (corpus_dir / "synonyms.csv").write_text("truce, armistice\n", encoding="utf-8")
    assert "synonyms" not in {s.id for s in Library.open(corpus_dir).sources}


def test_relaxed_results_say_how_many_passages_have_every_word(corpus_dir, tmp_path, capsys):
    args = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index")]
    assert main(["search", "Gottwald letter", "--json", *args]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["relaxed"] and 0 < payload["all_words"] < 10
    assert all(not hit["missing"] for hit in payload["hits"][: payload["all_words"]])
    assert main(["search", "Gottwald letter", *args]) == 0
    out = capsys.readouterr().out
    assert f"Only {payload['all_words']} passage(s) have all the words" in out
