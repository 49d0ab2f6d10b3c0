"""CMOS 18 rules for periodicals, media, legal and technical items and archival copies that the
held-out libraries 14-17 showed the engine breaking, each pinned here on invented items of the
same kinds (never the sets' own), so the sets keep measuring.

Section numbers are CMOS 18's (chapter 14, notes and bibliography) and the Bluebook's where
CMOS 14.174 adopts it.
"""

from __future__ import annotations

from typing import Any

import pytest

from .test_cmos18_tuning_rules import forms


def article(issue: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": "art",
        "type": "article-journal",
        "title": "Containment and Its Critics",
        "author": [{"family": "Hale", "given": "Norma"}],
        "container-title": "Journal of Cold War Studies",
        "volume": "12",
        "issue": issue,
        "page": "101-130",
        "issued": {"date-parts": [[2010]]},
        **fields,
    }


# --- issues (14.171) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issue", "printed"),
    [
        # "no." labels an issue that is a number, a code with figures or a pair of them.
        ("3", "12, no. 3 (2010)"),
        ("S2", "12, no. S2 (2010)"),
        ("12/13", "12, no. 12/13 (2010)"),
        ("3-4", "12, nos. 3–4 (2010)"),
        ("No. 4", "12, no. 4 (2010)"),
        ("Issue 4", "12, no. 4 (2010)"),
        ("n° 4", "12, no. 4 (2010)"),
        ("H. 4", "12, no. 4 (2010)"),
        # An issue led by a word prints as given, "suppl." lowercase and abbreviated.
        ("Supplement 2", "12, suppl. 2 (2010)"),
        ("suppl. 2", "12, suppl. 2 (2010)"),
        ("Special Issue", "12, special issue (2010)"),
    ],
)
def test_no_labels_numbered_issues_only_14_171(issue: str, printed: str) -> None:
    full, _, bib = forms(article(issue))
    assert f"<i>Journal of Cold War Studies</i> {printed}: 12." in full
    assert bib is not None and f"<i>Journal of Cold War Studies</i> {printed}: 101–30." in bib


@pytest.mark.parametrize(
    ("issue", "printed"),
    [("Spring", "12 (Spring 2010)"), ("Winter 2010-11", "12 (Winter 2010–11)")],
)
def test_a_season_in_the_issue_field_dates_the_issue_14_171(issue: str, printed: str) -> None:
    full, _, _ = forms(article(issue))
    assert f"<i>Journal of Cold War Studies</i> {printed}: 12." in full


# --- a periodical's initial "The" (14.172) ---------------------------------------------------


def test_the_is_dropped_from_the_journal_of_a_review_and_of_an_interview_14_172() -> None:
    review = {
        "id": "rev",
        "type": "review-book",
        "author": [{"family": "Ostrow", "given": "Daniel"}],
        "reviewed-title": "The Specter of Neutralism: The United States and the Emergence of"
        " the Third World",
        "reviewed-author": [{"family": "Brands", "given": "H. W."}],
        "container-title": "The Journal of American History",
        "volume": "77",
        "issue": "2",
        "page": "702-703",
        "issued": {"date-parts": [[1990, 9]]},
    }
    full, _, bib = forms(review, "702")
    assert full == (
        "Daniel Ostrow, review of <i>The Specter of Neutralism: The United States and the"
        " Emergence of the Third World</i>, by H. W. Brands, <i>Journal of American History</i>"
        " 77, no. 2 (1990): 702."
    )
    assert bib is not None and "<i>Journal of American History</i> 77, no. 2 (1990): 702–3." in bib
    interview = {
        "id": "int",
        "type": "interview",
        "title": "The Writer in Exile",
        "author": [{"family": "Milosz", "given": "Czeslaw"}],
        "interviewer": [{"family": "Gray", "given": "Ruth"}],
        "container-title": "The Kenyon Review",
        "issue": "41",
        "page": "20-34",
        "issued": {"date-parts": [[1981]]},
    }
    full, _, bib = forms(interview, "22")
    assert full == (
        "Czeslaw Milosz, “The Writer in Exile,” interview by Ruth Gray, <i>Kenyon Review</i>,"
        " no. 41 (1981): 22."
    )
    assert bib is not None and "<i>Kenyon Review</i>, no. 41 (1981): 20–34." in bib


