"""Record-side rules found by round 12 of the held-out libraries, each pinned on invented
items (not the held-out sets' own): court names in a case citation, bills in notes only, a
score's composer, preprints, the article before a descriptive meeting name, a web page's
description, a report's series and number."""

from __future__ import annotations

import pytest

from assistant.cite.courts import court_abbreviation
from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation


def notes_and_entry(item: dict, locator: str = "12") -> tuple[str, str, str | None]:
    """(full note, short note, bibliography entry or None for an item cited in notes only)."""
    engine = ChicagoEngine({item["id"]: item})
    citation = Citation(item["id"], locator)
    full = engine.full_note(citation).html()
    short = engine.short_note(citation).html()
    # An item cited in notes only has no entry in the bibliography the engine lists.
    entries = engine.bibliography([item["id"]])
    return full, short, entries[0].html() if entries else None


# --- courts (CMOS 18 14.175-14.176, Bluebook T1, T7, T10) --------------------------------


@pytest.mark.parametrize(
    ("court", "reporter", "expected"),
    [
        ("United States Court of Appeals for the Ninth Circuit", "F.3d", "9th Cir."),
        ("U.S. Court of Appeals for the Third Circuit", "F.2d", "3d Cir."),
        ("Court of Appeals for the Eleventh Circuit", "F.3d", "11th Cir."),
        ("United States Court of Appeals for the District of Columbia Circuit", "F.2d",
         "D.C. Cir."),
        ("United States Court of Appeals for the Federal Circuit", "F.3d", "Fed. Cir."),
        ("Fourth Circuit", "F.2d", "4th Cir."),
        ("United States District Court for the Eastern District of Pennsylvania", "F. Supp.",
         "E.D. Pa."),
        ("United States District Court for the Northern District of Illinois", "F. Supp. 2d",
         "N.D. Ill."),
        ("U.S. District Court for the District of New Jersey", "F. Supp.", "D.N.J."),
        ("United States District Court for the District of Minnesota", "F. Supp.", "D. Minn."),
        ("United States District Court for the District of Columbia", "F. Supp.", "D.D.C."),
        ("United States District Court for the Southern District of West Virginia", "F. Supp.",
         "S.D. W. Va."),
        # A state's highest court is implied by the state's own reports, named by a regional
        # reporter's citation.
        ("Supreme Court of New Jersey", "N.J.", ""),
        ("Supreme Court of Illinois", "Ill. 2d", ""),
        ("Supreme Court of Illinois", "N.E.2d", "Ill."),
        ("Texas Supreme Court", "S.W.2d", "Tex."),
        ("Supreme Judicial Court of Maine", "A.2d", "Me."),
        # A state's intermediate court of appeals, named unless its own reports name it.
        ("California Court of Appeal", "Cal. Rptr.", "Cal. Ct. App."),
        ("California Court of Appeal", "Cal. App. 3d", ""),
        ("Court of Appeals of Michigan", "N.W.2d", "Mich. Ct. App."),
        ("Court of Appeals of Texas", "S.W.3d", "Tex. App."),
        # New York's Supreme Court is a trial court, its highest the Court of Appeals.
        ("Court of Appeals of New York", "N.Y.2d", ""),
        ("Supreme Court of New York", "N.Y.S.2d", "N.Y. Sup. Ct."),
        # Already abbreviated, or unknown: as typed.
        ("5th Cir.", "F.2d", "5th Cir."),
        ("International Court of Justice", "I.C.J.", "International Court of Justice"),
    ],
)  # fmt: skip
def test_a_court_is_abbreviated_or_omitted_as_the_bluebook_tables_give_it_14_175(
    court: str, reporter: str, expected: str
) -> None:
    assert court_abbreviation(court, reporter) == expected


def test_a_district_court_case_cites_its_court_abbreviated_and_no_bibliography_14_175() -> None:
    item = {
        "id": "pentagon",
        "type": "legal_case",
        "title": "United States v. New York Times Co.",
        "authority": "United States District Court for the Southern District of New York",
        "container-title": "F. Supp.",
        "volume": "328",
        "page": "324",
        "issued": {"date-parts": [["1971", 6, 19]]},
    }
    full, short, bib = notes_and_entry(item, "330")
    assert (
        full == "<i>United States v. New York Times Co.</i>, 328 F. Supp. 324, 330 (S.D.N.Y. 1971)."
    )
    assert bib is None
    assert short == "<i>New York Times Co.</i>, 328 F. Supp. at 330."


