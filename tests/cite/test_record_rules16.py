"""Record-side rules found by round 16 of the held-out libraries, each pinned on invented
items (not the held-out sets' own): catalogue abbreviations in a publisher's name, archival
containers and open ranges, a repository's place, an oral history's medium, particles that
are articles, volume numbers."""

from __future__ import annotations

import pytest

from .test_record_rules12 import notes_and_entry as _forms

# --- a catalogue's abbreviations in a publisher's name (AACR2 app. B; CMOS 18 14.51) -------


@pytest.mark.parametrize(
    ("publisher", "printed"),
    [
        (
            "Naval History Division, Dept. of the Navy",
            "Naval History Division, Department of the Navy",
        ),
        ("U.S. Govt. Print. Off.", "U.S. Government Printing Office"),
    ],
)
def test_catalogue_abbreviations_in_a_publisher_are_spelled_out_14_51(
    publisher: str, printed: str
) -> None:
    item = {
        "id": "hooper1976",
        "type": "book",
        "title": "The Navy and the Pacific Islands",
        "author": [{"family": "Hooper", "given": "Edwin B."}],
        "publisher": publisher,
        "publisher-place": "Washington",
        "issued": {"date-parts": [["1976"]]},
        "source": "Library of Congress Catalog",
    }
    full, _, bib = _forms(item)
    assert f"({printed}, 1976), 12." in full
    assert bib is not None and f"{printed}, 1976." in bib


# --- archival containers, open ranges, the repository's place (CMOS 18 14.128, 6.78) -----


def _record(**extra: object) -> dict:
    return {
        "id": "7cav-journal",
        "type": "manuscript",
        "title": "Unit Journal",
        "genre": "unit journal",
        "author": [{"literal": "7th Cavalry Regiment"}],
        "issued": {"date-parts": [["1951", 3]]},
        "archive_location": "Box 88, Entry NM3 429A",
        "archive_collection": "Records of U.S. Army Commands, 1942-, RG 338",
        "archive": "National Archives at College Park",
        "archive-place": "College Park, MD",
        **extra,
    }


def test_entry_is_a_container_lowercase_mid_note_14_128() -> None:
    full, _, bib = _forms(_record())
    assert "box 88, entry NM3 429A," in full
    assert bib is not None and "Box 88, entry NM3 429A." in bib


def test_open_year_range_in_a_collection_takes_en_dash_6_78() -> None:
    full, _, bib = _forms(_record())
    assert "Records of U.S. Army Commands, 1942–, RG 338" in full
    assert bib is not None and "1942–, RG 338." in bib


def test_place_the_repository_names_is_not_repeated_14_128() -> None:
    full, _, bib = _forms(_record())
    assert full.endswith("RG 338, National Archives at College Park, MD.")
    assert bib is not None and bib.endswith("National Archives at College Park, MD.")


def test_place_the_repository_does_not_name_is_kept_14_128() -> None:
    item = _record(archive="Eisenhower Presidential Library", **{"archive-place": "Abilene, KS"})
    full, _, _ = _forms(item)
    assert full.endswith("Eisenhower Presidential Library, Abilene, KS.")


# --- an oral history's page is the transcript's (CMOS 18 14.113) -------------------------


def test_medium_of_an_oral_history_precedes_its_page_14_113() -> None:
    item = {
        "id": "collins1972",
        "type": "interview",
        "author": [{"family": "Collins", "given": "J. Lawton"}],
        "interviewer": [{"family": "Hatcher", "given": "Charles"}],
        "issued": {"date-parts": [["1972", 5, 4]]},
        "archive_collection": "Senior Officers Oral History Program",
        "archive": "Army War College",
        "archive-place": "Carlisle Barracks, PA",
        "medium": "Transcript",
    }
    full, _, _ = _forms(item, "118")
    assert "May 4, 1972, transcript, 118, Senior Officers Oral History Program" in full


# --- a particle that is an article is never dropped (CMOS 18 8.5, 14.71) -----------------


def _book(person: dict, language: str = "en") -> dict:
    return {
        "id": "p",
        "type": "book",
        "title": "A Summer in Brittany",
        "author": [person],
        "publisher": "Gallimard",
        "issued": {"date-parts": [["1961"]]},
        "language": language,
    }