# --- reviews in newspapers (14.102) ----------------------------------------------------------


def test_a_newspaper_review_names_what_it_reviews_in_note_and_entry_14_102() -> None:
    item = {
        "id": "nyt",
        "type": "article-newspaper",
        "title": "A Spy Story Told without Thrills",
        "author": [{"family": "Marlow", "given": "Edith"}],
        "reviewed-title": "The Spy Who Came in from the Cold",
        "container-title": "The Boston Globe",
        "issued": {"date-parts": [[1965, 12, 24]]},
    }
    full, _, bib = forms(item, "")
    assert full == (
        "Edith Marlow, “A Spy Story Told without Thrills,” review of <i>The Spy Who Came in from"
        " the Cold</i>, <i>Boston Globe</i>, December 24, 1965."
    )
    assert bib == (
        "Marlow, Edith. “A Spy Story Told without Thrills.” Review of <i>The Spy Who Came in"
        " from the Cold</i>. <i>Boston Globe</i>, December 24, 1965."
    )


# --- television episodes (14.165) and recordings (14.163) ----------------------------------


def test_an_episode_number_is_worded_once_and_its_director_named_14_165() -> None:
    item = {
        "id": "ep",
        "type": "broadcast",
        "title": "The Colonel",
        "container-title": "The Americans",
        "volume": "Season 1",
        "number": "Episode 13",
        "director": [{"family": "Sackheim", "given": "Daniel"}],
        "publisher": "FX",
        "issued": {"date-parts": [[2013, 5, 1]]},
    }
    full, _, bib = forms(item, "")
    assert full == (
        "<i>The Americans</i>, season 1, episode 13, “The Colonel,” directed by Daniel"
        " Sackheim, aired May 1, 2013, on FX."
    )
    assert bib == (
        "<i>The Americans</i>. Season 1, episode 13, “The Colonel.” Directed by Daniel"
        " Sackheim. Aired May 1, 2013, on FX."
    )
    # A bare number takes the word; no director, none printed.
    plain = {**item, "volume": "2", "number": "4"}
    del plain["director"]
    assert forms(plain, "")[0] == (
        "<i>The Americans</i>, season 2, episode 4, “The Colonel,” aired May 1, 2013, on FX."
    )


def test_a_recordings_medium_ends_its_publication_sentence_14_163() -> None:
    item = {
        "id": "rec",
        "type": "song",
        "title": "Songs of the Berlin Wall",
        "author": [{"family": "Biermann", "given": "Wolf"}],
        "publisher": "CBS",
        "number": "S 80 930",
        "medium": "LP",
        "issued": {"date-parts": [[1976]]},
    }
    full, _, bib = forms(item, "")
    assert full == "Wolf Biermann, <i>Songs of the Berlin Wall</i>, CBS S 80 930, 1976, LP."
    assert bib == "Biermann, Wolf. <i>Songs of the Berlin Wall</i>. CBS S 80 930, 1976, LP."


# --- patents (14.158) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "authority", "label"),
    [
        ("2,708,656", "United States", "US Patent 2,708,656"),
        ("2,708,656", "U.S.", "US Patent 2,708,656"),
        ("US 2,708,656", "", "US Patent 2,708,656"),
        ("US2708656", "", "US Patent 2,708,656"),
        ("1,234,567", "GB", "GB Patent 1,234,567"),
        ("0,123,456", "European Patent Office", "European Patent Office Patent 0,123,456"),
    ],
)
def test_a_patent_names_its_country_us_for_the_united_states_14_158(
    number: str, authority: str, label: str
) -> None:
    item = {
        "id": "pat",
        "type": "patent",
        "title": "Neutronic Reactor",
        "author": [{"family": "Fermi", "given": "Enrico"}],
        "number": number,
        "authority": authority,
        "issued": {"date-parts": [[1955, 5, 17]]},
    }
    full, _, _ = forms(item, "")
    assert full == f"Enrico Fermi, Neutronic Reactor, {label}, issued May 17, 1955."


