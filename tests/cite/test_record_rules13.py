"""Record-side rules found by round 13 of the held-out libraries, each pinned on invented
items (not the held-out sets' own): a database's run added to a newspaper's name, a
catalogue's thesis genre, co-authors who share a surname, a diary cited by description,
parliamentary debates, a course syllabus, an audiobook, a signed entry in an online
encyclopedia, and the order of edition, volume and editor."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.items import prepare
from assistant.cite.model import Citation
from assistant.cite.other import thesis_kind

from .test_record_rules12 import notes_and_entry as _forms

# --- a database's trailing place and run (CMOS 18 14.89) -----------------------------------


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        ("The Argus (Melbourne, Vic. : 1848 - 1957)", "Argus"),
        ("The Canberra Times (ACT : 1926 - 1995)", "Canberra Times"),
        ("Daily News (Perth, WA : 1882 - 1950)", "Daily News"),
        ("The Mercury (Hobart, Tas. : 1860 - 1954)", "Mercury"),
        ("Chicago Daily Tribune (1872-1922)", "Chicago Daily Tribune"),
        # A place alone is part of how an editor names the paper: kept.
        ("The Times (London)", "Times (London)"),
    ],
)
def test_a_newspaper_is_named_without_the_database_s_place_and_run_14_89(
    container: str, expected: str
) -> None:
    item = {
        "id": "paper",
        "type": "article-newspaper",
        "title": "Wool Sales Open at Geelong",
        "container-title": container,
        "issued": {"date-parts": [[1931, 10, 3]]},
        "URL": "http://nla.gov.au/nla.news-article4411122",
    }
    full, short, bib = _forms(item)
    assert f"<i>{expected}</i>, October 3, 1931" in full
    assert f"<i>{expected}</i>" in short and "1848" not in short and ":" not in short
    assert bib is not None and bib.startswith(f"<i>{expected}</i>. “Wool Sales")


# --- thesis genres as catalogues record them (CMOS 18 14.113, 10.20) -----------------------


@pytest.mark.parametrize(
    ("genre", "expected"),
    [
        ("Thesis (M.A.)", "MA thesis"),
        ("Thesis (Ph. D.)", "PhD diss."),
        ("Thesis (Ph.D.)--University of Toronto, 1984", "PhD diss."),
        ("Ph.D. thesis", "PhD diss."),
        ("M.Phil.", "MPhil thesis"),
        ("D.Phil. thesis", "DPhil thesis"),
        ("Thesis (M.Sc.)", "MSc thesis"),
        ("Ed.D. dissertation", "EdD diss."),
        ("LL.M. thesis", "LLM thesis"),
        # The kind capitalized as a catalogue or a title-cased export types it.
        ("M.Phil. Dissertation", "MPhil diss."),
        ("MA Thesis", "MA thesis"),
        # Genres that name no degree stay as recorded.
        ("Master's thesis", "Master's thesis"),
        ("Diplomarbeit", "Diplomarbeit"),
        ("Honours thesis", "Honours thesis"),
    ],
)
def test_a_catalogue_s_thesis_note_gives_the_degree_without_periods_14_113(
    genre: str, expected: str
) -> None:
    assert thesis_kind(genre) == expected


def test_a_masters_thesis_from_a_catalogue_reads_ma_thesis_in_note_and_bibliography_14_113() -> (
    None
):
    item = {
        "id": "th",
        "type": "thesis",
        "title": "Sheep Stations of the Wairarapa, 1860–1900",
        "author": [{"family": "Halloran", "given": "Bridget"}],
        "genre": "Thesis (M.A.)",
        "publisher": "Victoria University of Wellington",
        "issued": {"date-parts": [[1969]]},
    }
    full, _short, bib = _forms(item)
    assert "(MA thesis, Victoria University of Wellington, 1969), 12." in full
    assert bib is not None and bib.endswith("MA thesis, Victoria University of Wellington, 1969.")


# --- co-authors who share a surname (CMOS 18 14.29; CSL add-givenname by-name) -------------


def test_co_authors_sharing_a_surname_print_alike_in_a_short_note_14_29() -> None:
    items = {
        "pair": {
            "id": "pair",
            "type": "book",
            "title": "The Coastal Trade of Ceylon",
            "author": [
                {"family": "Perera", "given": "Anoma"},
                {"family": "Perera", "given": "Lalith"},
            ],
            "publisher": "Lake House",
            "issued": {"date-parts": [[1981]]},
        },
        "solo": {
            "id": "solo",
            "type": "book",
            "title": "Harbours and Hinterlands",
            "author": [{"family": "Perera", "given": "Lalith"}],
            "publisher": "Lake House",
            "issued": {"date-parts": [[1985]]},
        },
    }
    engine = ChicagoEngine(items)
    engine.full_note(Citation("pair", "3"))
    engine.full_note(Citation("solo", "4"))
    short = engine.short_note(Citation("pair", "5")).html()
    assert short.startswith("Perera and Perera, ")
    assert "Anoma" not in short


# --- a web page's kind, a description (CMOS 18 14.104, 14.111) -----------------------------


def test_a_course_syllabus_is_lowercase_in_a_note_one_sentence_in_the_bibliography_14_104() -> None:
    item = {
        "id": "syl",
        "type": "webpage",
        "title": "ECON 210: Economic History of Latin America",
        "genre": "Course syllabus",
        "container-title": "Department of Economics, University of Toronto",
        "author": [{"family": "Bastos", "given": "Renata"}],
        "issued": {"date-parts": [[2021, 9, 7]]},
        "URL": "https://example.org/econ210.pdf",
    }
    full, _short, bib = _forms(item)
    assert "America,” course syllabus, Department of Economics, University of Toronto, " in full
    assert bib is not None
    assert "America.” Course syllabus, Department of Economics, University of Toronto, " in bib


# --- an audiobook (CMOS 18 14.163) ---------------------------------------------------------


def test_an_audiobook_is_cited_as_its_book_read_by_its_narrator_medium_last_14_163() -> None:
    item = {
        "id": "ab",
        "type": "song",
        "title": "The Year of the French",
        "author": [{"family": "Flanagan", "given": "Thomas"}],
        "narrator": [{"family": "Keating", "given": "Aoife"}],
        "medium": "Audiobook",
        "publisher": "Blackstone Audio",
        "issued": {"date-parts": [[2017]]},
    }
    full, _short, bib = _forms(item)
    assert full.startswith(
        "Thomas Flanagan, <i>The Year of the French</i>, read by Aoife Keating"
        " (Blackstone Audio, 2017), "
    )
    assert full.endswith(", audiobook.")
    assert bib == (
        "Flanagan, Thomas. <i>The Year of the French</i>. Read by Aoife Keating."
        " Blackstone Audio, 2017. Audiobook."
    )


# --- parliamentary debates (CMOS 18 14.193-14.196) -----------------------------------------


def _debates(**extra: object) -> dict:
    return {
        "id": "deb",
        "type": "book",
        "title": "House of Commons Debates: Official Report",
        "author": [{"literal": "Canada, Parliament"}],
        "publisher": "Queen's Printer",
        "issued": {"date-parts": [[1963]]},
        **extra,
    }


@pytest.mark.parametrize(
    "sitting", ["26th Parliament, 1st Session", "26th Parl., 1st sess.", "26 Parl., 1 Sess."]
)
def test_debates_give_parliament_and_session_then_the_volume_the_page_alone_14_195(
    sitting: str,
) -> None:
    full, _short, bib = _forms(_debates(**{"collection-title": sitting, "volume": "2"}), "1710")
    assert full == (
        "Canada, Parliament, <i>House of Commons Debates: Official Report</i>, 26th Parl.,"
        " 1st sess., vol. 2 (Queen’s Printer, 1963), 1710."
    )
    assert bib == (
        "Canada, Parliament. <i>House of Commons Debates: Official Report</i>. 26th Parl.,"
        " 1st sess., vol. 2. Queen’s Printer, 1963."
    )


def test_debates_without_a_session_still_cite_vol_and_page_not_volume_colon_page_14_194() -> None:
    item = _debates(title="Parliamentary Debates (Hansard): House of Lords", volume="212")
    item["author"] = [{"literal": "United Kingdom, Parliament"}]
    full, _short, _bib = _forms(item, "88")
    assert full.endswith(", vol. 212 (Queen’s Printer, 1963), 88.")
    # A book in many volumes keeps the colon form (14.118).
    book = {
        "id": "b",
        "type": "book",
        "title": "The Papers of Sir John A. Macdonald",
        "author": [{"family": "Pope", "given": "Joseph"}],
        "volume": "2",
        "publisher": "Oxford University Press",
        "issued": {"date-parts": [[1921]]},
    }
    assert _forms(book, "88")[0].endswith("(Oxford University Press, 1921), 2:88.")


# --- a document whose title names only its kind (CMOS 18 14.111, 14.119, 14.127) -----------


def test_a_diary_titled_diary_is_cited_by_its_description_and_date_14_127() -> None:
    item = {
        "id": "d",
        "type": "manuscript",
        "genre": "diary",
        "title": "Diary",
        "author": [{"family": "Pickersgill", "given": "John Whitney"}],
        "issued": {"date-parts": [[1957, 6, 10]]},
        "archive": "Library and Archives Canada",
        "archive-place": "Ottawa",
        "archive_collection": "J. W. Pickersgill Papers",
        "archive_location": "MG 32 B34",
    }
    # Untitled by design: no "no title" warning for a described document.
    assert prepare("d", item).warnings == []
    full, short, bib = _forms(item, "")
    assert full == (
        "John Whitney Pickersgill, diary, June 10, 1957, MG 32 B34, J. W. Pickersgill Papers,"
        " Library and Archives Canada, Ottawa."
    )
    assert short == "Pickersgill, diary, June 10, 1957."
    assert bib == (
        "Pickersgill, John Whitney. Diary. June 10, 1957. MG 32 B34. J. W. Pickersgill Papers."
        " Library and Archives Canada, Ottawa."
    )


# --- edition, volume and editor of a work a chapter or entry is in (CMOS 18 14.117) --------


def _entry(**extra: object) -> dict:
    return {
        "id": "e",
        "type": "entry-encyclopedia",
        "title": "Dust Bowl",
        "author": [{"family": "Whitcomb", "given": "Laura"}],
        "container-title": "Encyclopedia of the Great Plains",
        "editor": [{"family": "Wishart", "given": "David J."}],
        "edition": "2",
        "publisher": "University of Nebraska Press",
        "issued": {"date-parts": [[2011]]},
        **extra,
    }


def test_a_volume_of_a_later_edition_gives_edition_volume_then_editor_14_117() -> None:
    full, _short, bib = _forms(_entry(volume="1"), "88")
    assert (
        "in <i>Encyclopedia of the Great Plains</i>, 2nd ed., vol. 1, ed. David J. Wishart ("
        in full
    )
    assert bib is not None
    assert (
        "In <i>Encyclopedia of the Great Plains</i>, 2nd ed., vol. 1, edited by David J. Wishart."
        " University of Nebraska Press, 2011."
    ) in bib


def test_without_a_volume_the_editor_precedes_the_edition_14_117() -> None:
    full, _short, bib = _forms(_entry(type="chapter"), "88")
    assert "in <i>Encyclopedia of the Great Plains</i>, ed. David J. Wishart, 2nd ed. (" in full
    assert bib is not None and "edited by David J. Wishart. 2nd ed. University" in bib


# --- a signed entry in a well-known reference work (CMOS 18 14.130) ------------------------


def test_a_signed_entry_in_a_known_encyclopedia_is_under_its_headword_by_its_author_14_130() -> (
    None
):
    item = {
        "id": "eb",
        "type": "entry-encyclopedia",
        "title": "Marshall Plan",
        "author": [{"family": "Ostrander", "given": "Helen R."}],
        "container-title": "Encyclopædia Britannica",
        "issued": {"date-parts": [[2025, 3, 2]]},
        "URL": "https://www.britannica.com/event/Marshall-Plan",
    }
    full, short, bib = _forms(item, "")
    assert full == (
        "<i>Encyclopædia Britannica</i>, under “Marshall Plan,” by Helen R. Ostrander,"
        " last modified March 2, 2025, https://www.britannica.com/event/Marshall-Plan."
    )
    assert short == "<i>Encyclopædia Britannica</i>, under “Marshall Plan.”"
    assert bib is None  # cited in notes only


def test_a_signed_entry_with_its_publisher_is_cited_as_a_chapter_with_an_entry_14_130() -> None:
    item = {
        "id": "dnb",
        "type": "entry-dictionary",
        "title": "Laurier, Sir Wilfrid (1841–1919)",
        "author": [{"family": "Bélanger", "given": "Réal"}],
        "container-title": "Dictionary of Canadian Biography",
        "publisher": "University of Toronto Press",
        "issued": {"date-parts": [[1998]]},
        "URL": "https://www.biographi.ca/en/bio/laurier_wilfrid_14E.html",
    }
    full, short, bib = _forms(item, "")
    assert full.startswith("Réal Bélanger, “Laurier, Sir Wilfrid (1841–1919),” in <i>Dictionary")
    assert short.startswith("Bélanger, ")
    assert bib is not None and bib.startswith("Bélanger, Réal. “Laurier")


def test_an_edited_book_of_debates_keeps_volume_colon_page_14_118() -> None:
    item = {
        "id": "elliot",
        "type": "book",
        "title": "The Debates in the Several State Conventions on the Adoption of the Federal"
        " Constitution",
        "editor": [{"family": "Elliot", "given": "Jonathan"}],
        "volume": "3",
        "publisher": "J. B. Lippincott",
        "issued": {"date-parts": [[1861]]},
    }
    assert _forms(item, "45")[0].endswith("(J. B. Lippincott, 1861), 3:45.")
