"""`assistant check`: output, exit status and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main

CLEAN = """---
title: Stalin and Korea
---

# Introduction

Stalin told Mao that "in light of the altered international situation, we agree with the
proposal of the Koreans to move toward reunification."[@shen-2000, 44]

Shuster is blunt: the speech "had a negligible impact on decision making."[@shuster-2019, 31]
"""

FLAWED = """# Introduction

A first claim.[@shen-2000, 44]

Shuster concludes that "the speech had a small impact on decision making in the invasion of
South Korea."[@shuster-2019, 31] Later, "we agree with the proposal of the Koreans" became a
slogan.[@shuster-2019, 12]

Scholars "have been unable to explain this sudden and dramatic transformation" of policy.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["check", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def locations(corpus_dir: Path, tmp_path: Path) -> list[str]:
    return ["--corpus", str(corpus_dir), "--index", str(tmp_path / "no-index")]


def test_clean_draft_exits_0(capsys, tmp_path: Path, locations: list[str]) -> None:
    status, out, _ = run(capsys, str(write(tmp_path, "draft.md", CLEAN)), *locations)
    assert status == 0
    assert out.strip() == "Clean: 0 problems; 2 cited quotations checked."


def test_problems_are_printed_with_paragraph_and_note(capsys, tmp_path, locations) -> None:
    status, out, _ = run(capsys, str(write(tmp_path, "draft.md", FLAWED)), *locations)
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith(
        "draft.md: paragraph 2, note 2: error: quotation “the speech had a small impact"
    )
    assert "has “small” where the source has “negligible”" in lines[0]
    assert lines[1] == (
        "    source: “the speech had a [[negligible]] impact on decision making in the "
        "invasion of South Korea”"
    )
    assert lines[2] == (
        "    fix:    “the speech had a negligible impact on decision making in the invasion "
        "of South Korea.”"
    )
    assert lines[3].startswith("draft.md: paragraph 2, note 3: error: quotation “we agree with")
    assert "found word for word in Shen, “Sino-Soviet Relations”" in lines[3]
    assert lines[5].startswith("draft.md: paragraph 3: error: quotation “have been unable")
    assert "has no note" in lines[5]
    assert lines[-1] == "3 problems; 2 cited quotations checked."


def test_json_output(capsys, tmp_path: Path, locations: list[str]) -> None:
    status, out, _ = run(
        capsys, str(write(tmp_path, "draft.md", FLAWED)), *locations, "--format", "json"
    )
    assert status == 1
    problems = json.loads(out)
    assert [p["kind"] for p in problems] == ["misquotation", "wrong-source", "no-note"]
    first = problems[0]
    assert (first["paragraph"], first["note"]) == (2, 2)
    assert (first["block"], first["end_block"]) == (2, 2)  # the heading is block 0
    assert first["end"] - first["start"] == len(first["quotation"])
    assert first["differences"] == [{"kind": "changed", "source": "negligible", "quoted": "small"}]
    assert first["corrected_quotation"].startswith("the speech had a negligible impact")
    assert problems[1]["found_in"] == "shen-2000"


def test_essay_file_is_checked(capsys, tmp_path: Path, locations: list[str]) -> None:
    from assistant.essay.markdown import read_markdown
    from assistant.essay.store import save_essay

    essay = read_markdown(FLAWED).essay
    path = tmp_path / "draft.essay"
    save_essay(essay, path)
    status, out, _ = run(capsys, str(path), *locations)
    assert status == 1
    assert "draft.essay: paragraph 2, note 2: error: quotation “the speech had a small" in out


def test_bibliography_file_supplies_items(capsys, tmp_path: Path, locations) -> None:
    draft = write(
        tmp_path, "draft.md", 'He wrote "a phrase from a book we do not hold."[@roe-2001, 7]\n'
    )
    bibliography = write(
        tmp_path,
        "refs.json",
        json.dumps(
            [
                {
                    "id": "roe-2001",
                    "type": "book",
                    "title": "A Book",
                    "publisher": "Press",
                    "issued": {"date-parts": [[2001]]},
                }
            ]
        ),
    )
    status, out, _ = run(capsys, str(draft), "--bibliography", str(bibliography), *locations)
    # The source has no text in the library: a note, not a failure.
    assert status == 0
    assert "note 1: note: quotation “a phrase from a book we do not hold.” cannot check" in out
    assert "unknown" not in out


def test_unknown_source_without_bibliography_fails(capsys, tmp_path, locations) -> None:
    draft = write(tmp_path, "draft.md", "A claim.[@roe-2001, 7]\n")
    status, out, _ = run(capsys, str(draft), *locations)
    assert status == 1
    assert "cites “roe-2001”, which is not in the library or bibliography" in out


# --- bad input: exit 2 with a message, nothing written -----------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.md", None, "no such file"),
        ("draft.docx", b"PK", "draft.docx: not a Word document"),
        ("draft.md", b"\xff\xfe\x00bad", "not UTF-8 text"),
        ("draft.essay", b'{"schema": 2, "blocks": [', "draft.essay"),
    ],
)
def test_bad_draft_exits_2(capsys, tmp_path, locations, name, content, message) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    status, out, err = run(capsys, str(path), *locations)
    assert status == 2
    assert out == ""
    assert err.startswith("assistant check: ") and message in err
    if content is not None:
        assert path.read_bytes() == content  # never modified


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid CSL-JSON"),
        ('"a string"', "must be an array of items"),
        ('[{"title": "no id"}]', "item 1 has no id"),
    ],
)
def test_bad_bibliography_exits_2(capsys, tmp_path, locations, content, message) -> None:
    draft = write(tmp_path, "draft.md", CLEAN)
    bibliography = write(tmp_path, "refs.json", content)
    status, _, err = run(capsys, str(draft), "--bibliography", str(bibliography), *locations)
    assert status == 2
    assert message in err