# --- short forms of cases (14.174, Bluebook 10.9) --------------------------------------------


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("United States v. Nixon", "Nixon"),
        ("Commonwealth v. Sacco", "Sacco"),
        ("People v. Woody", "Woody"),
        ("Texas v. Johnson", "Johnson"),
        ("United States ex rel. Knauff v. Shaughnessy", "Knauff"),
        ("Missouri ex rel. Gaines v. Canada", "Gaines"),
        # A private first party stays; so does the first of two governments.
        ("Dennis v. United States", "Dennis"),
        ("Texas v. New Mexico", "Texas"),
    ],
)
def test_a_case_short_form_names_the_party_that_is_not_the_government_14_174(
    name: str, short: str
) -> None:
    item = {
        "id": "case",
        "type": "legal_case",
        "title": name,
        "container-title": "U.S.",
        "volume": "418",
        "page": "683",
        "issued": {"date-parts": [[1974]]},
    }
    _, second, _ = forms(item, "700")
    assert second == f"<i>{short}</i>, 418 U.S. at 14."


# --- data sets (14.176) -------------------------------------------------------------------


def test_a_data_set_is_set_as_a_book_14_176() -> None:
    published = {
        "id": "ds",
        "type": "dataset",
        "title": "Polity5: Political Regime Characteristics and Transitions",
        "author": [{"family": "Marshall", "given": "Monty G."}],
        "publisher": "Center for Systemic Peace",
        "version": "2018",
        "issued": {"date-parts": [[2020, 4]]},
        "URL": "https://www.systemicpeace.org/inscrdata.html",
    }
    full, short, bib = forms(published, "")
    assert full == (
        "Monty G. Marshall, <i>Polity5: Political Regime Characteristics and Transitions</i>,"
        " version 2018 (Center for Systemic Peace, 2020),"
        " https://www.systemicpeace.org/inscrdata.html."
    )
    assert short == "Marshall, <i>Polity5</i>, 14."
    assert bib == (
        "Marshall, Monty G. <i>Polity5: Political Regime Characteristics and Transitions</i>."
        " Version 2018. Center for Systemic Peace, 2020."
        " https://www.systemicpeace.org/inscrdata.html."
    )
    # With no publisher the kind of data and the year run on after the title.
    unpublished = {**published, "genre": "Dataset"}
    del unpublished["publisher"]
    full, _, bib = forms(unpublished, "")
    assert full.startswith(
        "Monty G. Marshall, <i>Polity5: Political Regime Characteristics and Transitions</i>,"
        " version 2018, dataset, 2020, https://"
    )
    assert bib is not None and "Version 2018. Dataset, 2020. https://" in bib


# --- a published work's page before its archival location (14.119-14.128) ----------------


def test_a_reports_page_precedes_the_box_it_is_kept_in_14_119_14_128() -> None:
    report = {
        "id": "rep",
        "type": "report",
        "title": "Soviet Capabilities for Attack on the United States through Mid-1955",
        "author": [{"literal": "Central Intelligence Agency"}],
        "genre": "NIE",
        "number": "11-5-54",
        "issued": {"date-parts": [[1954, 6, 7]]},
        "archive_location": "box 4",
        "archive_collection": "National Intelligence Estimates, 1950–85",
        "archive": "National Archives",
    }
    full, _, _ = forms(report, "7")
    assert full == (
        "Central Intelligence Agency, <i>Soviet Capabilities for Attack on the United States"
        " through Mid-1955</i>, NIE 11-5-54 (1954), 7, box 4, National Intelligence Estimates,"
        " 1950–85, National Archives."
    )
    # An unpublished memorandum is found by its box first, then its page (the CSL style's
    # order, unchanged).
    memo = {
        "id": "memo",
        "type": "manuscript",
        "title": "Memorandum on Civil Defense",
        "author": [{"family": "Peterson", "given": "Val"}],
        "issued": {"date-parts": [[1954, 3, 2]]},
        "archive_location": "box 4, folder 9",
        "archive": "Eisenhower Library",
    }
    assert forms(memo, "3")[0] == (
        "Val Peterson, “Memorandum on Civil Defense,” March 2, 1954, box 4, folder 9, p. 3,"
        " Eisenhower Library."
    )


