"""`parse_locator` against pandoc's own locator parser, in one pandoc run.

A probe CSL style prints each citation as `{label|locator}`; pandoc appends the rest of the
suffix after it. Every written form below must split the same way in both.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from assistant.cite.pandoc_syntax import parse_locator

from .oracle import pandoc_path

PROBE_CSL = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>probe</title><id>probe</id><updated>2020-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text value="{"/><label variable="locator" form="long"/><text value="|"/>
  <text variable="locator"/><text value="}"/></layout></citation>
</style>
"""

SUFFIXES = [
    ", 52", ", pp. 33-35, emphasis added", ", chap. 3", ", chapter 3", ", Chap. 3",
    ", 33-35, 38-39", ", 12 and 14", ", 12, 14 and elsewhere", ", vol. 2, 45", ", p. x",
    ", pp. xii-xiv", ", xii-xiv", ", chap. intro", ", 33. More text", ",33,34", " 44", ", p 44",
    ", §3", ", ¶ 3", ", pp.33", ", 12-14, n. 3", ", n. 12", ", nn. 12-13", ", l. 4", ", fig. 4",
    ", figs. 4-5", ", para. 4", ", sec. 4", ", col. 4", ", bk. 4", ", pt. 4", ", v. 4",
    ", fol. 3r", ", fols. 3r-4v", ", 3r-4v", ", A12", ", 12 ff.", ", 33 (emphasis mine)",
    ", 12:3", ", IV", ", 44, 46", ", note 3", ", {ii, A, D-Z}, with suffix", ", {vol. 3}",
    ", emphasis added", ", box 3, folder 2", ", 2nd ed.", ", 33 & 35", ", op. 3", ", no. 3",
    ", page 3", ", pages 3-4", ", 33 n. 2", ", p. 12 13", ", line 7", ", lines 7-9",
]  # fmt: skip

# Pandoc prints the label's long form, plural when the locator is plural.
LONG_FORMS = {
    "pages": "page", "chapters": "chapter", "sections": "section", "paragraphs": "paragraph",
    "notes": "note", "lines": "line", "volumes": "volume", "figures": "figure", "books": "book",
    "columns": "column", "folios": "folio", "parts": "part", "verses": "verse", "opera": "opus",
    "issues": "issue",
}  # fmt: skip

pytestmark = pytest.mark.skipif(pandoc_path() is None, reason="pandoc (pypandoc-binary) missing")


@pytest.fixture(scope="module")
def pandoc_splits() -> list[tuple[str, str, str]]:
    item = {"id": "a", "type": "book", "title": "A Book", "issued": {"date-parts": [[2000]]}}
    document = "\n\n".join(f"Para {i}.^[[@a{suffix}]]" for i, suffix in enumerate(SUFFIXES))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "items.json").write_text(json.dumps([item]), encoding="utf-8")
        (folder / "probe.csl").write_text(PROBE_CSL, encoding="utf-8")
        (folder / "doc.md").write_text(document + "\n", encoding="utf-8")
        result = subprocess.run(
            [str(pandoc_path()), str(folder / "doc.md"), "--citeproc", "--csl",
             str(folder / "probe.csl"), "--bibliography", str(folder / "items.json"),
             "-t", "plain", "--wrap=none"],
            capture_output=True, text=True, check=True, timeout=120,
        )  # fmt: skip
    notes = re.findall(r"^\[(\d+)\] (.*)$", result.stdout, re.M)
    splits = []
    for _, body in sorted(notes, key=lambda pair: int(pair[0])):
        match = re.match(r"\{([^|]*)\|(.*?)\}(.*)$", body)
        assert match, body
        label, locator, rest = match.groups()
        # A braced locator has no label in pandoc; Citation's default label, page, prints the
        # same way. Pandoc's Markdown reader puts a no-break space after "n." and the like.
        label = LONG_FORMS.get(label, label) or ("page" if locator else "")
        splits.append((label, locator, rest.replace("\xa0", " ")))
    assert len(splits) == len(SUFFIXES)
    return splits


def _dashes(text: str) -> str:
    return text.replace("-", "–")


@pytest.mark.parametrize("index", range(len(SUFFIXES)))
def test_locator_split_matches_pandoc(
    index: int, pandoc_splits: list[tuple[str, str, str]]
) -> None:
    suffix = SUFFIXES[index]
    label, locator, rest = parse_locator(suffix)
    their_label, their_locator, their_rest = pandoc_splits[index]
    if not their_locator:
        assert locator == "", suffix
        # Pandoc prints a locator-less suffix as written (with typographic quotes).
        assert rest == suffix
        return
    assert (label, _dashes(locator)) == (their_label, _dashes(their_locator)), suffix
    assert rest == their_rest, suffix