def test_a_bill_gives_the_congress_abbreviated_and_is_cited_in_notes_only_14_173() -> None:
    # Zotero's Session field spelled out: "Cong." and "sess." as the Bluebook has them.
    item = {
        "id": "bill",
        "type": "bill",
        "title": "Civil Rights Act of 1963",
        "number": "H.R. 7152",
        "authority": "House",
        "chapter-number": "88th Congress, 1st Session",
        "issued": {"date-parts": [["1963", 6, 20]]},
    }
    full, short, bib = notes_and_entry(item, "")
    assert full == "Civil Rights Act of 1963, H.R. 7152, 88th Cong., 1st sess. (1963)."
    assert bib is None
    assert short == "Civil Rights Act of 1963."


# --- a score's composer, a recording's performer (CMOS 18 14.163-14.164) -----------------


def test_a_score_is_cited_under_its_composer_as_a_book_under_its_author_14_164() -> None:
    item = {
        "id": "barber",
        "type": "musical_score",
        "title": "Adagio for Strings",
        "composer": [{"family": "Barber", "given": "Samuel"}],
        "publisher": "G. Schirmer",
        "issued": {"date-parts": [["1939"]]},
    }
    full, short, bib = notes_and_entry(item, "3")
    assert full == "Samuel Barber, <i>Adagio for Strings</i> (G. Schirmer, 1939), 3."
    assert short == "Barber, <i>Adagio for Strings</i>, 3."
    assert bib == "Barber, Samuel. <i>Adagio for Strings</i>. G. Schirmer, 1939."
    # And it files under B, with the authors' books.
    engine = ChicagoEngine(
        {
            "barber": item,
            "copeland": {
                "id": "copeland",
                "type": "book",
                "title": "Music in Wartime",
                "author": [{"family": "Copeland", "given": "Ruth"}],
                "issued": {"date-parts": [["1950"]]},
            },
        }
    )
    assert [e.html()[:6] for e in engine.bibliography()] == ["Barber", "Copela"]


def test_a_recording_with_no_author_leads_with_its_composer_else_its_performer_14_163() -> None:
    album = {
        "id": "album",
        "type": "song",
        "title": "Symphony No. 7 (Leningrad)",
        "composer": [{"family": "Shostakovich", "given": "Dmitri"}],
        "performer": [{"literal": "Chicago Symphony Orchestra"}],
        "publisher": "Angel",
        "number": "DS-37919",
        "issued": {"date-parts": [["1989"]]},
        "medium": "LP",
    }
    full, _short, _bib = notes_and_entry(album, "")
    assert full.startswith("Dmitri Shostakovich, <i>Symphony No. 7 (Leningrad)</i>")
    performed = {k: v for k, v in album.items() if k != "composer"}
    full, _short, _bib = notes_and_entry(performed, "")
    assert full.startswith("Chicago Symphony Orchestra, <i>Symphony No. 7 (Leningrad)</i>")


# --- preprints (CMOS 18 14.110) -------------------------------------------------------------


def _preprint(**extra: object) -> dict:
    # As Zotero exports its Preprint type: CSL `article`, Repository as `publisher`, Archive ID
    # as `number`.
    return {
        "id": "pre",
        "type": "article",
        "title": "Tidal Records and the Cold War Navy",
        "author": [{"family": "Lindqvist", "given": "Karin"}],
        "publisher": "SocArXiv",
        "number": "osf.io/7xq2m",
        "issued": {"date-parts": [["2023", 2, 14]]},
        **extra,
    }


def test_a_preprint_names_itself_its_repository_and_full_date_14_110() -> None:
    full, short, bib = notes_and_entry(_preprint(DOI="10.31235/osf.io/7xq2m"), "")
    assert full == (
        "Karin Lindqvist, “Tidal Records and the Cold War Navy,” preprint, SocArXiv,"
        " February 14, 2023, https://doi.org/10.31235/osf.io/7xq2m."
    )
    assert short == "Lindqvist, “Tidal Records.”"
    assert bib == (
        "Lindqvist, Karin. “Tidal Records and the Cold War Navy.” Preprint, SocArXiv,"
        " February 14, 2023. https://doi.org/10.31235/osf.io/7xq2m."
    )


def test_a_preprint_without_a_doi_keeps_its_identifier_and_its_own_genre_14_110() -> None:
    full, _short, bib = notes_and_entry(_preprint(genre="Working paper"), "")
    assert full == (
        "Karin Lindqvist, “Tidal Records and the Cold War Navy,” working paper, SocArXiv,"
        " osf.io/7xq2m, February 14, 2023."
    )
    assert "  " not in bib
    assert bib.endswith("Working paper, SocArXiv, osf.io/7xq2m, February 14, 2023.")


# --- a web page's description (CMOS 18 14.104, 14.106) -----------------------------------