def test_lowercase_article_particle_files_with_surname_8_5() -> None:
    person = {"family": "Moine", "given": "Antoine", "non-dropping-particle": "le"}
    full, short, bib = _forms(_book(person))
    assert full.startswith("Antoine le Moine, ")
    assert short.startswith("le Moine, ")
    assert bib is not None and bib.startswith("le Moine, Antoine. ")


def test_preposition_before_article_is_dropped_article_kept_8_5() -> None:
    person = {"family": "Bruyère", "given": "Jean", "non-dropping-particle": "de La"}
    full, short, bib = _forms(_book(person, "fr"))
    assert full.startswith("Jean de La Bruyère, ")
    assert short.startswith("La Bruyère, ")
    assert bib is not None and bib.startswith("La Bruyère, Jean de. ")


def test_preposition_particle_alone_still_inverted_8_5() -> None:
    person = {"family": "Tocqueville", "given": "Alexis", "non-dropping-particle": "de"}
    _, short, bib = _forms(_book(person, "fr"))
    assert short.startswith("de Tocqueville, ")
    assert bib is not None and bib.startswith("Tocqueville, Alexis de. ")


# --- a journal numbered by issue within the year (CMOS 18 14.171) ------------------------


def test_volume_that_repeats_the_year_is_not_printed_14_171() -> None:
    item = {
        "id": "sokolova2009",
        "type": "article-journal",
        "title": "Kolkhoz Markets and the Late Soviet Household",
        "container-title": "Kritika",
        "volume": "2009",
        "issue": "3",
        "page": "55-80",
        "author": [{"family": "Sokolova", "given": "Irina"}],
        "issued": {"date-parts": [["2009"]]},
    }
    full, _, bib = _forms(item)
    assert "<i>Kritika</i>, no. 3 (2009): 12." in full
    assert bib is not None and "<i>Kritika</i>, no. 3 (2009): 55–80." in bib


def test_volume_other_than_the_year_is_printed_14_171() -> None:
    item = {
        "id": "sokolova2010",
        "type": "article-journal",
        "title": "Kolkhoz Markets",
        "container-title": "Kritika",
        "volume": "11",
        "issue": "3",
        "author": [{"family": "Sokolova", "given": "Irina"}],
        "issued": {"date-parts": [["2010"]]},
    }
    full, _, _ = _forms(item)
    assert "<i>Kritika</i> 11, no. 3 (2010): 12." in full


# --- roman volume numbers and parts in arabic (CMOS 18 9.28, 14.116-14.117) -------------


def _frus(volume: str) -> dict:
    return {
        "id": "frus1958v15",
        "type": "book",
        "title": "Foreign Relations of the United States, 1958-1960",
        "title-short": "FRUS, 1958-1960",
        "volume": volume,
        "volume-title": "South and Southeast Asia",
        "author": [{"literal": "U.S. Department of State"}],
        "publisher": "Government Printing Office",
        "issued": {"date-parts": [["1992"]]},
    }


def test_roman_volume_number_is_arabic_9_28() -> None:
    full, short, bib = _forms(_frus("XV"), "431")
    assert "1958–1960</i>, vol. 15, <i>South and Southeast Asia</i> (" in full
    assert short.endswith("15:431.")
    assert bib is not None and "Vol. 15, <i>South and Southeast Asia</i>." in bib


def test_roman_volume_with_part_is_vol_pt_14_117() -> None:
    full, _, _ = _forms(_frus("XVI, Part 1"))
    assert "vol. 16, pt. 1, <i>South and Southeast Asia</i>" in full


def test_word_that_looks_roman_only_in_lowercase_is_left_14_117() -> None:
    # "xiv" typed lowercase is left as typed, as is a volume that is no numeral at all.
    full, _, _ = _forms(_frus("Supplement"))
    assert "Supplement" in full


# --- a personal communication is cited by its description (CMOS 18 14.111) -------------


