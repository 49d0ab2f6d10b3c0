"""Passages of the bundled corpus: sections, the sources' own notes, front matter, sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.library.importers import load_document
from assistant.library.passages import MAX_WORDS, Block, blocks_from_text, build_document

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"


@pytest.fixture(scope="module")
def shen():
    return load_document(CORPUS / "shen-2000.md", "shen-2000")


@pytest.fixture(scope="module")
def shuster():
    return load_document(CORPUS / "shuster-2019.md", "shuster-2019")


@pytest.fixture(scope="module")
def zubok():
    return load_document(CORPUS / "zubok-pleshakov-1996.md", "zubok-pleshakov-1996")


def test_offsets_point_at_the_passage_text(shen, shuster, zubok):
    for document in (shen, shuster, zubok):
        assert [p.ordinal for p in document.passages] == list(range(len(document.passages)))
        for passage in document.passages:
            assert document.text[passage.start : passage.end] == passage.text
            assert passage.source_id == document.source_id


def test_shen_numbered_footnotes_are_note_passages(shen):
    notes = [p for p in shen.passages if p.kind == "note"]
    numbers = [int(p.text.split(".", 1)[0]) for p in notes]
    # 38 and 39 are missing from the extracted text itself; every other note is found.
    assert set(range(1, 82)) - set(numbers) == {38, 39}
    first = notes[0]
    assert first.text.startswith('1. "Shifrtelgramma," from Stalin to Mao Zedong, 14 May 1950')
    assert "Delo (D.) 331" in first.text
    assert not any(p.text.startswith("1. ") for p in shen.passages if p.kind == "body")


def test_shen_notes_continued_on_the_next_page_are_rejoined(shen):
    notes = {p.text.split(".", 1)[0]: p for p in shen.passages if p.kind == "note"}
    assert "military equipment provided by Moscow to Pyongyang went by sea" in notes["80"].text
    assert "*Problemy* Dal'nego vostoka" in notes["37"].text.replace("Problemy", "*Problemy*")
    # ...and those continuations are not left behind as body text.
    body = " ".join(p.text for p in shen.passages if p.kind == "body")
    assert "cow to Pyongyang" not in body
    assert "Dal'nego vostoka, Nos. 1–2" not in body


def test_body_paragraph_cut_by_notes_is_one_passage(shen):
    joined = [p for p in shen.passages if "These new sources have enabled scholars" in p.text]
    assert len(joined) == 1 and joined[0].kind == "body"
    hyphenated = [p for p in shen.passages if "that negotiations on a new treaty" in p.text]
    assert len(hyphenated) == 1


def test_shen_sections_are_its_title_case_headings(shen):
    headings = [p.text for p in shen.passages if p.kind == "heading"]
    assert headings == [
        "Introduction",
        "The Political Context in 1950",
        "The Impetus for Shifting Soviet Policy Toward Korea",
        "The Calculations Underlying Stalin's Policy Toward Korea",
        "Questions about China's Policy",
        "Conclusion",
    ]
    acheson = next(p for p in shen.passages if "Acheson's January 1950 speech" in p.text)
    assert acheson.section == "The Calculations Underlying Stalin's Policy Toward Korea"


def test_shuster_superscript_notes_and_caps_sections(shuster):
    notes = [p for p in shuster.passages if p.kind == "note"]
    assert len(notes) >= 125
    assert notes[0].text.startswith("¹ Andreas Oberender")
    matray = [p for p in notes if p.text.startswith("⁹⁷ Dean Acheson's Press Club Speech")]
    assert matray and matray[0].section == "DEAN ACHESON PRESS CLUB SPEECH (1950)"
    speech = next(p for p in shuster.passages if "January 12, 1950" in p.text)
    assert speech.kind == "body"
    assert speech.section == "DEAN ACHESON PRESS CLUB SPEECH (1950)"
    sections = {p.section for p in shuster.passages}
    assert "STALIN'S POST-WAR FOREIGN POLICY AND THE JOINT TRUSTEESHIP ISSUE (1945)" in sections


def test_shuster_front_matter_and_contents_are_marked_but_abstract_is_not(shuster):
    front = [p for p in shuster.passages if p.front_matter]
    front_text = " ".join(p.text for p in front)
    assert "TABLE OF CONTENTS" in front_text
    assert "DEAN ACHESON PRESS CLUB SPEECH\t40" in front_text  # the contents line
    assert "I hereby certify that I am the sole author" in front_text
    abstract = next(p for p in shuster.passages if p.text.startswith("Despite initially"))
    assert not abstract.front_matter and abstract.section == "ABSTRACT"
    introduction = next(p for p in shuster.passages if p.text == "INTRODUCTION")
    assert not any(p.front_matter for p in shuster.passages[introduction.ordinal :])


def test_shen_title_block_is_front_matter(shen):
    assert shen.passages[0].front_matter
    assert "Shen Zhihua" in shen.passages[0].text
    assert not shen.passages[2].front_matter


def test_markdown_headings_nest_into_section_paths(zubok):
    answer = next(p for p in zubok.passages if "He acted as the ideological" in p.text)
    assert answer.section == (
        "Why did Stalin decide to reverse himself and back Kim il Sung's invasion of South "
        "Korea? > How did Stalin handle this delicate situation?"
    )
    # Markdown emphasis is not part of the extracted text.
    assert "**" not in zubok.text and "<u>" not in zubok.text


def test_outline_scraps_are_merged_and_long_paragraphs_split(zubok, shuster):
    bullets = next(p for p in zubok.passages if "He wanted to firm up" in p.text)
    assert "Re-division of spheres of influence" in bullets.text  # merged with the next line
    for passage in shuster.passages:
        if passage.kind == "body":
            assert len(passage.text.split()) <= MAX_WORDS + 60


def test_long_paragraph_is_split_on_sentence_boundaries():
    sentence = "Stalin weighed the American response to a war in Korea with great care. "
    paragraph = sentence * 60
    document = build_document("x", [Block("body", paragraph.strip())])
    assert len(document.passages) > 2
    for passage in document.passages:
        assert passage.text.endswith("care.")


def test_numbered_list_without_sequence_is_not_taken_for_notes():
    text = "Intro paragraph that is long enough to be body text for sure.\n\n1950. A year.\n\n7. X"
    blocks = blocks_from_text(text, markdown=False)
    assert [b.kind for b in blocks] == ["body", "body", "body"]


def test_place_label_is_the_page_else_the_innermost_section() -> None:
    from assistant.library.model import Passage, place_label

    assert place_label(Passage("s", 0, "t", page="52")) == "p. 52"
    assert place_label(Passage("s", 0, "t", page="52–53", section="A > B")) == "pp. 52–53"
    assert place_label(Passage("s", 0, "t", section="Intro > The Acheson speech")) == (
        "The Acheson speech"
    )
    long_section = "Stalin " * 20
    assert (
        place_label(Passage("s", 0, "t", section=long_section)) == long_section[:57].rstrip() + "…"
    )
    assert place_label(Passage("s", 0, "t", kind="note", page="9")) == "p. 9 · footnote"