def test_missing_bibliography_and_corpus_exit_2(capsys, tmp_path: Path) -> None:
    draft = write(tmp_path, "draft.md", CLEAN)
    status, _, err = run(capsys, str(draft), "--bibliography", str(tmp_path / "none.json"))
    assert (status, "no such bibliography file" in err) == (2, True)
    status, _, err = run(capsys, str(draft), "--corpus", str(tmp_path / "nowhere"))
    assert (status, "the corpus folder does not exist" in err) == (2, True)


def test_check_uses_the_index_when_there_is_one(capsys, tmp_path, corpus_dir) -> None:
    index_dir = tmp_path / "index"
    assert main(["index", "--corpus", str(corpus_dir), "--index", str(index_dir)]) == 0
    capsys.readouterr()
    draft = write(tmp_path, "draft.md", FLAWED)
    status, out, _ = run(capsys, str(draft), "--corpus", str(corpus_dir), "--index", str(index_dir))
    assert status == 1
    assert "found word for word in Shen, “Sino-Soviet Relations”" in out


BLOCK_QUOTES = """Shen puts it plainly:

> Scholars have been unable to explain this sudden and dramatic transformation of the Soviet
> Union's policy toward Korea in 1950.
>
> In the mid-1990s, the Russian government declassified a number of crucial documents on the
> Korean War.[@shen-2000, 45]

And Shuster:

> the speech had a minor impact on decision making.[@shuster-2019, 31]
"""


def test_block_quotations_in_markdown(capsys, tmp_path: Path, locations: list[str]) -> None:
    # The first spans two paragraphs (one quotation, cited by the note at its end) and passes;
    # the second is misquoted.
    status, out, _ = run(capsys, str(write(tmp_path, "draft.md", BLOCK_QUOTES)), *locations)
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith("draft.md: paragraph 5, note 2: error: quotation “the speech had")
    assert "has “minor” where the source has “negligible”" in lines[0]
    assert lines[-1] == "1 problem; 2 cited quotations checked."


def test_corpus_metadata_problems_are_reported_and_the_check_goes_on(capsys, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sources.json").write_text("[{broken", encoding="utf-8")
    draft = write(tmp_path, "draft.md", CLEAN)
    status, out, err = run(
        capsys, str(draft), "--corpus", str(corpus), "--index", str(tmp_path / "i")
    )
    assert status == 1  # the cited sources are unknown now
    assert err.startswith("corpus: ") and "sources.json" in err
    assert "cites “shen-2000”, which is not in the library or bibliography" in out