# --- theses (14.113) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("genre", "language", "in_note"),
    [
        ("Thèse de doctorat", "fr", "thèse de doctorat"),
        ("Kandidatskaia dissertatsiia", "ru", "kandidatskaia dissertatsiia"),
        ("PhD diss.", "en", "PhD diss."),
        # German capitalizes its nouns: the description keeps its capital.
        ("Habilitationsschrift", "de", "Habilitationsschrift"),
    ],
)
def test_a_thesis_description_runs_on_lowercase_in_a_note_14_113(
    genre: str, language: str, in_note: str
) -> None:
    item = {
        "id": "th",
        "type": "thesis",
        "title": "La France et la guerre de Corée",
        "author": [{"family": "Vial", "given": "Anne"}],
        "genre": genre,
        "publisher": "Université Paris 1",
        "issued": {"date-parts": [[1994]]},
        "language": language,
    }
    full, _, bib = forms(item)
    assert f"({in_note}, Université Paris 1, 1994), 12." in full
    assert bib is not None and f"{genre[:1].upper()}{genre[1:]}, Université Paris 1, 1994." in bib


# --- maps (14.133) ------------------------------------------------------------------------


def test_a_map_is_cited_as_a_book_its_scale_and_series_before_the_facts_14_133() -> None:
    item = {
        "id": "map",
        "type": "map",
        "title": "Berlin",
        "scale": "1:12,500",
        "collection-title": "GSGS 4480",
        "publisher": "War Office",
        "issued": {"date-parts": [[1945]]},
    }
    full, short, bib = forms(item, "")
    assert full == "<i>Berlin</i>, 1:12,500, GSGS 4480 (War Office, 1945)."
    assert short == "<i>Berlin</i>, 14."
    assert bib == "<i>Berlin</i>. 1:12,500. GSGS 4480. War Office, 1945."
    unpublished = {**item, "genre": "Manuscript map"}
    del unpublished["publisher"]
    assert forms(unpublished, "")[0] == (
        "<i>Berlin</i>, manuscript map, 1:12,500, GSGS 4480, 1945."
    )


def test_a_bill_known_by_its_number_gives_it_once_14_174() -> None:
    item = {
        "id": "bill",
        "type": "bill",
        "title": "S. 2311",
        "number": "S. 2311",
        "chapter-number": "81st Cong.",
        "issued": {"date-parts": [[1950]]},
    }
    assert forms(item, "")[0] == "S. 2311, 81st Cong. (1950)."
    named = {**item, "title": "Internal Security Act of 1950"}
    assert forms(named, "")[0] == "Internal Security Act of 1950, S. 2311, 81st Cong. (1950)."


# --- letters and interviews printed in newspapers (14.110, 14.192) --------------------------


def test_a_letter_to_the_editor_and_a_newspaper_interview_cite_the_paper_by_date() -> None:
    letter = {
        "id": "let",
        "type": "letter",
        "genre": "letter to the editor",
        "author": [{"family": "Thomas", "given": "Norman"}],
        "container-title": "The Washington Post",
        "issued": {"date-parts": [[1951, 4, 14]]},
    }
    full, _, bib = forms(letter, "")
    assert full == "Norman Thomas, letter to the editor, <i>Washington Post</i>, April 14, 1951."
    assert bib == "Thomas, Norman. Letter to the editor. <i>Washington Post</i>, April 14, 1951."
    interview = {
        "id": "int",
        "type": "interview",
        "title": "Tito Speaks of Nonalignment",
        "author": [{"family": "Tito", "given": "Josip Broz"}],
        "interviewer": [{"family": "Sulzberger", "given": "C. L."}],
        "container-title": "The Times",
        "page": "8",
        "issued": {"date-parts": [[1956, 7, 20]]},
    }
    full, _, bib = forms(interview, "")
    assert full == (
        "Josip Broz Tito, “Tito Speaks of Nonalignment,” interview by C. L. Sulzberger,"
        " <i>Times</i>, July 20, 1956."
    )
    assert bib == (
        "Tito, Josip Broz. “Tito Speaks of Nonalignment.” Interview by C. L. Sulzberger."
        " <i>Times</i>, July 20, 1956."
    )


