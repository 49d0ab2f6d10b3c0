"""Alias bombs, deep nesting and self-reference in front matter get a message, quickly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.essay.outline import outline_from_markdown
from assistant.yamlsafe import YAMLTooLarge, load_yaml

from .bounded import REPO_ROOT, run_cli, run_code

SOURCES_JSON = REPO_ROOT / "resources" / "corpus" / "sources.json"


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """The classic: each anchor a list of `width` aliases of the one before (9^9 strings)."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [" + ", ".join([previous] * width) + "]")
    lines.append(f"title: *a{levels - 1}")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "alias bomb": billion_laughs(),
    "string alias bomb": 's: &s "' + "x" * 100_000 + '"\nt: [' + ", ".join(["*s"] * 5000) + "]\n",
    "deep nesting": "title: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "self reference": "title: &t [a, *t]\n",
}


def draft(front_matter: str) -> str:
    return (
        "---\n" + front_matter + "---\n\n# Introduction\n\n"
        "Stalin approved the plan.[^1]\n\n[^1]: See [@shen-2000, 52].\n"
    )


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_loader_refuses_with_a_yaml_error(kind: str) -> None:
    with pytest.raises(YAMLTooLarge) as caught:
        load_yaml(HOSTILE[kind])
    assert isinstance(caught.value, yaml.YAMLError)
    assert caught.value.problem  # the callers word this into their warning


def test_loader_still_reads_ordinary_front_matter_with_aliases() -> None:
    data = load_yaml("author: &me Jane Doe\ntranslator: *me\nbase: &b {lang: en}\nx: {<<: *b}\n")
    assert data == {
        "author": "Jane Doe",
        "translator": "Jane Doe",
        "base": {"lang": "en"},
        "x": {"lang": "en"},
    }
    assert load_yaml("") is None


def test_loader_refuses_oversized_text() -> None:
    with pytest.raises(YAMLTooLarge, match="limit"):
        load_yaml("note: " + "x" * (3 * 1024 * 1024))


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("command", ["notes", "export", "check"])
def test_cli_answers_a_hostile_draft(tmp_path: Path, command: str, kind: str) -> None:
    path = tmp_path / "draft.md"
    path.write_text(draft(HOSTILE[kind]), encoding="utf-8")
    args = [command, str(path), "--bibliography", str(SOURCES_JSON)]
    if command == "export":
        args += ["-o", str(tmp_path / "draft.docx")]
    result = run_cli(*args)
    assert "Traceback" not in result.stderr
    assert "front matter" in result.stderr
    assert "kept as text" in result.stderr
    if command == "notes":
        assert result.returncode == 0
        assert "1. " in result.stdout
    if command == "export":
        assert result.returncode == 0
        assert (tmp_path / "draft.docx").is_file()


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_startup_outline_with_a_hostile_front_matter(tmp_path: Path, kind: str) -> None:
    """The app opens the corpus's outline notes at start-up with `outline_from_markdown`."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "resources" / "corpus", corpus)
    notes = corpus / "zubok-pleshakov-1996.md"
    text = notes.read_text(encoding="utf-8")
    notes.write_text("---\n" + HOSTILE[kind] + "---\n\n" + text, encoding="utf-8")
    code = (
        "import json, pathlib\n"
        "from assistant.essay.outline import outline_from_markdown\n"
        f"outline = outline_from_markdown(pathlib.Path({str(notes)!r}).read_text('utf-8'))\n"
        "print(json.dumps([outline.root.title, len(list(outline.walk()))]))\n"
    )
    result = run_code(code)
    assert result.returncode == 0, result.stderr
    expected = outline_from_markdown(text)
    # The unusable front matter is ignored; the notes' own title and every note remain.
    assert json.loads(result.stdout) == [expected.root.title, len(list(expected.walk()))]


APP_STARTUP = """
import json, sys, time
from assistant.ui.app import build_window, make_application
app = make_application()
window = build_window(sys.argv[1], sys.argv[2])
deadline = time.monotonic() + 60  # the outline is read by Pandoc in a worker
while window.session.default_outline_pending and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
outline = window.outline_pane.outline()
print(json.dumps([outline.root.title, len(list(outline.walk()))]))
window.controller.shutdown()
"""


def test_app_starts_on_a_corpus_whose_outline_notes_hold_an_alias_bomb(tmp_path: Path) -> None:
    """The real window, offscreen, opening the corpus's reading notes as its outline (Qt needs
    more address space than the CLI: 3 GB, still half of what the bomb took)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "resources" / "corpus", corpus)
    notes = corpus / "zubok-pleshakov-1996.md"
    text = notes.read_text(encoding="utf-8")
    notes.write_text("---\n" + HOSTILE["alias bomb"] + "---\n\n" + text, encoding="utf-8")
    result = run_code(APP_STARTUP, str(corpus), str(tmp_path / "index"), memory=3 << 30)
    assert result.returncode == 0, result.stderr
    expected = outline_from_markdown(text)
    assert json.loads(result.stdout) == [expected.root.title, len(list(expected.walk()))]