def test_a_web_page_says_what_kind_of_page_it_is_after_its_title_14_104() -> None:
    item = {
        "id": "factsheet",
        "type": "webpage",
        "title": "The Berlin Airlift, 1948–1949",
        "container-title": "Office of the Historian",
        "genre": "Fact sheet",
        "URL": "https://history.state.gov/milestones/1945-1952/berlin-airlift",
        "accessed": {"date-parts": [["2025", 3, 4]]},
    }
    full, _short, bib = notes_and_entry(item, "")
    assert full == (
        "“The Berlin Airlift, 1948–1949,” fact sheet, Office of the Historian, accessed March 4,"
        " 2025, https://history.state.gov/milestones/1945-1952/berlin-airlift."
    )
    assert bib == (
        "“The Berlin Airlift, 1948–1949.” Fact sheet. Office of the Historian. Accessed March 4,"
        " 2025. https://history.state.gov/milestones/1945-1952/berlin-airlift."
    )
    # Zotero's "Web page" says only what the item type says: not printed.
    plain, _short, _bib = notes_and_entry({**item, "genre": "Web page"}, "")
    assert plain.startswith("“The Berlin Airlift, 1948–1949,” Office of the Historian,")


# --- a report numbered in its series (CMOS 18 14.123) -------------------------------------


def test_a_report_numbered_in_its_series_gives_the_number_after_the_series_14_123() -> None:
    # Zotero's report has no Series Number: the writer puts the series' number in Report
    # Number, with no report type.
    item = {
        "id": "fao",
        "type": "report",
        "title": "Land Reform and Rural Credit in the Near East",
        "author": [{"family": "Warriner", "given": "Doreen"}],
        "collection-title": "FAO Agricultural Development Paper",
        "number": "62",
        "publisher": "Food and Agriculture Organization of the United Nations",
        "issued": {"date-parts": [["1957"]]},
    }
    full, _short, bib = notes_and_entry(item, "14")
    assert full == (
        "Doreen Warriner, <i>Land Reform and Rural Credit in the Near East</i>, FAO Agricultural"
        " Development Paper 62 (Food and Agriculture Organization of the United Nations, 1957),"
        " 14."
    )
    assert bib == (
        "Warriner, Doreen. <i>Land Reform and Rural Credit in the Near East</i>. FAO Agricultural"
        " Development Paper 62. Food and Agriculture Organization of the United Nations, 1957."
    )
    # A number with letters is the report's own, given before its series.
    own = {**item, "number": "RM-2045"}
    assert notes_and_entry(own, "14")[0] == (
        "Doreen Warriner, <i>Land Reform and Rural Credit in the Near East</i>, RM-2045, FAO"
        " Agricultural Development Paper (Food and Agriculture Organization of the United"
        " Nations, 1957), 14."
    )


# --- many authors in the bibliography (CMOS 18 14.76) -------------------------------------


def _many(count: int) -> dict:
    surnames = [
        "Abe",
        "Berg",
        "Chen",
        "Dahl",
        "Eze",
        "Ford",
        "Gupta",
        "Hale",
        "Ito",
        "Jonas",
        "Kova",
        "Lund",
    ]
    return {
        "id": f"many{count}",
        "type": "article-journal",
        "title": "Fallout in Arctic Lichens",
        "container-title": "Science",
        "volume": "140",
        "page": "10-12",
        "author": [{"family": s, "given": "A."} for s in surnames[:count]],
        "issued": {"date-parts": [["1963"]]},
    }


def test_the_bibliography_names_up_to_six_authors_and_of_seven_or_more_three_et_al_14_76() -> None:
    # CMOS 18 changed 14.76 (the 17th edition listed up to ten, of more the first seven): the
    # CSL 18th-edition style has the same thresholds (et-al-min 7, et-al-use-first 3).
    six = notes_and_entry(_many(6))[2]
    assert six is not None
    assert six.startswith("Abe, A., A. Berg, A. Chen, A. Dahl, A. Eze, and A. Ford. “Fallout")
    for count in (7, 11, 12):
        entry = notes_and_entry(_many(count))[2]
        assert entry is not None
        assert entry.startswith("Abe, A., A. Berg, A. Chen, et al. “Fallout"), count


# --- a newspaper's section (CMOS 18 14.89) ------------------------------------------------


def test_a_newspaper_section_numbered_in_words_is_abbreviated_sec_14_89() -> None:
    item = {
        "id": "trib",
        "type": "article-newspaper",
        "title": "Strike Spreads to Gary Mills",
        "container-title": "Chicago Tribune",
        "author": [{"family": "Novak", "given": "Walter"}],
        "section": "Section 2",
        "issued": {"date-parts": [["1959", 7, 16]]},
    }
    full, _short, _bib = notes_and_entry(item, "")
    assert full.endswith("<i>Chicago Tribune</i>, July 16, 1959, sec. 2.")
    # A section's own name is given as the paper prints it.
    named = notes_and_entry({**item, "section": "Sunday Review"}, "")[0]
    assert named.endswith("July 16, 1959, Sunday Review.")
