"""A .docx with one damaged part costs that file only: the rest of the library is indexed."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.library.errors import ImportFailed
from assistant.library.importers import load_document

from .bounded import REPO_ROOT, run_cli


def _laughs() -> bytes:
    """Footnotes whose DOCTYPE defines the billion laughs (10^9 "lol"s)."""
    entities = ['<!ENTITY l0 "lol">']
    for level in range(1, 10):
        entities.append(f'<!ENTITY l{level} "' + f"&l{level - 1};" * 10 + '">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE w:footnotes [\n' + "\n".join(entities) + "\n]>\n"
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="1"><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()


def _cut(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _docx(path: Path) -> Path:
    import pypandoc

    pypandoc.convert_text(
        "# Acheson\n\nThe perimeter speech of January 1950.[^1]\n\n[^1]: Dean Acheson, speech.\n",
        "docx",
        format="md",
        outputfile=str(path),
    )
    return path


def _rewrite(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    original = path.read_bytes()
    temporary = path.with_suffix(".orig")
    temporary.write_bytes(original)
    with zipfile.ZipFile(temporary) as source, zipfile.ZipFile(path, "w") as target:
        names = [info.filename for info in source.infolist()]
        assert part in names, names
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, change(data) if info.filename == part else data)
    temporary.unlink()


DAMAGE = {
    "footnotes cut in half": ("word/footnotes.xml", _cut),
    "footnotes with entity bomb": ("word/footnotes.xml", lambda _data: _laughs()),
    "styles cut in half": ("word/styles.xml", _cut),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_part_is_an_import_failure(tmp_path: Path, kind: str) -> None:
    path = _docx(tmp_path / "broken.docx")
    part, change = DAMAGE[kind]
    _rewrite(path, part, change)
    with pytest.raises(ImportFailed) as caught:
        load_document(path, "broken")
    assert caught.value.path == "broken.docx"
    assert "Word document" in caught.value.message


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_indexing_goes_on_past_a_damaged_docx(tmp_path: Path, kind: str) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "resources" / "corpus", corpus)
    path = _docx(corpus / "broken.docx")
    part, change = DAMAGE[kind]
    _rewrite(path, part, change)
    index = tmp_path / "index"
    result = run_cli("index", "--corpus", str(corpus), "--index", str(index))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem:")]
    assert len(problems) == 1 and "broken.docx" in problems[0], result.stderr
    assert "Indexed 3 source(s)" in result.stdout
    found = run_cli("search", "Acheson", "--corpus", str(corpus), "--index", str(index))
    assert found.returncode == 0 and "shen-2000" in found.stdout
