"""Bad input to the Pandoc Markdown reader: a clear message, bounded time and memory, no loss."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from assistant.essay import pandoc_ast
from assistant.essay.frontmatter import FrontMatterError, load_yaml
from assistant.essay.markdown import PandocError, PandocMissingError, read_markdown
from assistant.essay.outline import outline_from_markdown


@pytest.fixture
def fake_pandoc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Install a stand-in pandoc executable made of a shell script."""

    def install(script: str) -> Path:
        path = tmp_path / "pandoc"
        path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
        monkeypatch.setattr(pandoc_ast, "pandoc_executable", lambda: str(path))
        pandoc_ast._run.cache_clear()
        return path

    yield install
    pandoc_ast._run.cache_clear()


def test_pandoc_missing_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> str:
        raise PandocMissingError("Pandoc is needed to read Pandoc Markdown and was not found")

    monkeypatch.setattr(pandoc_ast, "pandoc_executable", missing)
    pandoc_ast._run.cache_clear()
    with pytest.raises(PandocMissingError, match="Pandoc is needed"):
        read_markdown("A draft no one has read before.")
    pandoc_ast._run.cache_clear()


def test_no_pandoc_anywhere_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypandoc

    pandoc_ast._find_pandoc.cache_clear()
    monkeypatch.setattr(pypandoc, "get_pandoc_path", lambda: (_ for _ in ()).throw(OSError()))
    monkeypatch.setenv("PATH", "/nonexistent")
    try:
        with pytest.raises(PandocMissingError, match="pip install pypandoc-binary"):
            pandoc_ast.pandoc_executable()
    finally:
        pandoc_ast._find_pandoc.cache_clear()


def test_pandoc_failing_gives_its_message(fake_pandoc) -> None:  # type: ignore[no-untyped-def]
    fake_pandoc('echo "pandoc: something broke" >&2; exit 1')
    with pytest.raises(PandocError, match="something broke"):
        read_markdown("Some text.")


def test_pandoc_output_that_is_not_json(fake_pandoc) -> None:  # type: ignore[no-untyped-def]
    fake_pandoc("cat > /dev/null; echo not json")
    with pytest.raises(PandocError, match="output could not be read"):
        read_markdown("Some text.")


def test_a_hanging_pandoc_is_stopped(fake_pandoc, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    fake_pandoc("sleep 30")
    monkeypatch.setattr(pandoc_ast, "TIMEOUT", 0.5)
    started = time.monotonic()
    with pytest.raises(PandocError, match=r"longer than 0\.5 seconds"):
        pandoc_ast.parse_markdown("text", timeout=0.5)
    assert time.monotonic() - started < 10


def test_huge_input_is_refused_before_pandoc_runs(fake_pandoc) -> None:  # type: ignore[no-untyped-def]
    marker = fake_pandoc("touch ran; exit 1")
    with pytest.raises(PandocError, match="too long"):
        read_markdown("word " * (pandoc_ast.MAX_CHARS // 5 + 1))
    assert not (marker.parent / "ran").exists()


def test_binary_garbage_is_refused_with_a_reason() -> None:
    with pytest.raises(PandocError, match="NUL bytes"):
        read_markdown(bytes(range(256)).decode("latin-1"))


def test_garbage_without_nul_bytes_is_read_as_text() -> None:
    text = bytes(range(1, 256)).decode("latin-1") * 2
    result = read_markdown(text)
    assert result.essay.blocks  # nothing crashed; Pandoc read some paragraphs


def test_input_pandoc_chokes_on_is_stopped_in_bounded_time() -> None:
    # Pandoc's Markdown reader takes exponential time and memory on this (12 copies of every
    # byte but NUL: over 100 s and 2.5 GB unbounded); the timeout and heap limit stop it.
    text = bytes(range(1, 256)).decode("latin-1") * 12
    started = time.monotonic()
    with pytest.raises(PandocError, match=r"longer than 3 seconds|more memory"):
        pandoc_ast.parse_markdown(text, timeout=3)
    assert time.monotonic() - started < 15


def test_invalid_yaml_further_down_is_read_as_text() -> None:
    result = read_markdown("Intro.\n\n---\ntitle: [broken\n---\n\nAfter.")
    texts = [b.text for b in result.essay.blocks]
    assert texts[0] == "Intro." and texts[-1] == "After."
    assert any("not valid YAML metadata" in w for w in result.warnings)


def test_a_yaml_bomb_in_the_front_matter_is_refused() -> None:
    # "Billion laughs": ten levels of twelve aliases each expand to 12**10 strings.
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 12)}]\n"
        for n in range(10)
    )
    with pytest.raises(FrontMatterError, match="aliases"):
        load_yaml(bomb)
    result = read_markdown(f"---\n{bomb}---\n\nBody text.")
    assert result.essay.blocks[-1].text == "Body text."
    assert result.warnings[0].startswith("line ")
    assert "aliases (*name) expand to more than front matter can hold" in result.warnings[0]
    assert result.essay.blocks[0].kind == "code"  # the front matter kept, as written


def test_deeply_nested_front_matter_is_refused() -> None:
    with pytest.raises(FrontMatterError, match="nests more than"):
        load_yaml("a: " + "[" * 200 + "]" * 200)


def test_outline_reading_reports_pandoc_failure(fake_pandoc) -> None:  # type: ignore[no-untyped-def]
    fake_pandoc("exit 3")
    with pytest.raises(PandocError):
        outline_from_markdown("# A heading")


def test_cli_notes_reports_an_unreadable_draft(tmp_path: Path) -> None:
    from io import StringIO

    from assistant.cli import main

    draft = tmp_path / "draft.md"
    draft.write_bytes(b"Text\x00with a NUL byte.")
    bibliography = tmp_path / "sources.json"
    bibliography.write_text("[]", encoding="utf-8")
    err = StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["notes", str(draft), "--bibliography", str(bibliography)])
    assert code == 2
    assert "NUL bytes" in err.getvalue()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_pandoc_that_cannot_start(fake_pandoc) -> None:  # type: ignore[no-untyped-def]
    path = fake_pandoc("exit 0")
    path.chmod(0o600)
    with pytest.raises(PandocMissingError, match="could not be started"):
        read_markdown("text")


def test_a_pandoc_without_rts_options_is_run_without_the_heap_limit(fake_pandoc) -> None:  # type: ignore[no-untyped-def]
    fake_pandoc(
        'case "$1" in +RTS) echo "pandoc: Most RTS options are disabled." >&2; exit 1;; esac\n'
        "cat > /dev/null\n"
        'echo \'{"pandoc-api-version":[1,23,1,1],"meta":{},"blocks":['
        '{"t":"Para","c":[{"t":"Str","c":"Read."}]}]}\''
    )
    assert [b.text for b in read_markdown("Read.").essay.blocks] == ["Read."]
