"""Quotations spelt in the language of the source they quote, with real sentences of the
bundled corpus and the relevance corpus (Russian with a CSL language, German detected from its
text, French with "fr-FR"), and the rules for what stays unchecked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.check.quoted_spelling import (
    QuotationSpelling,
    normalise_quotation,
    source_language,
)
from assistant.check.spelling import Speller, words_of
from assistant.cite.model import Citation, Note
from assistant.essay.model import NoteAnchor
from assistant.paths import bundled_corpus_dir

CORPORA = [bundled_corpus_dir(), Path(__file__).resolve().parents[1] / "search/relevance/corpus"]


def _library() -> tuple[dict[str, dict], dict[str, str]]:
    items: dict[str, dict] = {}
    texts: dict[str, str] = {}
    for folder in CORPORA:
        for item in json.loads((folder / "sources.json").read_text(encoding="utf-8")):
            items[item["id"]] = item
            texts[item["id"]] = (folder / f"{item['id']}.md").read_text(encoding="utf-8")
    return items, texts


@pytest.fixture(scope="module")
def library() -> tuple[dict[str, dict], dict[str, str]]:
    return _library()


@pytest.fixture(scope="module")
def loaded(library) -> tuple[Speller, dict[str, Speller], dict[str, str]]:
    items, texts = library
    words: set[str] = set()
    for text in texts.values():
        words |= words_of(text)
    spellers = {code: Speller.load(code) for code in ("en", "de", "fr", "ru")}
    for speller in spellers.values():
        speller.add_known(words)
    languages = {i: source_language(items[i], texts[i]) for i in items}
    return spellers.pop("en"), spellers, languages


@pytest.fixture
def spelling(loaded) -> tuple[Speller, QuotationSpelling]:
    essay, spellers, languages = loaded
    return essay, QuotationSpelling(dict(languages), dict(spellers))


def _note(*ids: str) -> NoteAnchor:
    return NoteAnchor(Note.of(*(Citation(i, "1") for i in ids)))


def _flagged(spelling, text: str, anchors=(), block_quote=None) -> list[tuple[str, str]]:
    essay, quotations = spelling
    paragraph = quotations.check(essay, text, anchors=anchors, block_quote=block_quote)
    return [(text[f.start : f.end], f.language) for f in paragraph.flags]


def _with_note(text: str, ids: tuple[str, ...]) -> tuple[str, list[tuple[int, NoteAnchor]]]:
    """`text` with a note mark (U+FFFC, as in the editor) where `^` stands."""
    offset = text.index("^")
    return text.replace("^", "\ufffc"), [(offset, _note(*ids))]


def test_source_languages_from_csl_or_the_text(library) -> None:
    items, texts = library
    assert source_language(items["molotov-ru"], texts["molotov-ru"]) == "ru"  # CSL "ru"
    assert source_language(items["french-fr"], texts["french-fr"]) == "fr"  # CSL "fr-FR"
    assert source_language(items["koeln-de"], texts["koeln-de"]) == "de"  # detected
    assert source_language(items["shen-2000"], texts["shen-2000"]) == "en"
    assert source_language(items["chaoxian-zh"], texts["chaoxian-zh"]) == ""  # no dictionary
    assert source_language({"id": "x"}, "") == ""  # nothing to tell
    assert source_language({"language": "German"}, "") == "de"


def test_a_german_quotation_is_spelt_in_german(spelling) -> None:
    # koeln-de: "Die Nachricht vom Angriff auf Südkorea erreichte Bonn und Köln am Sonntag…"
    good = (
        "The news travelled fast: “Die Nachricht vom Angriff auf Südkorea erreichte Bonn und "
        "Köln am Sonntag” [@koeln-de, 1], and the writer's own wrods are English."
    )
    assert _flagged(spelling, good) == [("wrods", "en")]
    bad = "As reported, “Die Nachricht vom Angrif auf Südkorea erreichte Bonn” [@koeln-de]."
    assert _flagged(spelling, bad) == [("Angrif", "de")]


def test_a_russian_quotation_cited_by_a_note_is_spelt_in_russian(spelling) -> None:
    # molotov-ru: "В апреле 1950 года Ким Ир Сен приехал в Москву и получил согласие Сталина…"
    text, anchors = _with_note(
        "Kim came back with Stalin's consent: “Ким Ир Сен приехал в Москву и полчил согласие "
        "Сталина”.^ That settled it.",
        ("molotov-ru",),
    )
    assert _flagged(spelling, text, anchors) == [("полчил", "ru")]
    # Correct Russian the source does not contain: the dictionary (and its stems) knows it.
    text, anchors = _with_note(
        "Stalin wrote: “Сталин получил длинную телеграмму из Москвы”.^", ("molotov-ru",)
    )
    assert _flagged(spelling, text, anchors) == []


def test_a_french_quotation_with_elisions(spelling) -> None:
    # french-fr: "…Staline avait poussé Kim Il-sung à attaquer afin d'occuper l'Amérique en Asie…"
    text, anchors = _with_note(
        "Paris saw it plainly: « Staline avait poussé Kim Il-sung à attaquer afin d’occuper "
        "l’Amérique en Asie ».^",
        ("french-fr",),
    )
    assert _flagged(spelling, text, anchors) == []
    text, anchors = _with_note(
        "Paris saw it plainly: “les diplomates français pensaeint que Staline avait poussé Kim”.^",
        ("french-fr",),
    )
    assert _flagged(spelling, text, anchors) == [("pensaeint", "fr")]


def test_a_misspelt_original_is_quoted_as_it_stands(spelling) -> None:
    # Shuster writes "biasedly culled material"; Shen's notes have "Shifrtelgramma".
    text = (
        "Shuster objects that “these narratives rely on biasedly culled material” "
        "[@shuster-2019, 40], and Shen cites a “Shifrtelgramma” [@shen-2000, 44]."
    )
    assert _flagged(spelling, text) == []
    misquoted = (
        "Shuster objects that “these narratives rely on biasedly culed material” [@shuster-2019]."
    )
    assert _flagged(spelling, misquoted) == [("culed", "en")]


def test_quotations_of_unknown_language_stay_unchecked(spelling) -> None:
    _essay, quotations = spelling
    quotations.languages["no-text"] = ""  # a work without a text or a CSL language
    assert _flagged(spelling, "He said “ein Fehlr hier und da” [@no-text, 3].") == []
    # A work the library does not know at all, and a quotation no note cites.
    assert _flagged(spelling, "He said “ein Fehlr hier” [@unknown-work, 3].") == []
    assert _flagged(spelling, "He said “ein Fehlr hier und da” and left.") == []


def test_a_translation_of_a_russian_source_is_not_spelt_in_russian(spelling) -> None:
    text, anchors = _with_note(
        "In translation: “Kim Il Sung came to Moscow and recieved Stalin's consent”.^",
        ("molotov-ru",),
    )
    assert _flagged(spelling, text, anchors) == []


def test_the_quote_checkers_finding_decides_the_language(spelling) -> None:
    _essay, quotations = spelling
    text, anchors = _with_note("Shen quotes “die Westintegration zu verhindren”.^", ("shen-2000",))
    assert _flagged(spelling, text, anchors) == [("verhindren", "en")]
    quotations.found_in = {normalise_quotation("die Westintegration zu verhindren"): "koeln-de"}
    assert _flagged(spelling, text, anchors) == [("verhindren", "de")]


def test_a_note_elsewhere_in_the_paragraph_cites_the_quotation(spelling) -> None:
    text, anchors = _with_note(
        "Adenauer feared “die Westintegration zu verhindren”, and said so. Later he wrote to "
        "Bonn.^",
        ("koeln-de",),
    )
    assert _flagged(spelling, text, anchors) == [("verhindren", "de")]


def test_a_block_quotation_is_spelt_in_its_sources_language(spelling) -> None:
    text = "Посол Штыков регулярно сообщал в Москву о настроениях северокорейского руководтсва."
    assert _flagged(spelling, text, block_quote=["molotov-ru"]) == [("руководтсва", "ru")]
    assert _flagged(spelling, text, block_quote=[]) == []  # no note: unknown


def test_a_language_not_loaded_yet_is_asked_for(loaded) -> None:
    essay, _spellers, languages = loaded
    quotations = QuotationSpelling(dict(languages), {})
    paragraph = quotations.check(essay, "“Die Nachrict vom Angriff” [@koeln-de].")
    assert paragraph.wanted == {"de"} and paragraph.flags == []


def test_a_wall_of_quotations_is_spelt_up_to_a_bound(spelling) -> None:
    from assistant.check.quoted_spelling import MAX_QUOTATIONS_PER_PARAGRAPH

    text, anchors = _with_note(
        " ".join("“die Nachrict”" for _ in range(5000)) + " and so on.^", ("koeln-de",)
    )
    flagged = _flagged(spelling, text, anchors)
    assert flagged == [("Nachrict", "de")] * MAX_QUOTATIONS_PER_PARAGRAPH
