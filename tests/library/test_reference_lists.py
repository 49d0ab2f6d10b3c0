"""Reference lists (bibliographies, lists of primary sources) are passages of kind "bib"."""

from __future__ import annotations

import pytest

from assistant.library.passages import blocks_from_text, build_document, is_reference_heading

MARKDOWN = """# A Study

## Introduction

Stalin approved the plan in April 1950, as the documents now show.

## Bibliography

Beloff, Max. *Soviet Policy in the Far East*. London: Oxford University Press, 1953.

Mackenzie, Compton. *Eastern Epic*. London: Chatto and Windus, 1951.

## Conclusion

The war began in June.
"""


def test_entries_under_a_bibliography_heading_are_bib_passages():
    document = build_document("s", blocks_from_text(MARKDOWN, markdown=True))
    kinds = {p.text[:12]: p.kind for p in document.passages}
    assert kinds["Beloff, Max."] == "bib" and kinds["Mackenzie, C"] == "bib"
    # One entry per passage; the prose before and after stays body.
    assert sum(1 for p in document.passages if p.kind == "bib") == 2
    assert kinds["Stalin appro"] == "body" and kinds["The war bega"] == "body"


@pytest.mark.parametrize(
    "title",
    [
        "Bibliography",
        "Select Bibliography",
        "References",
        "Works Cited",
        "Primary Sources",
        "Archival sources:",
        "7. References",
        "Sources and Bibliography",
        "Literaturverzeichnis",
        "Quellen und Literatur",
        "Список литературы",
        "Источники",
        "参考文献",
        "BIBLIOGRAPHY",
    ],
)
def test_reference_headings_in_the_corpus_languages(title):
    assert is_reference_heading(title)


@pytest.mark.parametrize(
    "title",
    ["Sources of Soviet conduct", "The references to Korea", "Introduction", "Archive fever"],
)
def test_other_headings_are_not_reference_lists(title):
    assert not is_reference_heading(title)
