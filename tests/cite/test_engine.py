"""Engine behaviour: note positions, ibid, names, typography, commentary."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.cite.engine import ChicagoEngine, markdown_runs, runs_to_text
from assistant.cite.headline import title_case
from assistant.cite.model import Citation, Note, Run
from assistant.cite.ranges import page_range


def _book(item_id: str, family: str, given: str, title: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": item_id,
        "type": "book",
        "title": title,
        "author": [{"family": family, "given": given}],
        "publisher": "Harvard University Press",
        "issued": {"date-parts": [[1996]]},
        **extra,
    }


ITEMS = {
    "gaddis": _book("gaddis", "Gaddis", "John Lewis", "We Now Know"),
    "westad": _book("westad", "Westad", "Odd Arne", "The Global Cold War"),
}


def _people(n: int) -> list[dict[str, str]]:
    names = [("Aa", "Ann"), ("Bb", "Bob"), ("Cc", "Cy"), ("Dd", "Di"), ("Ee", "Ed"), ("Ff", "Fy")]
    names += [("Gg", "Gus"), ("Hh", "Hal")]
    return [{"family": f, "given": g} for f, g in names[:n]]


# --- positions ------------------------------------------------------------------------------


def test_first_citation_full_then_short_and_recomputed_when_notes_move() -> None:
    engine = ChicagoEngine(ITEMS)
    a = Note.of(Citation("gaddis", "12"))
    b = Note.of(Citation("westad", "40"))
    c = Note.of(Citation("gaddis", "15"))
    first = [n.text for n in engine.render_notes([a, b, c])]
    assert first == [
        "John Lewis Gaddis, We Now Know (Harvard University Press, 1996), 12.",
        "Odd Arne Westad, The Global Cold War (Harvard University Press, 1996), 40.",
        "Gaddis, We Now Know, 15.",
    ]
    # The writer moves the third note to the front: it becomes the full citation.
    moved = [n.text for n in engine.render_notes([c, b, a])]
    assert moved == [
        "John Lewis Gaddis, We Now Know (Harvard University Press, 1996), 15.",
        "Odd Arne Westad, The Global Cold War (Harvard University Press, 1996), 40.",
        "Gaddis, We Now Know, 12.",
    ]
    # Deleting the first note promotes the next citation of the same source.
    assert engine.render_notes([b, a])[1].text.startswith("John Lewis Gaddis, We Now Know (")
    # Pure: rendering again gives the same result.
    assert [n.text for n in engine.render_notes([a, b, c])] == first


def test_same_source_twice_in_one_note_is_full_then_short() -> None:
    engine = ChicagoEngine(ITEMS)
    (note,) = engine.render_notes([Note.of(Citation("gaddis", "3"), Citation("gaddis", "9"))])
    assert note.text == (
        "John Lewis Gaddis, We Now Know (Harvard University Press, 1996), 3;"
        " Gaddis, We Now Know, 9."
    )


def test_ibid_is_off_by_default() -> None:
    engine = ChicagoEngine(ITEMS)
    notes = engine.render_notes(
        [Note.of(Citation("gaddis", "3")), Note.of(Citation("gaddis", "4"))]
    )
    assert notes[1].text == "Gaddis, We Now Know, 4."


def test_ibid_when_enabled() -> None:
    engine = ChicagoEngine(ITEMS, ibid=True)
    notes = engine.render_notes(
        [
            Note.of(Citation("gaddis", "3")),
            Note.of(Citation("gaddis", "4")),  # same source, new page
            Note.of(Citation("gaddis", "4")),  # same source, same page
            Note.of(Citation("westad", "1"), Citation("gaddis", "5")),
            Note.of(Citation("gaddis", "6")),  # previous note cites two sources: no ibid
            Note.of(Citation("gaddis")),  # previous had a page, this has none: no ibid
            Note.of(Citation("gaddis", "8", prefix="see")),
        ]
    )
    assert [n.text for n in notes[1:]] == [
        "Ibid., 4.",
        "Ibid.",  # the same page: plain "Ibid." (CMOS 14.34)
        # Within a note, ibid. needs the citation just before to be the same source.
        "Odd Arne Westad, The Global Cold War (Harvard University Press, 1996), 1;"
        " Gaddis, We Now Know, 5.",
        "Gaddis, We Now Know, 6.",
        "Gaddis, We Now Know.",
        "See ibid., 8.",
    ]


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "full", "short", "bib"),
    [
        (1, "Ann Aa", "Aa", "Aa, Ann."),
        (2, "Ann Aa and Bob Bb", "Aa and Bb", "Aa, Ann, and Bob Bb."),
        (3, "Ann Aa et al.", "Aa et al.", "Aa, Ann, Bob Bb, and Cy Cc."),
        (6, "Ann Aa et al.", "Aa et al.", "Aa, Ann, Bob Bb, Cy Cc, Di Dd, Ed Ee, and Fy Ff."),
        (7, "Ann Aa et al.", "Aa et al.", "Aa, Ann, Bob Bb, Cy Cc, et al."),
    ],
)
def test_author_counts_follow_cmos_18(count: int, full: str, short: str, bib: str) -> None:
    item = _book("x", "", "", "Title", author=_people(count))
    engine = ChicagoEngine({"x": item})
    assert (
        engine.full_note(Citation("x", "1")).text
        == f"{full}, Title (Harvard University Press, 1996), 1."
    )
    assert engine.short_note(Citation("x", "1")).text == f"{short}, Title, 1."
    assert engine.bibliography_entry("x").text.startswith(bib)


def test_particles_suffixes_and_corporate_authors() -> None:
    items = {
        "degaulle": _book(
            "degaulle", "Gaulle", "Charles", "Memoirs", author=[
                {"family": "Gaulle", "given": "Charles", "non-dropping-particle": "de"},
                {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
            ],
        ),
        "beethoven": _book(
            "beethoven", "", "", "Letters",
            author=[{"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"}],
        ),
        "un": _book("un", "", "", "Yearbook", author=[{"literal": "United Nations"}]),
    }  # fmt: skip
    engine = ChicagoEngine(items)
    assert engine.full_note(Citation("degaulle")).text.startswith(
        "Charles de Gaulle and Martin Luther King Jr., Memoirs"
    )
    assert engine.short_note(Citation("degaulle")).text == "de Gaulle and King, Memoirs."
    assert engine.bibliography_entry("degaulle").text.startswith(
        "Gaulle, Charles de, and Martin Luther King Jr. Memoirs."
    )
    assert engine.full_note(Citation("beethoven")).text.startswith("Ludwig van Beethoven, Letters")
    assert engine.short_note(Citation("beethoven")).text == "Beethoven, Letters."
    assert engine.bibliography_entry("beethoven").text.startswith("Beethoven, Ludwig van. Letters.")
    assert engine.short_note(Citation("un", "4")).text == "United Nations, Yearbook, 4."
    assert engine.bibliography_entry("un").text.startswith("United Nations. Yearbook.")


def test_editors_only_and_translators() -> None:
    items = {
        "ed": {
            "type": "book",
            "title": "The Cambridge History of the Cold War",
            "editor": [
                {"family": "Leffler", "given": "Melvyn P."},
                {"family": "Westad", "given": "Odd Arne"},
            ],
            "volume": "1",
            "publisher": "Cambridge University Press",
            "issued": {"date-parts": [[2010]]},
        },
        "tr": _book(
            "tr", "Tolstoy", "Leo", "War and Peace", edition="2",
            translator=[{"family": "Pevear", "given": "Richard"}],
        ),
    }  # fmt: skip
    engine = ChicagoEngine(items)
    # The editors lead, so nothing comes between volume and page: 1:33 (CMOS 14.118).
    assert engine.full_note(Citation("ed", "33")).text == (
        "Melvyn P. Leffler and Odd Arne Westad, eds., The Cambridge History of the Cold War"
        " (Cambridge University Press, 2010), 1:33."
    )
    assert engine.short_note(Citation("ed", "34")).text == (
        "Leffler and Westad, Cambridge History, 1:34."
    )
    assert engine.bibliography_entry("ed").text == (
        "Leffler, Melvyn P., and Odd Arne Westad, eds. The Cambridge History of the Cold War."
        " Vol. 1. Cambridge University Press, 2010."
    )
    assert engine.full_note(Citation("tr", "5")).text == (
        # The translator before the edition (CMOS 14.2's order of elements).
        "Leo Tolstoy, War and Peace, trans. Richard Pevear, 2nd ed."
        " (Harvard University Press, 1996), 5."
    )
    assert "Translated by Richard Pevear." in engine.bibliography_entry("tr").text


def test_shared_surnames_get_given_names_in_short_notes() -> None:
    items = {
        "a": _book("a", "Smith", "Ann", "First Book"),
        "b": _book("b", "Smith", "Bob", "Second Book"),
    }
    engine = ChicagoEngine(items)
    assert engine.short_note(Citation("a", "2")).text == "Ann Smith, First Book, 2."


# --- types -------------------------------------------------------------------------------


def test_article_chapter_archive_and_letter_forms() -> None:
    items = {
        "art": {
            "type": "article-journal", "title": "the origins of the korean war",
            "author": [{"family": "Weathersby", "given": "Kathryn"}],
            "container-title": "Journal of American-East Asian Relations", "volume": "2",
            "issue": "4", "page": "425-458", "issued": {"date-parts": [[1993]]},
            "DOI": "https://doi.org/10.1163/187656193X00013",
        },
        "ch": {
            "type": "chapter", "title": "Korea",
            "author": [{"family": "Stueck", "given": "William"}],
            "container-title": "The Cambridge History",
            "editor": [{"family": "Leffler", "given": "Melvyn P."}],
            "publisher": "CUP", "issued": {"date-parts": [[2010]]},
        },
        "memo": {
            "type": "manuscript", "title": "Memorandum on Korea",
            "author": [{"family": "Acheson", "given": "Dean"}],
            "issued": {"date-parts": [[1950, 1, 12]]}, "archive": "Truman Library",
            "archive-place": "Independence, MO", "archive_collection": "Acheson Papers",
            "archive_location": "box 3, folder 2",
        },
        "tel": {
            "type": "personal_communication", "genre": "telegram", "title": "Ciphered Telegram",
            "author": [{"family": "Stalin", "given": "Joseph"}],
            "recipient": [{"family": "Mao", "given": "Zedong", "static-ordering": True}],
            "issued": {"date-parts": [[1950, 5, 14]]}, "archive": "APRF",
            "archive_location": "fond 45, opis 1, delo 331",
        },
    }  # fmt: skip
    engine = ChicagoEngine(items)
    assert engine.full_note(Citation("art", "430")).text == (
        "Kathryn Weathersby, “The Origins of the Korean War,” Journal of American-East Asian"
        " Relations 2, no. 4 (1993): 430, https://doi.org/10.1163/187656193X00013."
    )
    assert engine.bibliography_entry("art").text.endswith(
        "(1993): 425–58. https://doi.org/10.1163/187656193X00013."
    )
    assert engine.full_note(Citation("ch", "33")).text == (
        "William Stueck, “Korea,” in The Cambridge History, ed. Melvyn P. Leffler (CUP, 2010), 33."
    )
    assert engine.bibliography_entry("ch").text == (
        "Stueck, William. “Korea.” In The Cambridge History, edited by Melvyn P. Leffler."
        " CUP, 2010."
    )
    assert engine.full_note(Citation("memo", "3")).text == (
        "Dean Acheson, “Memorandum on Korea,” January 12, 1950, box 3, folder 2, p. 3,"
        " Acheson Papers, Truman Library, Independence, MO."
    )
    assert engine.full_note(Citation("tel")).text == (
        "Joseph Stalin, “Ciphered Telegram,” telegram to Mao Zedong, May 14, 1950,"
        " fond 45, opis 1, delo 331, APRF."
    )
    assert engine.bibliography_entry("tel").text == (
        "Stalin, Joseph. “Ciphered Telegram.” Telegram to Mao Zedong. May 14, 1950."
        " Fond 45, opis 1, delo 331. APRF."
    )


# --- typography --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("3-10", "3–10"), ("71-72", "71–72"), ("96-117", "96–117"), ("100-104", "100–104"),
        ("1100-1113", "1100–1113"), ("101-108", "101–8"), ("808-833", "808–33"),
        ("1103-1104", "1103–4"), ("321-328", "321–28"), ("498-532", "498–532"),
        ("1087-1089", "1087–89"), ("1496-1500", "1496–500"), ("11564-11615", "11564–615"),
        ("12991-13001", "12991–3001"), ("425–458", "425–58"), ("33-35, 38-39", "33–35, 38–39"),
    ],
)  # fmt: skip
def test_chicago_page_ranges(written: str, printed: str) -> None:
    assert page_range(written) == printed


@pytest.mark.parametrize(
    ("written", "cased"),
    [
        ("the rise and fall of the great powers", "The Rise and Fall of the Great Powers"),
        ("war and peace: a study of what it is for", "War and Peace: A Study of What It Is For"),
        ('stalin\'s foreign policy "shift"', 'Stalin\'s Foreign Policy "Shift"'),
        ("USSR-DPRK relations and the iPhone", "USSR-DPRK Relations and the iPhone"),
        ('reading "the long telegram" again', 'Reading "The Long Telegram" Again'),
        ("reading <i>moby-dick</i> today", "Reading <i>Moby-Dick</i> Today"),
        ("The Rise And Fall Of The Great Powers", "The Rise and Fall of the Great Powers"),
        ("to be or not to be: what is it about?", "To Be or Not to Be: What Is It About?"),
        ("sino-soviet relations", "Sino-Soviet Relations"),
    ],
)
def test_headline_style_capitalization(written: str, cased: str) -> None:
    assert title_case(written) == cased


def test_non_english_titles_keep_their_capitalization() -> None:
    item = _book("ru", "Volkogonov", "Dmitrii", "Triumf i tragediia", language="ru")
    engine = ChicagoEngine({"ru": item})
    assert "Triumf i tragediia" in engine.full_note(Citation("ru")).text


def test_nested_quotes_and_italic_markup_in_titles() -> None:
    items = {
        "q": {
            "type": "article-journal", "title": 'Reading "The Long Telegram" Again',
            "title-short": 'Reading "The Long Telegram"',
            "author": [{"family": "Roe", "given": "Ann"}], "container-title": "Diplomatic History",
            "volume": "3", "issued": {"date-parts": [[2001]]},
        },
        "i": _book("i", "Roe", "Ann", "Reading <i>Moby-Dick</i> Today"),
    }  # fmt: skip
    engine = ChicagoEngine(items)
    assert engine.short_note(Citation("q", "4")).text == "Roe, “Reading ‘The Long Telegram,’” 4."
    assert engine.full_note(Citation("q", "4")).text == (
        "Ann Roe, “Reading ‘The Long Telegram’ Again,” Diplomatic History 3 (2001): 4."
    )
    runs = engine.short_note(Citation("i")).runs
    assert Run("Moby-Dick", italic=False) in runs
    assert Run("Reading ", italic=True) in runs


def test_commentary_italics_prefix_suffix_and_suppressed_author() -> None:
    engine = ChicagoEngine(ITEMS)
    notes = engine.render_notes(
        [
            Note(
                (
                    "On *détente* avant la lettre, see ",
                    (Citation("gaddis", "12", suffix="emphasis added"),),
                    "; the opposite view is in ",
                    (Citation("westad", "4", suppress_author=True),),
                    ".",
                )
            )
        ]
    )
    # Citations inside the prose are parenthesised, their parentheses bracketed (CMOS 6.101).
    assert notes[0].html() == (
        "On <i>détente</i> avant la lettre, see (John Lewis Gaddis, <i>We Now Know</i> [Harvard"
        " University Press, 1996], 12, emphasis added); the opposite view is in (<i>The Global"
        " Cold War</i> [Harvard University Press, 1996], 4)."
    )


def test_markdown_runs_and_plain_text() -> None:
    runs = markdown_runs("see *Pravda* and _Izvestiia_ for 2*3*4")
    assert [r for r in runs if r.italic] == [Run("Pravda", True), Run("Izvestiia", True)]
    assert runs_to_text(runs) == "see Pravda and Izvestiia for 2*3*4"


def test_commentary_with_a_broken_markdown_link_is_plain_text() -> None:
    """A "](" that opens no whole link ("[2]( above", "]( ") is text as typed; it once
    recursed until Python gave up, and the note failed to render."""
    for text in ("see [2]( above", "a ](  b", "[x](not a url) and [y](http://e.org)"):
        runs = markdown_runs(text)
        assert runs_to_text(runs).startswith(text.split("](")[0][:3])
    runs = markdown_runs("see [2]( above, and [the map](https://e.org/m)")
    assert runs_to_text(runs) == "see [2]( above, and the map"
    assert [r.link for r in runs if r.link] == ["https://e.org/m"]


def test_titles_ending_in_punctuation_swallow_the_next_mark() -> None:
    items = {
        "q": {
            "type": "article-journal", "title": "why did stalin agree?",
            "author": [{"family": "Roe", "given": "Ann"}], "container-title": "Diplomatic History",
            "volume": "3", "issued": {"date-parts": [[2001]]}, "page": "1-20",
        },
        "inc": _book("inc", "Doe", "Jo", "Stalin, Inc."),
        "wow": _book("wow", "Poe", "Ed", "Victory!"),
    }  # fmt: skip
    engine = ChicagoEngine(items)
    assert engine.full_note(Citation("q", "5")).text == (
        "Ann Roe, “Why Did Stalin Agree?” Diplomatic History 3 (2001): 5."
    )
    assert engine.short_note(Citation("q", "6")).text == "Roe, “Why Did Stalin Agree?” 6."
    assert engine.short_note(Citation("q")).text == "Roe, “Why Did Stalin Agree?”"
    assert engine.bibliography_entry("q").text == (
        "Roe, Ann. “Why Did Stalin Agree?” Diplomatic History 3 (2001): 1–20."
    )
    assert engine.short_note(Citation("inc")).text == "Doe, Stalin, Inc."
    assert engine.short_note(Citation("inc", "4")).text == "Doe, Stalin, Inc., 4."
    assert (
        engine.bibliography_entry("inc").text
        == "Doe, Jo. Stalin, Inc. Harvard University Press, 1996."
    )
    assert (
        engine.bibliography_entry("wow").text == "Poe, Ed. Victory! Harvard University Press, 1996."
    )


def test_an_ellipsis_is_not_a_doubled_period() -> None:
    engine = ChicagoEngine({"g": _book("g", "Gaddis", "John Lewis", "And Then...")})
    notes = engine.render_notes(
        [Note(("As he wrote, “and then...”. See ", (Citation("g", "3"),), "."))]
    )
    # The three dots survive; the sentence period after the quotation is absorbed by them.
    # (In the title, CMOS 13.51's spaced periods.)
    assert notes[0].text.startswith(
        "As he wrote, “and then...” See (John Lewis Gaddis, And Then . . . [Harvard"
    )


def test_engine_reads_items_once() -> None:
    item = _book("gaddis", "Gaddis", "John Lewis", "We Now Know")
    engine = ChicagoEngine({"gaddis": item})
    before = engine.full_note(Citation("gaddis", "3")).text
    item["publisher"] = "Changed Press"
    item["title"] = "Changed"
    assert engine.full_note(Citation("gaddis", "3")).text == before
    assert ChicagoEngine({"gaddis": item}).full_note(Citation("gaddis", "3")).text == (
        "John Lewis Gaddis, Changed (Changed Press, 1996), 3."
    )
