"""Library-catalogue records (MARC as Zotero's catalogue translators import it), names and
bibliography order: rules the fifteenth and twentieth held-out libraries showed the engine
breaking, each pinned here on items other than theirs.

Catalogues write the place into the publisher ("New York : Macmillan"), the series number into
the series ("Studies in history ; 12"), the edition in the catalogue's language and its old
abbreviations ("2d ed.", "2. Aufl."); Google Books writes the edition into the title. A copy
editor prints what CMOS 18 prescribes for each (14.99, 14.112, 14.123).
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation, Note
from assistant.cite.names import collate
from assistant.cite.record_fields import cleaned

from .test_cmos18_tuning_rules import forms

WRIGHT = [{"family": "Wright", "given": "Olive"}]


def catalogue_book(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "b",
        "type": "book",
        "title": "The river trade of the Niger delta",
        "author": WRIGHT,
        "publisher": "Clarendon Press",
        "issued": {"date-parts": [["1958"]]},
        "language": "eng",
    }
    base.update(fields)
    return base


# --- the place of publication is no part of the publisher's name (CMOS 18 14.99) ----------


@pytest.mark.parametrize(
    ("publisher", "place", "printed"),
    [
        # ISBD's " : " between place and publisher (MARC 260 $a : $b), with one or two places.
        ("London : Hutchinson", "", "Hutchinson"),
        ("Leiden ; Boston : Brill", "", "Brill"),
        ("Paris: Gallimard", "", "Gallimard"),
        ("М. : Прогресс", "", "Прогресс"),
        # Two publishers with their places: the first (14.99 names one).
        ("Toronto : Ryerson Press ; London : Methuen", "", "Ryerson Press"),
        # The older catalogues' comma (Internet Archive's metadata), a state after the city.
        ("Oxford, Clarendon Press", "", "Clarendon Press"),
        ("Garden City, N.Y., Anchor Books", "", "Anchor Books"),
        ("Cambridge, Mass., MIT Press", "", "MIT Press"),
        # The place the record also holds in publisher-place, not in the list of cities.
        ("Ibadan, Ibadan University Press", "Ibadan", "Ibadan University Press"),
        # Zotero's Internet Archive translator test case (gullshornbookstu00dekk).
        (
            "Bristol, Reprinted for J.M. Gutch and Sold in London by R. Baldwin, and R. Triphook",
            "",
            "Reprinted for J.M. Gutch and Sold in London by R. Baldwin, and R. Triphook",
        ),
        # The place after the publisher, and a colon inside a publisher's own name.
        ("Oxford University Press: Oxford", "", "Oxford University Press"),
        ("Gallimard : Paris", "", "Gallimard"),
        ("Harvard University Press: Belknap", "", "Harvard University Press: Belknap"),
        # Commas inside a publisher's own name stay.
        ("Little, Brown", "", "Little, Brown"),
        ("Farrar, Straus and Giroux", "", "Farrar, Straus and Giroux"),
        ("Harcourt, Brace & World", "", "Harcourt, Brace & World"),
    ],
)
def test_the_place_written_into_the_publisher_is_left_out_14_99(
    publisher: str, place: str, printed: str
) -> None:
    record = catalogue_book(publisher=publisher)
    if place:
        record["publisher-place"] = place
    assert cleaned(record)["publisher"] == printed


def test_a_catalogue_publisher_prints_without_its_place_in_note_and_bibliography() -> None:
    full, _, bib = forms(catalogue_book(publisher="New York : Praeger"))
    assert full == "Olive Wright, <i>The River Trade of the Niger Delta</i> (Praeger, 1958), 12."
    assert bib == "Wright, Olive. <i>The River Trade of the Niger Delta</i>. Praeger, 1958."


# --- a series and its number (CMOS 18 14.123) ----------------------------------------------


@pytest.mark.parametrize(
    ("series", "title", "number"),
    [
        ("Cambridge studies in Islamic law ; 7", "Cambridge studies in Islamic law", "7"),
        ("Que sais-je? ; 1083", "Que sais-je?", "1083"),
        ("(Hakluyt Society. Second series ; no. 158)", "Hakluyt Society. Second series", "158"),
        ("Beihefte der Francia ; Bd. 42", "Beihefte der Francia", "42"),
    ],
)  # fmt: skip
def test_the_series_number_written_into_the_series_is_its_number_14_123(
    series: str, title: str, number: str
) -> None:
    out = cleaned(catalogue_book(**{"collection-title": series}))
    assert (out["collection-title"], out["collection-number"]) == (title, number)


def test_a_series_number_that_disagrees_with_the_records_number_is_left_alone() -> None:
    record = catalogue_book(**{"collection-title": "Studies ; 4", "collection-number": "5"})
    assert cleaned(record)["collection-title"] == "Studies ; 4"


def test_a_catalogue_series_prints_headline_style_with_its_number_14_123() -> None:
    item = catalogue_book(**{"collection-title": "Oxford studies in African affairs ; 12"})
    full, _, bib = forms(item)
    assert full == (
        "Olive Wright, <i>The River Trade of the Niger Delta</i>, Oxford Studies in African"
        " Affairs 12 (Clarendon Press, 1958), 12."
    )
    assert "Oxford Studies in African Affairs 12. Clarendon Press, 1958." in (bib or "")


# --- editions in English abbreviations, ordinals as figures (CMOS 18 14.112) ---------------


@pytest.mark.parametrize(
    ("edition", "note_form"),
    [
        ("2d ed.", "2nd ed."),
        ("23d ed., rev.", "23rd ed., rev."),
        ("4. Aufl.", "4th ed."),
        ("2., durchges. Aufl.", "2nd ed., rev."),
        ("5., überarbeitete und erweiterte Auflage", "5th ed., rev. and enl."),
        ("3e éd.", "3rd ed."),
        ("2e éd. revue et augmentée", "2nd ed., rev. and enl."),
        ("4-е изд.", "4th ed."),
        ("Изд. 3-е, испр. и доп.", "3rd ed., rev. and enl."),
        ("2ª ed. corregida", "2nd ed., corr."),
        ("Wyd. 2", "2nd ed."),
        # English statements stay as the record words them.
        ("2nd enl. ed.", "2nd enl. ed."),
        ("25th anniversary ed.", "25th anniversary ed."),
        # A word the rule does not know leaves the statement as it is, not half translated.
        ("3., völlig neu bearb. Aufl.", "3., völlig neu bearb. Aufl."),
    ],
)
def test_a_catalogues_edition_statement_is_given_in_english_14_112(
    edition: str, note_form: str
) -> None:
    full, _, _ = forms(catalogue_book(edition=edition))
    assert f"</i>, {note_form} (Clarendon Press, 1958), 12." in full


@pytest.mark.parametrize(
    ("title", "edition", "cut"),
    [
        (
            "Arming the Sahel, Third Edition: Weapons and Power in West Africa",
            "3rd ed.",
            "Arming the Sahel: Weapons and Power in West Africa",
        ),
        ("Colonial Lagos (Revised Edition)", "rev. ed.", "Colonial Lagos"),
        ("The Niger Company, 2nd Edition", "2nd ed.", "The Niger Company"),
        (
            "Palm Oil and Empire: Revised and Expanded Ed.",
            "rev. and expanded ed.",
            "Palm Oil and Empire",
        ),
    ],
)
def test_an_edition_written_into_the_title_is_the_edition_14_112(
    title: str, edition: str, cut: str
) -> None:
    full, _, bib = forms(catalogue_book(title=title, language="en"))
    assert full == f"Olive Wright, <i>{cut}</i>, {edition} (Clarendon Press, 1958), 12."
    assert (
        bib
        == f"Wright, Olive. <i>{cut}</i>. {edition[:1].upper()}{edition[1:]} Clarendon Press, 1958."
    )


def test_a_title_that_is_about_an_edition_keeps_it() -> None:
    # "Edition" opening the title, or in the middle of a phrase, is the title's own word.
    for title in (
        "Second Edition",
        "The Second Edition of Hakluyt's Voyages",
        "Printers and the Making of the Second Edition",
    ):
        assert cleaned(catalogue_book(title=title))["title"] == title


# --- initials (CMOS 18 10.12) --------------------------------------------------------------


def test_an_initial_without_its_period_takes_one_10_12() -> None:
    item = catalogue_book(author=[{"family": "Mensah", "given": "Kwame A"}])
    full, _, bib = forms(item)
    assert full.startswith("Kwame A. Mensah, ")
    assert (bib or "").startswith("Mensah, Kwame A. ")
    item = catalogue_book(author=[{"family": "Owusu", "given": "K B"}])
    assert forms(item)[0].startswith("K. B. Owusu, ")
    # A given name that is a word, or an initial with its hyphen, is left as it is.
    item = catalogue_book(author=[{"family": "Sarr", "given": "Jean-P."}])
    assert forms(item)[0].startswith("Jean-P. Sarr, ")


# --- Vietnamese names (CMOS 18 8.18, 14.29) ------------------------------------------------


def _vietnamese_book(item_id: str, family: str, given: str, **fields: Any) -> dict[str, Any]:
    base = {
        "id": item_id,
        "type": "book",
        "title": "Hồi ký kháng chiến",
        "author": [{"family": family, "given": given}],
        "publisher": "Văn học",
        "issued": {"date-parts": [["1985"]]},
        "language": "vi",
    }
    base.update(fields)
    return base


def test_a_vietnamese_name_is_family_first_and_never_inverted_8_18() -> None:
    # Zotero split the name as it splits any, without a flag: the work's language decides.
    full, short, bib = forms(_vietnamese_book("t", "Trần", "Văn Trà"))
    assert full.startswith("Trần Văn Trà, <i>Hồi ký kháng chiến</i>")
    assert short.startswith("Trần, ")
    assert (bib or "").startswith("Trần Văn Trà. <i>")


def test_vietnamese_letters_mark_the_name_on_a_work_in_another_language() -> None:
    item = _vietnamese_book("t", "Lê", "Đức Thọ", title="Selected speeches", language="en")
    assert forms(item)[0].startswith("Lê Đức Thọ, <i>Selected Speeches</i>")


def test_a_vietnamese_surname_in_western_order_on_an_english_work_stays_western() -> None:
    # An American writer's own order, without diacritics, on an English book.
    item = _vietnamese_book("t", "Nguyen", "Viet Thanh", title="Nothing ever dies", language="en")
    full, _, bib = forms(item)
    assert full.startswith("Viet Thanh Nguyen, ")
    assert (bib or "").startswith("Nguyen, Viet Thanh. ")
    # A name with an initial is in Western order whatever the language.
    item = _vietnamese_book("u", "Pham", "Linh T.")
    assert forms(item)[0].startswith("Linh T. Pham, ")


def test_two_people_whose_surnames_differ_only_in_diacritics_get_given_names_14_29() -> None:
    engine = ChicagoEngine(
        {
            "a": _vietnamese_book("a", "Trần", "Văn Trà"),
            "b": _vietnamese_book(
                "b",
                "Tran",
                "Quynh",
                title="Resistance in the delta",
                language="en",
                author=[{"family": "Tran", "given": "Quynh", "static-ordering": True}],
            ),
        }
    )
    notes = engine.render_notes(
        [
            Note.of(Citation(key, page))
            for key, page in (("a", "3"), ("b", "4"), ("a", "5"), ("b", "6"))
        ]
    )
    assert notes[2].html().startswith("Trần Văn Trà, <i>Hồi ký kháng chiến</i>, 5")
    assert notes[3].html().startswith("Tran Quynh, <i>Resistance in the Delta</i>, 6")


def test_one_person_under_a_name_with_and_without_diacritics_is_not_ambiguous_14_29() -> None:
    engine = ChicagoEngine(
        {
            "a": _vietnamese_book("a", "Trần", "Văn Trà"),
            "b": _vietnamese_book(
                "b",
                "Tran",
                "Van Tra",
                title="Ending the thirty years war",
                language="en",
                author=[{"family": "Tran", "given": "Van Tra", "static-ordering": True}],
            ),
        }
    )
    notes = engine.render_notes(
        [
            Note.of(Citation(key, page))
            for key, page in (("a", "3"), ("b", "4"), ("a", "5"), ("b", "6"))
        ]
    )
    assert notes[2].html().startswith("Trần, <i>Hồi ký kháng chiến</i>, 5")
    assert notes[3].html().startswith("Tran, <i>Ending the Thirty Years War</i>, 6")


# --- translated documents in a digital archive (CMOS 18 14.104, 14.106) --------------------


def test_a_translated_document_in_a_digital_archive_leads_with_its_title() -> None:
    item = {
        "id": "w",
        "type": "webpage",
        "title": "Telegram from the Hungarian Legation in Hanoi, 3 May 1968",
        "container-title": "Wilson Center Digital Archive",
        "URL": "https://digitalarchive.wilsoncenter.org/document/999999",
        "issued": {"date-parts": [["1968", 5, 3]]},
        "translator": [{"family": "Szalontai", "given": "Balázs"}],
        "language": "en",
    }
    full, short, bib = forms(item)
    assert full == (
        "“Telegram from the Hungarian Legation in Hanoi, 3 May 1968,” trans. Balázs Szalontai,"
        " Wilson Center Digital Archive, May 3, 1968, 12,"
        " https://digitalarchive.wilsoncenter.org/document/999999."
    )
    assert short.startswith("“Telegram from the Hungarian Legation,”") or short.startswith(
        "“Telegram,”"
    )
    assert bib == (
        "“Telegram from the Hungarian Legation in Hanoi, 3 May 1968.” Translated by Balázs"
        " Szalontai. Wilson Center Digital Archive, May 3, 1968."
        " https://digitalarchive.wilsoncenter.org/document/999999."
    )


# --- alphabetizing (CMOS 18 14.66, 14.68) --------------------------------------------------


@pytest.mark.parametrize(
    ("written", "filed"),
    [
        ("Đặng", "dang"),
        ("Bjørnstad", "bjornstad"),
        ("Łukasiewicz", "lukasiewicz"),
        ("Ærø", "aero"),
        ("Œuvres", "oeuvres"),
        ("Strauß", "strauss"),
        ("Þórðarson", "thordarson"),
        ("Işık", "isik"),
    ],
)
def test_letters_with_strokes_and_ligatures_file_as_their_base_letters_14_66(
    written: str, filed: str
) -> None:
    assert collate(written) == filed


def test_an_entry_with_a_stroked_letter_files_among_its_base_letter() -> None:
    items = {
        "lund": catalogue_book(id="lund", author=[{"family": "Lund", "given": "Erik"}]),
        "lovik": catalogue_book(id="lovik", author=[{"family": "Løvik", "given": "Kari"}]),
        "lowe": catalogue_book(id="lowe", author=[{"family": "Lowe", "given": "Ann"}]),
    }
    order = [entry.html()[:5] for entry in ChicagoEngine(items).bibliography()]
    assert order == ["Løvik", "Lowe,", "Lund,"]


def test_one_person_under_two_forms_files_as_one_name_titles_alphabetical_14_68() -> None:
    items = {
        "vi": _vietnamese_book("vi", "Trần", "Văn Trà", title="Đường tới chiến thắng: hồi ký"),
        "en": _vietnamese_book(
            "en",
            "Tran",
            "Van Tra",
            title="Duong toi chien thang: a translation",
            language="en",
            author=[{"family": "Tran", "given": "Van Tra", "static-ordering": True}],
        ),
        "other": catalogue_book(id="other", author=[{"family": "Tranh", "given": "Bao"}]),
    }
    order = [entry.html().split("<i>")[1][:12] for entry in ChicagoEngine(items).bibliography()]
    # "duongtoichienthangatranslation" < "duongtoichienthanghoiky", diacritics ignored.
    assert order == ["Duong Toi Ch", "Đường tới ch", "The River Tr"]


# --- a periodical's initial "The", and the page of a report held in an archive ------------


def test_a_book_reviews_and_an_interviews_journal_drop_their_the_14_172() -> None:
    review = {
        "id": "r",
        "type": "review-book",
        "author": [{"family": "Okafor", "given": "Ngozi"}],
        "container-title": "The Journal of African History",
        "reviewed-title": "Merchants of the Niger",
        "volume": "30",
        "issue": "2",
        "page": "340-341",
        "issued": {"date-parts": [["1989"]]},
    }
    assert "<i>Journal of African History</i> 30" in forms(review)[0]
    interview = {
        "id": "i",
        "type": "interview",
        "title": "The Art of Translation No. 4",
        "author": [{"family": "Achebe", "given": "Chinua"}],
        "interviewer": [{"family": "Brooks", "given": "Jerome"}],
        "container-title": "The Paris Review",
        "issue": "133",
        "issued": {"date-parts": [["1994"]]},
    }
    assert "<i>Paris Review</i>, no. 133" in forms(interview)[0]
    # An interview in a book keeps the book's "The".
    in_book = dict(interview, id="j", publisher="Heinemann", issue=None)
    in_book["container-title"] = "The Writer Speaks"
    assert "<i>The Writer Speaks</i>" in forms(in_book)[0]


def test_a_report_held_in_an_archive_is_cited_by_its_own_page_before_the_shelfmark_14_127() -> None:
    report = {
        "id": "rep",
        "type": "report",
        "title": "Economic Prospects of the Gold Coast",
        "genre": "Research Memorandum",
        "number": "RM-12",
        "author": [{"literal": "Colonial Office, Economic Department"}],
        "issued": {"date-parts": [["1951"]]},
        "archive": "The National Archives, Kew",
        "archive_location": "CO 554/254",
    }
    assert forms(report, "7")[0] == (
        "Colonial Office, Economic Department, <i>Economic Prospects of the Gold Coast</i>,"
        " Research Memorandum RM-12 (1951), 7, CO 554/254, The National Archives, Kew."
    )


def test_an_untitled_letter_files_among_its_authors_works_by_its_description_14_70() -> None:
    items = {
        "book": catalogue_book(id="book", title="Memoirs of a district officer"),
        "cable": {
            "id": "cable",
            "type": "personal_communication",
            "genre": "telegram",
            "author": [{"family": "Wright", "given": "Olive"}],
            "recipient": [{"literal": "Colonial Office"}],
            "issued": {"date-parts": [["1957", 3, 6]]},
            "archive": "The National Archives, Kew",
            "archive_location": "CO 554/1162",
        },
        "atlas": catalogue_book(id="atlas", title="An atlas of the Niger"),
    }
    entries = [entry.html() for entry in ChicagoEngine(items).bibliography()]
    # "Atlas" < "Memoirs" < "Telegram to Colonial Office": the untitled cable is not first.
    assert [e.split(". ")[1][:12] for e in entries] == [
        "<i>An Atlas ",
        "<i>Memoirs o",
        "Telegram to ",
    ]