def test_a_repositorys_version_label_is_not_doubled_14_169_14_176() -> None:
    item = {
        "id": "dv",
        "type": "dataset",
        "title": "Soviet Foreign Aid Commitments",
        "author": [{"family": "Roe", "given": "Jane"}],
        "publisher": "Harvard Dataverse",
        "version": "V2",
        "issued": {"date-parts": [[2019]]},
    }
    assert forms(item, "")[0] == (
        "Jane Roe, <i>Soviet Foreign Aid Commitments</i>, version 2 (Harvard Dataverse, 2019)."
    )
    software = {
        "id": "sw",
        "type": "software",
        "title": "Tropy",
        "version": "v1.15",
        "publisher": "Corporation for Digital Scholarship",
        "issued": {"date-parts": [[2023]]},
    }
    assert forms(software, "")[0] == (
        "<i>Tropy</i>, v. 1.15, Corporation for Digital Scholarship, released 2023."
    )


def test_a_jstor_review_title_gives_up_its_byline_when_no_reviewed_author_14_102() -> None:
    item = {
        "id": "rev",
        "type": "review",
        "title": "Review of The Specter of Munich, by Jeffrey Record",
        "author": [{"family": "Ostrow", "given": "Daniel"}],
        "container-title": "The Journal of Military History",
        "volume": "71",
        "issue": "4",
        "page": "1290-1291",
        "issued": {"date-parts": [[2007]]},
    }
    full, short, _ = forms(item, "1290")
    assert full == (
        "Daniel Ostrow, review of <i>The Specter of Munich</i>, by Jeffrey Record,"
        " <i>Journal of Military History</i> 71, no. 4 (2007): 1290."
    )
    assert short == "Ostrow, review of <i>Specter of Munich</i>, 14."


def test_a_podcast_episode_abbreviated_in_the_record_is_worded_once_14_168() -> None:
    item = {
        "id": "pod",
        "type": "song",
        "title": "The U-2 Incident",
        "author": [{"family": "Rowe", "given": "Nora"}],
        "container-title": "Cold War Files",
        "number": "Ep. 7",
        "medium": "podcast",
        "issued": {"date-parts": [[2021, 5, 1]]},
    }
    assert forms(item, "")[0] == (
        "Nora Rowe, “The U-2 Incident,” <i>Cold War Files</i>, podcast, episode 7, May 1, 2021."
    )


def test_an_unreported_case_gives_its_docket_number_and_exact_date_bluebook_10_8_1() -> None:
    item = {
        "id": "case",
        "type": "legal_case",
        "title": "United States v. Hiss",
        "number": "C 128-402",
        "authority": "S.D.N.Y.",
        "issued": {"date-parts": [[1950, 1, 21]]},
    }
    full, short, _ = forms(item)
    assert (
        full
        == "<i>United States v. Hiss</i>, No. C 128-402, slip op. at 12 (S.D.N.Y. Jan. 21, 1950)."
    )
    assert short == "<i>Hiss</i>, slip op. at 14."


def test_labels_typed_with_a_journals_volume_and_pages_are_not_printed_14_171() -> None:
    item = article("3", volume="Vol. 12", page="pp. 101-130")
    full, _, bib = forms(item)
    assert "<i>Journal of Cold War Studies</i> 12, no. 3 (2010): 12." in full
    assert bib is not None and "<i>Journal of Cold War Studies</i> 12, no. 3 (2010): 101–30." in bib


@pytest.mark.parametrize(
    "name", ["In re Debs", "Ex parte Quirin", "Missouri ex rel. Gaines v. Canada"]
)
def test_a_case_name_keeps_its_procedural_phrases_lowercase_bluebook_10_2(name: str) -> None:
    item = {
        "id": "case",
        "type": "legal_case",
        "title": name,
        "container-title": "U.S.",
        "volume": "317",
        "page": "1",
        "issued": {"date-parts": [[1942]]},
    }
    assert forms(item, "")[0] == f"<i>{name}</i>, 317 U.S. 1 (1942)."