@pytest.mark.parametrize("genre", ["email", "Email", "text message"])
def test_private_message_subject_line_is_not_cited_14_111(genre: str) -> None:
    item = {
        "id": "okafor-email",
        "type": "personal_communication",
        "genre": genre,
        "title": "Re: chapter 3 draft",
        "author": [{"family": "Okafor", "given": "Nneka"}],
        "recipient": [{"literal": "the author"}],
        "issued": {"date-parts": [["2025", 3, 2]]},
    }
    full, short, bib = _forms(item, "")
    kind = genre.lower()
    assert full == f"Nneka Okafor, {kind} to the author, March 2, 2025."
    assert short == f"Okafor, {kind} to the author, March 2, 2025."
    assert bib is None


def test_titled_letter_keeps_its_title_14_111() -> None:
    item = {
        "id": "okafor-letter",
        "type": "letter",
        "title": "On the Lagos Conference",
        "author": [{"family": "Okafor", "given": "Nneka"}],
        "recipient": [{"family": "Mensah", "given": "Kofi"}],
        "issued": {"date-parts": [["1962", 3, 2]]},
        "archive": "Balme Library",
    }
    full, _, _ = _forms(item, "")
    assert "“On the Lagos Conference,”" in full


# --- a lecture's kind runs on lowercase in a note (CMOS 18 14.115) ----------------------


def test_recorded_lecture_genre_lowercase_mid_note_14_115() -> None:
    item = {
        "id": "brandt2024",
        "type": "speech",
        "genre": "Recorded lecture",
        "title": "The Berlin Airlift",
        "author": [{"family": "Brandt", "given": "Helga"}],
        "event-title": "HIST 210: Modern Germany, Northfield College",
        "issued": {"date-parts": [["2024", 2, 6]]},
    }
    full, _, bib = _forms(item, "")
    assert "“The Berlin Airlift,” recorded lecture, HIST 210" in full
    assert bib is not None and "“The Berlin Airlift.” Recorded lecture, HIST 210" in bib


# --- an audiobook read by its author, and a book saved with a narrator (CMOS 18 14.163) ---


def _audiobook(narrator: dict) -> dict:
    return {
        "id": "atwood2019",
        "type": "book",
        "title": "A Northern Childhood",
        "author": [{"family": "Lindqvist", "given": "Maja"}],
        "narrator": [narrator],
        "publisher": "Random House Audio",
        "issued": {"date-parts": [["2019"]]},
        "medium": "Audiobook",
    }


def test_book_read_by_its_author_is_read_by_the_author_14_163() -> None:
    full, _, bib = _forms(_audiobook({"family": "Lindqvist", "given": "Maja"}), "3")
    assert full == (
        "Maja Lindqvist, <i>A Northern Childhood</i>, read by the author "
        "(Random House Audio, 2019), 3, audiobook."
    )
    assert bib == (
        "Lindqvist, Maja. <i>A Northern Childhood</i>. Read by the author. "
        "Random House Audio, 2019. Audiobook."
    )


def test_audiobook_read_by_another_names_the_reader_14_163() -> None:
    full, _, _ = _forms(_audiobook({"family": "Okoro", "given": "Ben"}), "3")
    assert "read by Ben Okoro (Random House Audio, 2019), 3, audiobook." in full


# --- volumes of one work file in their order (CMOS 18 14.67) -----------------------------


def test_volumes_of_one_work_file_by_number_not_reprint_year_14_67() -> None:
    from assistant.cite.engine import ChicagoEngine

    def volume(number: str, year: str) -> dict:
        return {
            "id": f"v{number}",
            "type": "book",
            "title": "The Royal Navy in the Pacific",
            "volume": number,
            "author": [{"family": "Harcourt", "given": "Giles"}],
            "publisher": "Naval Institute Press",
            "issued": {"date-parts": [[year]]},
        }

    items = {i["id"]: i for i in (volume("2", "1958"), volume("1", "1990"), volume("10", "1960"))}
    engine = ChicagoEngine(items)
    entries = [e.html() for e in engine.bibliography()]
    assert [e.split("Vol. ")[1][:2] for e in entries] == ["1.", "2.", "10"]


# --- a forum post: the forum as written, then the platform (CMOS 18 14.106) ---------------


