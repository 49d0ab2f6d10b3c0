"""Title rules fixed in the nineteenth round: short notes of works in Chinese, Japanese or
Korean that give the original script beside the romanization keep the romanized title and
name alone (CMOS 18 14.30, 11.83); a bracketed English translation typed in headline style is
set in sentence style (14.88), names kept."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation
from assistant.cite.names import without_script
from assistant.cite.titles import dictionary_languages, translation_sentence_style


def _notes(item: dict) -> tuple[str, str]:
    engine = ChicagoEngine({item["id"]: item})
    full = engine.full_note(Citation(item["id"], locator="12")).html()
    short = engine.short_note(Citation(item["id"], locator="12")).html()
    return full, short


# CMOS 14.30 and 11.83: the short note of a romanized East Asian title with its characters
# (and a bracketed translation) keeps the romanized short title alone, italic; the full note
# keeps the characters and the translation.
@pytest.mark.parametrize(
    ("item", "full_has", "short"),
    [
        (
            {
                "id": "zh",
                "type": "book",
                "title": "Xiandai Zhongguo waijiao shi 现代中国外交史 [A diplomatic history of"
                " modern China]",
                "author": [{"family": "Li", "given": "Wenhua"}],
                "publisher": "Renmin chubanshe",
                "issued": {"date-parts": [["2004"]]},
                "language": "zh",
            },
            "<i>Xiandai Zhongguo waijiao shi</i> 现代中国外交史 [A diplomatic history",
            "Li, <i>Xiandai Zhongguo waijiao shi</i>, 12.",
        ),
        (
            {
                "id": "ja",
                "type": "book",
                "title": "Sengo Nihon gaikōshi 戦後日本外交史",
                "author": [{"family": "Mori", "given": "Kenji"}],
                "publisher": "Yūhikaku",
                "issued": {"date-parts": [["1997"]]},
                "language": "ja",
            },
            "<i>Sengo Nihon gaikōshi</i> 戦後日本外交史",
            "Mori, <i>Sengo Nihon gaikōshi</i>, 12.",
        ),
        (
            # A body named in McCune-Reischauer with its Hangul: the short note names it
            # romanized only, as it prints the title.
            {
                "id": "ko",
                "type": "book",
                "title": "Pukhan oegyo sa 북한외교사 [A history of North Korean diplomacy]",
                "author": [{"literal": "Han'guk Oegyo Hyŏphoe 한국외교협회"}],
                "publisher": "Han'guk Oegyo Hyŏphoe",
                "issued": {"date-parts": [["2001"]]},
                "language": "ko",
            },
            "Han’guk Oegyo Hyŏphoe 한국외교협회, <i>Pukhan oegyo sa</i> 북한외교사",
            "Han’guk Oegyo Hyŏphoe, <i>Pukhan oegyo sa</i>, 12.",
        ),
    ],
)
def test_short_note_keeps_the_romanization_alone_14_30(item, full_has, short):
    full, got = _notes(item)
    assert full_has in full
    assert got == short


def test_work_in_characters_only_keeps_its_characters_14_30():
    # No romanization to keep: the characters are the title and the name (11.83).
    item = {
        "id": "cjk",
        "type": "book",
        "title": "冷战时期的中国外交",
        "author": [{"literal": "外交部档案馆"}],
        "publisher": "世界知识出版社",
        "issued": {"date-parts": [["2006"]]},
        "language": "zh",
    }
    _, short = _notes(item)
    assert short.startswith("外交部档案馆, ")
    assert "冷战时期" in short


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kokusai Mondai Kenkyūjo 国際問題研究所", "Kokusai Mondai Kenkyūjo"),
        ("外交部档案馆", "外交部档案馆"),
        # Script in mid-title followed by more romanization is no gloss of the whole: left.
        ("Nihon 日本 to Ajia", "Nihon 日本 to Ajia"),
        ("Plain English Title", "Plain English Title"),
    ],
)
def test_without_script(text, expected):
    assert without_script(text) == expected


# CMOS 18 14.88 (and 11.x): the English translation of a foreign title, in brackets, is in
# sentence style. A record that typed it in headline style is corrected when the evidence is
# clear and no name is in it.
@pytest.mark.parametrize(
    ("translation", "original", "expected"),
    [
        ("Glory to the Workers!", "Slava trudu!", "Glory to the workers!"),
        ("Letters From the Front", "Pis'ma s fronta", "Letters from the front"),
        ("Bread and Freedom", "Pan y libertad", "Bread and freedom"),
        # Already sentence style: unchanged.
        ("Glory to the workers!", "Slava trudu!", "Glory to the workers!"),
        # A proper noun keeps its capital, and its neighbours may belong to the name
        # ("Hokkaido Prefecture"): the translation stays as typed.
        ("History of Hokkaido Prefecture", "Hokkaidō kenshi", "History of Hokkaido Prefecture"),
        ("Memoirs of the Minister of Japan", "Kaisōroku", "Memoirs of the Minister of Japan"),
        # Two capitalized words in a row may be a name of common words.
        (
            "The Red Army during the Civil War",
            "Krasnaia armiia v grazhdanskoi voine",
            "The Red Army during the Civil War",
        ),
        # A word the original title capitalizes is a name in it too.
        ("Diary From the Bunker", "Tagebuch aus dem Bunker", "Diary From the Bunker"),
        # An acronym stays, and so does the translation.
        ("Report to the CPSU", "Doklad", "Report to the CPSU"),
        # The first word of a subtitle keeps its capital (8.158).
        ("Hunger: A Memoir of the Siege", "Golod", "Hunger: A memoir of the siege"),
    ],
)
def test_headline_typed_translation_in_sentence_style_14_88(translation, original, expected):
    assert translation_sentence_style(translation, original) == expected


def test_translation_in_a_note_and_entry_14_88():
    item = {
        "id": "poster",
        "type": "graphic",
        "title": "Slava trudu! [Glory to the Workers!]",
        "author": [{"family": "Ivanova", "given": "Anna"}],
        "issued": {"date-parts": [["1957"]]},
        "medium": "lithograph",
        "language": "ru",
    }
    engine = ChicagoEngine({"poster": item})
    assert "[Glory to the workers!]" in engine.full_note(Citation("poster")).html()
    assert "[Glory to the workers!]" in engine.bibliography()[0].html()
    # The app loads the English dictionary ahead for such a record, off the GUI thread.
    assert "en" in dictionary_languages([item])


def test_english_record_title_untouched_by_translation_rule():
    item = {
        "id": "en",
        "type": "book",
        "title": "The Long Peace [Revised]",
        "author": [{"family": "Gray", "given": "Tom"}],
        "publisher": "Penguin",
        "issued": {"date-parts": [["1990"]]},
        "language": "en",
    }
    assert "en" not in dictionary_languages([item])