def _thread(genre: str, forum: str) -> dict:
    return {
        "id": "thread",
        "type": "post",
        "title": "Were ration books still used in Britain in 1953?",
        "container-title": forum,
        "genre": genre,
        "author": [{"literal": "QuietArchivist"}],
        "issued": {"date-parts": [["2019", 6, 3]]},
        "URL": "https://www.reddit.com/r/AskHistorians/comments/abc123/",
    }


def test_subreddit_then_platform_the_genre_names_14_106() -> None:
    full, _, _ = _forms(_thread("Reddit Post", "r/AskHistorians"), "")
    assert full == (
        "QuietArchivist, “Were ration books still used in Britain in 1953?” r/AskHistorians,"
        " Reddit, June 3, 2019, https://www.reddit.com/r/AskHistorians/comments/abc123/."
    )


def test_generic_forum_post_is_a_description_14_106() -> None:
    full, _, _ = _forms(_thread("forum post", "H-Net Discussion Networks"), "")
    assert "1953?” forum post, H-Net Discussion Networks, June 3, 2019" in full


# --- text generated by an AI tool: a note only (CMOS 18 14.112) -------------------------


@pytest.mark.parametrize(
    ("tool", "maker", "url"),
    [
        ("Claude", "Anthropic", "https://claude.ai/"),
        ("Gemini", "Google", "https://gemini.google.com/app"),
    ],
)
def test_ai_generated_text_is_cited_as_generated_text_14_112(
    tool: str, maker: str, url: str
) -> None:
    item = {
        "id": "ai",
        "type": "software",
        "title": tool,
        "publisher": maker,
        "version": "3",
        "issued": {"date-parts": [["2025", 4, 9]]},
        "URL": url,
    }
    full, short, bib = _forms(item, "")
    assert full == f"Text generated by {tool}, {maker}, April 9, 2025, {url}."
    assert short == f"Text generated by {tool}, {maker}, April 9, 2025."
    assert bib is None


def test_ordinary_software_keeps_its_release_14_169() -> None:
    item = {
        "id": "zotero",
        "type": "software",
        "title": "Zotero",
        "publisher": "Corporation for Digital Scholarship",
        "version": "7.0",
        "issued": {"date-parts": [["2024"]]},
    }
    full, _, bib = _forms(item, "")
    assert "released 2024" in full
    assert bib is not None


# --- a video game: platform, then publisher and year (CMOS 18 14.168) --------------------


def test_video_game_is_cited_as_published_work_14_168() -> None:
    item = {
        "id": "game",
        "type": "software",
        "title": "Papers, Please",
        "author": [{"literal": "Lucas Pope"}],
        "publisher": "Devolver Digital",
        "medium": "Nintendo Switch",
        "issued": {"date-parts": [["2013", 8, 8]]},
        "URL": "https://papersplea.se/",
    }
    full, _, bib = _forms(item, "")
    assert full == "Lucas Pope, <i>Papers, Please</i>, Nintendo Switch (Devolver Digital, 2013)."
    assert bib == "Lucas Pope. <i>Papers, Please</i>. Nintendo Switch. Devolver Digital, 2013."


def test_capitalized_generic_forum_post_is_still_a_description_14_106() -> None:
    full, _, _ = _forms(_thread("Forum post", "H-Net Discussion Networks"), "")
    assert "1953?” forum post, H-Net Discussion Networks, June 3, 2019" in full


# --- an exhibition's name is roman (CMOS 18 8.206) --------------------------------------


def test_exhibition_name_is_roman_not_italic_8_206() -> None:
    item = {
        "id": "exh",
        "type": "event",
        "genre": "Exhibition",
        "title": "Iron Curtain Kitchens: Domestic Life in East and West",
        "publisher": "Museum of London",
        "event-place": "London",
        "issued": {"date-parts": [["2024", 3, 1], ["2024", 9, 30]]},
    }
    full, _, bib = _forms(item, "")
    assert full.startswith("Iron Curtain Kitchens: Domestic Life in East and West, exhibition,")
    assert "<i>" not in full
    assert bib is not None and "<i>" not in bib
