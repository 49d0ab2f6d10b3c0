"""CMOS 18 rules for the data a historian's library really holds (issue 9): each test names
the rule and states what the engine prints, exactly.

Section numbers are CMOS 18's chapter 14 (notes and bibliography), 6 (punctuation), 8 (names
and titles), 9 (numbers) and 10-11 (abbreviations, foreign languages).
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.cite.dates import parse_date
from assistant.cite.engine import ChicagoEngine
from assistant.cite.headline import title_case
from assistant.cite.model import Citation, Note
from assistant.cite.short_titles import derive_short_title
from assistant.cite.titles import nest_quotes

DOE = [{"family": "Doe", "given": "Jan"}]


def book(item_id: str, **fields: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": item_id,
        "type": "book",
        "title": "Title",
        "author": DOE,
        "publisher": "Press",
        "issued": {"date-parts": [[1990]]},
    }
    item.update(fields)
    return {k: v for k, v in item.items() if v is not None}


def forms(item: dict[str, Any], locator: str = "12") -> tuple[str, str, str]:
    """(full note, short note, bibliography entry) as HTML."""
    engine = ChicagoEngine({item["id"]: item})
    full, short = engine.render_notes(
        [Note.of(Citation(item["id"], locator)), Note.of(Citation(item["id"], "14"))]
    )
    return full.html(), short.html(), engine.bibliography_entry(item["id"]).html()


# --- multivolume works, reprints, editions (14.113-14.119) ----------------------------------


def test_a_volume_with_its_own_title_follows_the_set_title_14_117() -> None:
    item = book(
        "caro",
        title="The Years of Lyndon Johnson",
        **{"volume-title": "Means of Ascent", "volume": "2"},
        author=[{"family": "Caro", "given": "Robert A."}],
        publisher="Knopf",
    )
    assert forms(item) == (
        "Robert A. Caro, <i>The Years of Lyndon Johnson</i>, vol. 2, <i>Means of Ascent</i>"
        " (Knopf, 1990), 12.",
        "Caro, <i>Years of Lyndon Johnson</i>, 2:14.",
        "Caro, Robert A. <i>The Years of Lyndon Johnson</i>. Vol. 2, <i>Means of Ascent</i>."
        " Knopf, 1990.",
    )


def test_a_whole_set_gives_its_number_of_volumes_and_date_range_14_116() -> None:
    item = book(
        "works",
        title="Works",
        **{"number-of-volumes": "13"},
        issued={"date-parts": [[1952], [1955]]},
    )
    full, _, bib = forms(item, "13:45")
    assert full == "Jan Doe, <i>Works</i> (Press, 1952–55), 13:45."
    assert bib == "Doe, Jan. <i>Works</i>. 13 vols. Press, 1952–55."


def test_a_single_volume_cited_drops_the_set_count_and_edition_comes_first_14_117() -> None:
    item = book(
        "deconde",
        edition="3",
        volume="2",
        **{"number-of-volumes": "2", "volume-title": "Global Power"},
    )
    full, _, bib = forms(item)
    assert full == "Jan Doe, <i>Title</i>, 3rd ed., vol. 2, <i>Global Power</i> (Press, 1990), 12."
    assert bib == "Doe, Jan. <i>Title</i>. 3rd ed. Vol. 2, <i>Global Power</i>. Press, 1990."


def test_reprints_give_the_original_facts_then_repr_14_114() -> None:
    item = book(
        "repr",
        **{"original-date": {"date-parts": [[1949]]}, "original-publisher": "Houghton Mifflin"},
        publisher="Transaction",
        issued={"date-parts": [[1998]]},
    )
    full, _, bib = forms(item)
    assert full == "Jan Doe, <i>Title</i> (Houghton Mifflin, 1949; repr., Transaction, 1998), 12."
    assert bib == "Doe, Jan. <i>Title</i>. Houghton Mifflin, 1949. Reprint, Transaction, 1998."


@pytest.mark.parametrize(
    ("edition", "note", "bib"),
    [("2", "2nd ed.", "2nd ed."), ("Second edition", "2nd ed.", "2nd ed."),
     ("rev. ed.", "rev. ed.", "Rev. ed."), ("Revised edition", "rev. ed.", "Rev. ed.")],
)  # fmt: skip
def test_editions_as_numbers_or_words_14_113(edition: str, note: str, bib: str) -> None:
    full, _, entry = forms(book("e", edition=edition))
    assert full == f"Jan Doe, <i>Title</i>, {note} (Press, 1990), 12."
    assert entry == f"Doe, Jan. <i>Title</i>. {bib} Press, 1990."


def test_one_editor_and_translator_is_ed_and_trans_14_104() -> None:
    talbott = [{"family": "Talbott", "given": "Strobe"}]
    full, _, bib = forms(book("m", editor=talbott, translator=talbott))
    assert full == "Jan Doe, <i>Title</i>, ed. and trans. Strobe Talbott (Press, 1990), 12."
    assert bib == "Doe, Jan. <i>Title</i>. Edited and translated by Strobe Talbott. Press, 1990."
    full, short, bib = forms(book("d", author=None, editor=talbott, translator=talbott))
    assert full == "Strobe Talbott, ed. and trans., <i>Title</i> (Press, 1990), 12."
    assert short == "Talbott, <i>Title</i>, 14."
    assert bib == "Talbott, Strobe, ed. and trans. <i>Title</i>. Press, 1990."


def test_forthcoming_takes_the_place_of_the_date_14_21() -> None:
    full, _, bib = forms(book("f", status="forthcoming", issued=None))
    assert full == "Jan Doe, <i>Title</i> (Press, forthcoming), 12."
    assert bib == "Doe, Jan. <i>Title</i>. Press, forthcoming."


def test_a_document_in_an_edited_collection_leads_with_its_title_14_106() -> None:
    item = {
        "id": "muccio",
        "type": "chapter",
        "title": "The Ambassador in Korea (Muccio) to the Secretary of State",
        "container-title": "Foreign Relations of the United States, 1950",
        "volume": "7",
        "volume-title": "Korea",
        "editor": [{"family": "Glennon", "given": "John P."}],
        "publisher": "Government Printing Office",
        "issued": {"date-parts": [[1976]]},
    }
    assert forms(item, "125") == (
        "“The Ambassador in Korea (Muccio) to the Secretary of State,” in <i>Foreign Relations"
        " of the United States, 1950</i>, vol. 7, <i>Korea</i>, ed. John P. Glennon (Government"
        " Printing Office, 1976), 125.",
        "“Ambassador in Korea (Muccio),” 14.",
        "“The Ambassador in Korea (Muccio) to the Secretary of State.” In <i>Foreign Relations"
        " of the United States, 1950</i>, vol. 7, <i>Korea</i>, edited by John P. Glennon."
        " Government Printing Office, 1976.",
    )


# --- dates (14.21-14.22, 9.32-9.35, 9.67) ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text", "year_text"),
    [
        ({"date-parts": [[1960], [1970]]}, "1960–70", "1960–70"),
        ({"date-parts": [[1950, 6, 3], [1950, 6, 5]]}, "June 3–5, 1950", "1950"),
        ({"date-parts": [[1950, 12], [1951, 1]]}, "December 1950–January 1951", "1950–51"),
        ({"date-parts": [[1950, 21]]}, "Spring 1950", "1950"),
        ({"date-parts": [[1950, 16]]}, "Winter 1950", "1950"),
        ({"date-parts": [[1950]], "season": 2}, "Summer 1950", "1950"),
        ({"date-parts": [[1950]], "season": "Fall"}, "Fall 1950", "1950"),
        # A code carries no word: American usage, as CMOS 18 prints it (14.171); a word stays.
        ({"date-parts": [[2007, 23]]}, "Fall 2007", "2007"),
        ({"date-parts": [[2007, 15]]}, "Fall 2007", "2007"),
        ({"date-parts": [[2007]], "season": 3}, "Fall 2007", "2007"),
        ({"date-parts": [[2007]], "season": "Autumn"}, "Autumn 2007", "2007"),
        ({"date-parts": [[1950]], "circa": True}, "ca. 1950", "ca. 1950"),
        ({"date-parts": [[-43]]}, "43 BC", "43 BC"),
        ({"date-parts": [["1950", "6", "25"]]}, "June 25, 1950", "1950"),
        ({"raw": "1950-06-25"}, "June 25, 1950", "1950"),
        ({"raw": "25 June 1950"}, "June 25, 1950", "1950"),
        ({"raw": "1950/1953"}, "1950–53", "1950–53"),
        ({"literal": "early 1950s"}, "early 1950s", "early 1950s"),
    ],
)
def test_csl_dates_as_libraries_hold_them(value: Any, text: str, year_text: str) -> None:
    date = parse_date(value, [], "issued")
    assert date is not None
    assert date.text() == text
    assert date.text(year_only=True) == year_text


def test_a_journal_issue_keeps_its_season_not_its_month_14_171() -> None:
    article = {
        "id": "a",
        "type": "article-journal",
        "title": "Notes",
        "author": DOE,
        "container-title": "Bulletin",
        "volume": "6",
        "issue": "6-7",
        "page": "30-84",
        "issued": {"date-parts": [[1995], [1996]], "season": "Winter"},
    }
    full, _, bib = forms(article)
    assert full == "Jan Doe, “Notes,” <i>Bulletin</i> 6, nos. 6–7 (Winter 1995–96): 12."
    assert bib == "Doe, Jan. “Notes.” <i>Bulletin</i> 6, nos. 6–7 (Winter 1995–96): 30–84."
    monthly = {**article, "issue": "14/15", "issued": {"date-parts": [[2003, 11]]}}
    # A double issue numbered 14/15 is one issue; the month gives way to the issue number.
    assert forms(monthly)[0] == "Jan Doe, “Notes,” <i>Bulletin</i> 6, no. 14/15 (2003): 12."


def test_undated_web_pages_give_the_access_date_and_their_owner_leads_14_12_14_206() -> None:
    page = {
        "id": "w",
        "type": "webpage",
        "title": "The Korean War, 1950-1953",
        "container-title": "Office of the Historian",
        "publisher": "U.S. Department of State",
        "URL": "https://history.state.gov/milestones/1945-1952/korean-war-2",
        "accessed": {"date-parts": [[2025, 10, 14]]},
    }
    assert forms(page) == (
        "“The Korean War, 1950–1953,” Office of the Historian, U.S. Department of State, 12,"
        " accessed October 14, 2025, https://history.state.gov/milestones/1945-1952/korean-war-2.",
        "U.S. Department of State, “Korean War,” 14.",
        "U.S. Department of State. “The Korean War, 1950–1953.” Office of the Historian."
        " Accessed October 14, 2025. https://history.state.gov/milestones/1945-1952/korean-war-2.",
    )
    dated = {**page, "issued": {"date-parts": [[2024, 3, 1]]}}
    assert "accessed" not in forms(dated)[0]


def test_a_blog_is_italic_marked_blog_with_its_sponsor_14_208() -> None:
    post = {
        "id": "b",
        "type": "post-weblog",
        "title": "Why Did Stalin Say Yes?",
        "author": [{"family": "Ostermann", "given": "Christian F."}],
        "container-title": "Sources and Methods",
        "publisher": "Wilson Center",
        "issued": {"date-parts": [[2015, 6, 25]]},
        "URL": "https://example.org/b",
    }
    full, short, bib = forms(post)
    # No comma after the title's question mark (6.119).
    assert full == (
        "Christian F. Ostermann, “Why Did Stalin Say Yes?” <i>Sources and Methods</i> (blog),"
        " Wilson Center, June 25, 2015, 12, https://example.org/b."
    )
    assert short == "Ostermann, “Why Did Stalin Say Yes?” 14."
    assert bib.startswith("Ostermann, Christian F. “Why Did Stalin Say Yes?” <i>Sources and")


def test_newspaper_section_and_full_date_14_191() -> None:
    story = {
        "id": "n",
        "type": "article-newspaper",
        "title": "Korean War's Lost Secrets",
        "author": [{"family": "Richter", "given": "Paul"}],
        "container-title": "Washington Post",
        "section": "B",
        "issued": {"date-parts": [[2000, 6, 25]]},
    }
    full, _, bib = forms(story, "")
    assert (
        full == "Paul Richter, “Korean War’s Lost Secrets,” <i>Washington Post</i>, June 25, 2000,"
        " sec. B."
    )
    assert (
        bib == "Richter, Paul. “Korean War’s Lost Secrets.” <i>Washington Post</i>, June 25, 2000,"
        " sec. B."
    )


def test_archival_data_on_a_report_and_manuscript_genre_14_119_14_120() -> None:
    report = {
        "id": "nsc68",
        "type": "report",
        "title": "United States Objectives and Programs for National Security",
        "author": [{"literal": "National Security Council"}],
        "number": "NSC 68",
        "issued": {"date-parts": [[1950, 4, 14]]},
        "archive": "Harry S. Truman Library",
        "archive-place": "Independence, MO",
        "archive_collection": "President’s Secretary’s File",
    }
    full, _, bib = forms(report)
    assert full == (
        "National Security Council, <i>United States Objectives and Programs for National"
        " Security</i>, NSC 68 (1950), 12, President’s Secretary’s File, Harry S. Truman Library,"
        " Independence, MO."
    )
    assert bib.endswith("President’s Secretary’s File. Harry S. Truman Library, Independence, MO.")
    telegram = {
        "id": "r",
        "type": "manuscript",
        "title": "Telegram to Filippov",
        "genre": "ciphered telegram",
        "author": [{"family": "Roshchin", "given": "N. V."}],
        "issued": {"date-parts": [[1950, 10, 3]]},
        "archive": "APRF",
        "archive_location": "Fond 45, Opis 1, Delo 334, Listy 105-106",
    }
    full, _, bib = forms(telegram, "")
    assert full == (
        "N. V. Roshchin, “Telegram to Filippov,” ciphered telegram, October 3, 1950, Fond 45,"
        " Opis 1, Delo 334, Listy 105–106, APRF."
    )
    assert bib == (
        "Roshchin, N. V. “Telegram to Filippov.” Ciphered telegram. October 3, 1950. Fond 45,"
        " Opis 1, Delo 334, Listy 105–106. APRF."
    )


def test_unpublished_papers_and_speeches_run_on_14_115() -> None:
    paper = {
        "id": "p",
        "type": "paper-conference",
        "title": "The Korean War at Sixty",
        "event-title": "Annual Meeting of the SHAFR",
        "event-place": "Madison, WI",
        "author": DOE,
        "issued": {"date-parts": [[2010, 6, 24]]},
    }
    full, _, bib = forms(paper, "")
    assert full == (
        "Jan Doe, “The Korean War at Sixty,” paper presented at Annual Meeting of the SHAFR,"
        " Madison, WI, June 24, 2010."
    )
    assert bib == (
        "Doe, Jan. “The Korean War at Sixty.” Paper presented at Annual Meeting of the SHAFR,"
        " Madison, WI, June 24, 2010."
    )


# --- rich text and titles (8.159-8.161, 6.9, 6.11, 11.83, 14.88) ----------------------------


def test_csl_rich_text_is_rendered_never_printed() -> None:
    item = book(
        "r",
        title='the <i>Pueblo</i> and <span class="nocase">iPhone</span>: H<sub>2</sub>O,'
        ' E=mc<sup>2</sup>, <b>bold</b> and <span style="font-variant:small-caps;">ussr</span>',
    )
    full, _, _ = forms(item)
    assert full == (
        "Jan Doe, <i>The </i>Pueblo<i> and iPhone: H</i><i><sub>2</sub></i><i>O, E=mc</i>"
        "<i><sup>2</sup></i><i>, </i><i><b>Bold</b></i><i> and </i>"
        '<i><span style="font-variant: small-caps">Ussr</span></i> (Press, 1990), 12.'
    )
    assert "&lt;" not in full


def test_html_like_text_in_a_title_is_neither_markup_nor_title_cased() -> None:
    full, _, _ = forms(book("h", title="<img src=x onerror=alert(1)> and the cold war"))
    # Printed as text (escaped in HTML); the first word after it opens the title.
    assert full.startswith("Jan Doe, <i>&lt;img src=x onerror=alert(1)&gt; And the Cold War</i>")


@pytest.mark.parametrize(
    ("raw", "cased"),
    [
        ("the sino-soviet alliance", "The Sino-Soviet Alliance"),
        ("anti-inflation measures", "Anti-inflation Measures"),
        ("under-the-counter practices", "Under-the-Counter Practices"),
        ("the twenty-first century", "The Twenty-First Century"),
        ("diplomacy between the wars", "Diplomacy between the Wars"),
        ("war and peace: a history", "War and Peace: A History"),
        ("catch up and surpass", "Catch Up and Surpass"),
        ("texas A&M university", "Texas A&M University"),
        # Spelled-out numbers take a capital on each element, even typed in sentence style.
        ("Twenty-first-century diplomacy", "Twenty-First-Century Diplomacy"),
        ("Nineteenth-century Russia", "Nineteenth-Century Russia"),
        # A prefix that cannot stand alone: the element after it stays lowercase.
        ("does e-mail alter speech patterns?", "Does E-mail Alter Speech Patterns?"),
        ("re-examining the origins", "Re-examining the Origins"),
        # Initialisms with periods are capitals throughout; a name's compound keeps its case.
        ("the end of the u.s.-soviet detente", "The End of the U.S.-Soviet Detente"),
        ("Mao Tse-tung and the Kim Il-sung regime", "Mao Tse-tung and the Kim Il-sung Regime"),
        # v. and vs. are lowercase; words after a colon, dash or question mark open anew.
        ("Youngstown Sheet & Tube Co. V. Sawyer", "Youngstown Sheet & Tube Co. v. Sawyer"),
        ("brown vs. board of education", "Brown vs. Board of Education"),
        ("who lost china? the debate revisited", "Who Lost China? The Debate Revisited"),
        ("the korean war — a reassessment", "The Korean War — A Reassessment"),
        ("the war that never ended", "The War That Never Ended"),
        ("going it alone", "Going It Alone"),
        # Prepositions are lowercase whatever their length (8.159): like, per, amid.
        ("fighting like lions", "Fighting like Lions"),
    ],
)
def test_headline_style_and_hyphenated_compounds_8_159_8_161(raw: str, cased: str) -> None:
    assert title_case(raw) == cased


def test_titles_in_other_languages_keep_their_capitalization_11_6() -> None:
    # Sentence style as written, but the subtitle's first word capitalized (CMOS 8.158, 11.6).
    assert forms(book("fr", title="La guerre froide: une histoire", language="fr"))[0] == (
        "Jan Doe, <i>La guerre froide: Une histoire</i> (Press, 1990), 12."
    )
    assert forms(book("ru", title="Холодная война и мир", language="ru"))[0] == (
        "Jan Doe, <i>Холодная война и мир</i> (Press, 1990), 12."
    )


def test_chinese_characters_are_not_italic_and_names_take_no_space_11_83() -> None:
    item = book(
        "zh", title="毛泽东与斯大林", language="zh", author=[{"family": "沈", "given": "志华"}]
    )
    assert forms(item) == (
        "沈志华, 毛泽东与斯大林 (Press, 1990), 12.",
        "沈, 毛泽东与斯大林, 14.",
        "沈志华. 毛泽东与斯大林. Press, 1990.",
    )


def test_a_translated_title_is_bracketed_in_roman_14_88() -> None:
    full, short, _ = forms(book("t", title="Vospominaniia [Memoirs]", language="ru"))
    assert full == "Jan Doe, <i>Vospominaniia</i> [Memoirs] (Press, 1990), 12."
    assert short == "Doe, <i>Vospominaniia</i>, 14."


def test_quotes_within_titles_alternate_and_always_close_6_11() -> None:
    assert nest_quotes("Kennan and \"The 'Long' Telegram\"", 1) == (
        "Kennan and ‘The “Long” Telegram’"
    )
    assert nest_quotes('the "Long Telegram', 1) == "the ‘Long Telegram’"  # closed at the end
    assert nest_quotes('Stalin\'s "Shift"', 0) == "Stalin’s “Shift”"


def test_the_comma_after_an_abbreviating_period_stays_6_9() -> None:
    article = {
        "id": "o",
        "type": "article-journal",
        "title": "Sovetskaia aviatsiia v koreiskoi voine 1950-1953 gg.",
        "language": "ru",
        "author": [{"family": "Orlov", "given": "A. S."}],
        "container-title": "Novaia i noveishaia istoriia",
        "issue": "4",
        "issued": {"date-parts": [[1998]]},
    }
    full, short, _ = forms(article)
    assert full == (
        "A. S. Orlov, “Sovetskaia aviatsiia v koreiskoi voine 1950–1953 gg.,” <i>Novaia i"
        " noveishaia istoriia</i>, no. 4 (1998): 12."
    )
    assert short == "Orlov, “Sovetskaia aviatsiia,” 14."


# --- short titles (14.30) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        ("The Rise and Fall of the Great Powers: Economic Change", "en", "Rise and Fall"),
        ("The Cold War: A New History", "en", "Cold War"),
        ("Memoirs, 1925–1950", "en", "Memoirs"),
        ("The Sino-Soviet Border Clash of 1969: From Zhenbao", "en", "Sino-Soviet Border Clash"),
        ("The Impact of the Korean War on the Cold War", "en", "Impact of the Korean War"),
        ("Letter to Stalin Requesting Direct Military Assistance", "en", "Letter to Stalin"),
        ("Kennan and the \u201cLong Telegram\u201d of February 1946 Revisited", "en",
         "Kennan and the \u201cLong Telegram\u201d"),
        ("Sovetskaia aviatsiia v koreiskoi voine 1950–1953 gg.", "ru", "Sovetskaia aviatsiia"),
        # Russian "a" is a conjunction, not the English article: nothing to drop.
        ("A takzhe drugie dokumenty o voine v Koree", "ru", "A takzhe drugie dokumenty"),
        ("Kholodnaia voina 421", "ru", "Kholodnaia voina 421"),
    ],
)  # fmt: skip
def test_short_titles_from_the_main_title(title: str, language: str, short: str) -> None:
    assert derive_short_title(title, language) == short


# --- notes in sequence (14.29-14.34) -------------------------------------------------------


def test_ibid_is_plain_for_the_same_page_and_carries_the_volume_14_34() -> None:
    engine = ChicagoEngine(
        {"m": book("m", title="Memoirs", volume="2", **{"volume-title": "Reformer"})}, ibid=True
    )
    notes = engine.render_notes(
        [Note.of(Citation("m", "92")), Note.of(Citation("m", "92")), Note.of(Citation("m", "110"))]
    )
    assert [n.text for n in notes[1:]] == ["Ibid.", "Ibid., 2:110."]


def test_given_names_only_for_different_people_sharing_a_surname_14_29() -> None:
    items = {
        "a": book(
            "a",
            title="Mao's Military Romanticism",
            author=[{"family": "Zhang", "given": "Shu Guang"}],
        ),
        "b": book(
            "b", title="Red Wings over the Yalu", author=[{"family": "Zhang", "given": "Xiaoming"}]
        ),
        # Two Chens who wrote together, and one person under two forms of a name.
        "c": book(
            "c",
            title="Joint Work",
            author=[{"family": "Chen", "given": "Ann"}, {"family": "Chen", "given": "Bo"}],
        ),
        "d": book("d", title="First Book", author=[{"family": "Gaddis", "given": "John Lewis"}]),
        "e": book("e", title="Second Book", author=[{"family": "Gaddis", "given": "John L."}]),
    }
    engine = ChicagoEngine(items)
    notes = [Note.of(Citation(i, "1")) for i in items] + [Note.of(Citation(i, "2")) for i in items]
    shorts = [n.text for n in engine.render_notes(notes)[len(items) :]]
    assert shorts == [
        "Shu Guang Zhang, Mao’s Military Romanticism, 2.",
        "Xiaoming Zhang, Red Wings over the Yalu, 2.",
        "Chen and Chen, Joint Work, 2.",
        "Gaddis, First Book, 2.",
        "Gaddis, Second Book, 2.",
    ]


def test_a_citation_in_a_notes_prose_is_parenthesised_with_brackets_inside_14_35() -> None:
    engine = ChicagoEngine({"g": book("g", title="We Now Know")})
    [note] = engine.render_notes(
        [Note(("Gaddis argues the opposite; see ", (Citation("g", "12"),), "."))]
    )
    assert note.text == "Gaddis argues the opposite; see (Jan Doe, We Now Know [Press, 1990], 12)."


def test_author_in_text_inside_a_note_reads_as_part_of_the_sentence() -> None:
    engine = ChicagoEngine({"g": book("g", title="We Now Know")})
    citation = Citation("g", "12", author_in_text=True)
    [note] = engine.render_notes([Note(("As ", (citation,), " argues, the war was avoidable."))])
    assert note.text == "As Jan Doe, We Now Know (Press, 1990), 12 argues, the war was avoidable."


def test_author_in_text_in_the_body_puts_the_name_in_the_sentence() -> None:
    engine = ChicagoEngine({"g": book("g", title="We Now Know")})
    body = Citation("g", "12", author_in_text=True, suppress_author=True)
    notes = [Note.of(body), Note.of(Citation("g", "14", author_in_text=True, suppress_author=True))]
    assert engine.in_text_names(notes) == ["Jan Doe", "Doe"]
    assert [n.text for n in engine.render_notes(notes)] == [
        "We Now Know (Press, 1990), 12.",
        "We Now Know, 14.",
    ]


# --- bibliography order (14.66-14.71) ------------------------------------------------------


def test_bibliography_order_14_66_to_14_71() -> None:
    westad = [{"family": "Westad", "given": "Odd Arne"}]
    items = {
        "edited": book("edited", title="Brothers in Arms", author=None, editor=westad),
        "global": book("global", title="The Global Cold War", author=westad),
        "cold": book("cold", title="The Cold War", author=westad),
        "with": book(
            "with", title="A Joint Book", author=[*westad, {"family": "Chen", "given": "Jian"}]
        ),
        "other-form": book(
            "other-form", title="Zones", author=[{"family": "Westad", "given": "Odd A."}]
        ),
        "acheson": book(
            "acheson",
            title="Present at the Creation",
            author=[{"family": "Acheson", "given": "Dean"}],
        ),
        "beauvoir": book(
            "beauvoir",
            title="Force",
            author=[{"family": "Beauvoir", "given": "Simone", "dropping-particle": "de"}],
        ),
    }
    engine = ChicagoEngine(items)
    order = [entry.text.split(". ", 1)[1].split(".")[0] for entry in engine.bibliography()]
    assert order == [
        "Present at the Creation",
        "Force",
        # One person: authored works by title (articles ignored), then edited, whatever the
        # form of the name; works with others after.
        "The Cold War",
        "The Global Cold War",
        "Zones",
        "Brothers in Arms",
        "A Joint Book",
    ]


def test_three_em_dash_for_a_repeated_name_is_an_option_14_67() -> None:
    westad = [{"family": "Westad", "given": "Odd Arne"}]
    items = {
        "a": book("a", title="The Cold War", author=westad),
        "b": book("b", title="The Global Cold War", author=westad),
        "c": book("c", title="Brothers in Arms", author=None, editor=westad),
    }
    assert [e.text for e in ChicagoEngine(items).bibliography()][1].startswith("Westad, Odd Arne.")
    dashed = [e.text for e in ChicagoEngine(items, three_em_dash=True).bibliography()]
    assert dashed == [
        "Westad, Odd Arne. The Cold War. Press, 1990.",
        "———. The Global Cold War. Press, 1990.",
        "———, ed. Brothers in Arms. Press, 1990.",
    ]


def test_a_review_names_the_work_reviewed_14_176() -> None:
    review = {
        "id": "r",
        "type": "review-book",
        "author": [{"family": "Lamb", "given": "Jonathan"}],
        "reviewed-title": "The Rise of the Novel",
        "reviewed-author": [{"family": "Watt", "given": "Ian"}],
        "container-title": "Journal of Things",
        "volume": "12",
        "issue": "2",
        "page": "30-35",
        "issued": {"date-parts": [[2005]]},
    }
    assert forms(review, "34") == (
        "Jonathan Lamb, review of <i>The Rise of the Novel</i>, by Ian Watt, <i>Journal of"
        " Things</i> 12, no. 2 (2005): 34.",
        "Lamb, review of <i>Rise of the Novel</i>, 14.",
        "Lamb, Jonathan. Review of <i>The Rise of the Novel</i>, by Ian Watt. <i>Journal of"
        " Things</i> 12, no. 2 (2005): 30–35.",
    )
    titled = forms({**review, "title": "Novel Ideas"}, "34")
    assert titled[0].startswith("Jonathan Lamb, “Novel Ideas,” review of <i>The Rise")
    assert titled[2].startswith("Lamb, Jonathan. “Novel Ideas.” Review of <i>The Rise")


def test_a_name_compound_the_source_capitalized_keeps_its_lowercase_part_8_161() -> None:
    assert title_case("selected works of Mao Tse-tung") == "Selected Works of Mao Tse-tung"
    assert title_case("the sino-soviet split") == "The Sino-Soviet Split"


def test_no_comma_after_an_italic_title_ending_in_a_question_mark_6_119() -> None:
    item = {
        "id": "w",
        "type": "report",
        "title": "The 1952 Stalin Note Debate: Myth or Missed Opportunity?",
        "author": DOE,
        "genre": "Working Paper",
        "number": "14",
        "issued": {"date-parts": [[1996]]},
    }
    full, _, _ = forms(item, "9")
    assert full == (
        "Jan Doe, <i>The 1952 Stalin Note Debate: Myth or Missed Opportunity?</i> Working Paper"
        " no. 14 (1996), 9."
    )


def test_a_short_title_keeps_two_words_that_say_something_14_30() -> None:
    assert derive_short_title("From Stalin to Kim Il Sung: The Formation of North Korea") == (
        "From Stalin to Kim Il Sung"
    )


def test_names_take_the_typographic_apostrophe() -> None:
    # CMOS 6.115: the apostrophe is ’ in print; Zotero and BibTeX exports carry the straight one.
    items = {
        "oneill": {
            "id": "oneill",
            "type": "book",
            "author": [{"family": "O'Neill", "given": "Robert"}],
            "title": "Australia in the Korean War",
            "publisher": "Australian Government Publishing Service",
            "issued": {"date-parts": [[1981]]},
        }
    }
    engine = ChicagoEngine(items)
    assert engine.full_note(Citation("oneill", "3")).text.startswith("Robert O’Neill, ")
    assert engine.bibliography_entry("oneill").text.startswith("O’Neill, Robert.")
    assert "'" not in engine.short_note(Citation("oneill", "3")).text


def test_a_short_title_never_ends_on_an_announcing_abbreviation() -> None:
    # CMOS 14.30: the short title is key words; "no." without its number says nothing.
    short = derive_short_title("Vypiska iz protokola no. 78 zasedaniia Politbiuro TsK", "ru")
    assert not short.endswith("no.")
    assert short.startswith("Vypiska iz protokola")


def test_a_volume_of_a_set_led_by_its_editors_joins_the_page_14_118() -> None:
    # CMOS 14.118: "Muriel St. Clare Byrne, ed., *The Lisle Letters* (…), 4:243": the editors
    # stand before the title, so nothing comes between the volume and the page.
    item = book(
        "lisle",
        title="The Lisle Letters",
        volume="4",
        author=None,
        editor=[{"family": "Byrne", "given": "Muriel St. Clare"}],
        publisher="University of Chicago Press",
        issued={"date-parts": [[1981]]},
    )
    full, short, bib = forms(item, "243")
    assert full == (
        "Muriel St. Clare Byrne, ed., <i>The Lisle Letters</i> (University of Chicago Press,"
        " 1981), 4:243."
    )
    assert short == "Byrne, <i>Lisle Letters</i>, 4:14."
    assert bib == (
        "Byrne, Muriel St. Clare, ed. <i>The Lisle Letters</i>. Vol. 4. University of Chicago"
        " Press, 1981."
    )
    # An editor named after the title comes between them: "vol. 4, ed. … (…), 243".
    edited = {**item, "author": DOE, "editor": [{"family": "Byrne", "given": "Muriel"}]}
    assert forms(edited, "243")[0] == (
        "Jan Doe, <i>The Lisle Letters</i>, vol. 4, ed. Muriel Byrne (University of Chicago"
        " Press, 1981), 243."
    )


def test_romanized_names_on_a_chinese_japanese_or_korean_work_are_family_first_8_15() -> None:
    # CMOS 18 8.15-8.17: on a work in Chinese, Japanese or Korean, a romanized name is in its
    # own order, family name first, never inverted, with or without `static-ordering`.
    chinese = book(
        "shen",
        title="Sulian zhuanjia zai Zhongguo",
        language="zh",
        author=[{"family": "Shen", "given": "Zhihua"}],
    )
    full, short, bib = forms(chinese)
    assert full.startswith("Shen Zhihua, <i>Sulian zhuanjia zai Zhongguo</i>")
    assert short.startswith("Shen, ")
    assert bib.startswith("Shen Zhihua. <i>Sulian")
    japanese = book(
        "wada", title="Chōsen sensō", language="ja",
        author=[{"family": "Wada", "given": "Haruki"}],
    )  # fmt: skip
    assert forms(japanese)[2].startswith("Wada Haruki. ")
    # On an English work a name is in the order the library gives; initials mark Western
    # order; an explicit `static-ordering: false` is respected.
    english = book("zhang", author=[{"family": "Zhang", "given": "Shu Guang"}])
    assert forms(english)[2].startswith("Zhang, Shu Guang. ")
    kau = book("kau", language="zh", author=[{"family": "Kau", "given": "Michael Y. M."}])
    assert forms(kau)[2].startswith("Kau, Michael Y. M. ")
    flagged = book(
        "li", language="zh", author=[{"family": "Li", "given": "Hua", "static-ordering": False}]
    )
    assert forms(flagged)[2].startswith("Li, Hua. ")


def test_an_undated_article_or_book_read_online_gives_its_access_date_14_12() -> None:
    seen = {"date-parts": [[2024, 3, 1]]}
    article = {
        "id": "a", "type": "article-journal", "title": "Notes", "author": DOE,
        "container-title": "Bulletin", "issue": "3", "URL": "https://example.org/a",
        "accessed": seen,
    }  # fmt: skip
    full, _, bib = forms(article)
    assert full == (
        "Jan Doe, “Notes,” <i>Bulletin</i>, no. 3 (n.d.): 12, accessed March 1, 2024,"
        " https://example.org/a."
    )
    assert bib == (
        "Doe, Jan. “Notes.” <i>Bulletin</i>, no. 3 (n.d.). Accessed March 1, 2024."
        " https://example.org/a."
    )
    undated = book("b", issued=None, URL="https://example.org/b", accessed=seen)
    assert forms(undated)[0] == (
        "Jan Doe, <i>Title</i> (Press, n.d.), 12, accessed March 1, 2024, https://example.org/b."
    )
    # A dated source never gives one.
    assert "accessed" not in forms({**undated, "issued": {"date-parts": [[1990]]}})[0]


def test_a_talk_dated_only_by_its_event_date_prints_it_14_115() -> None:
    talk = {
        "id": "t", "type": "speech", "title": "Crisis in Asia", "author": DOE,
        "genre": "Speech", "event-title": "National Press Club", "event-place": "Washington, DC",
        "event-date": {"date-parts": [[1950, 1, 12]]},
    }  # fmt: skip
    full, _, bib = forms(talk)
    assert full == (
        "Jan Doe, “Crisis in Asia,” speech, National Press Club, Washington, DC, January 12,"
        " 1950, 12."
    )
    assert bib == (
        "Doe, Jan. “Crisis in Asia.” Speech, National Press Club, Washington, DC, January 12, 1950."
    )


@pytest.mark.parametrize(
    ("genre", "note_kind", "bib_kind"),
    [
        ("Ph.D. dissertation", "PhD diss.", "PhD diss."),
        ("Doctoral dissertation", "PhD diss.", "PhD diss."),
        ("M.A. thesis", "MA thesis", "MA thesis"),
        ("Master's thesis", "master’s thesis", "Master’s thesis"),
    ],
)
def test_a_thesis_is_described_in_cmos_words_14_113(
    genre: str, note_kind: str, bib_kind: str
) -> None:
    thesis = book("t", type="thesis", title="Soviet Policy in Korea", genre=genre,
                  publisher="Indiana University")  # fmt: skip
    full, _, bib = forms(thesis)
    assert full == f"Jan Doe, “Soviet Policy in Korea” ({note_kind}, Indiana University, 1990), 12."
    assert bib == f"Doe, Jan. “Soviet Policy in Korea.” {bib_kind}, Indiana University, 1990."


def test_a_web_page_says_what_its_date_is_14_104() -> None:
    page = {
        "id": "w", "type": "webpage", "title": "The Korean War", "author": DOE,
        "container-title": "History.com", "status": "Last modified",
        "issued": {"date-parts": [[2020, 3, 2]]}, "URL": "https://example.org/w",
    }  # fmt: skip
    full, _, bib = forms(page, "")
    assert full == (
        "Jan Doe, “The Korean War,” History.com, last modified March 2, 2020,"
        " https://example.org/w."
    )
    assert bib == (
        "Doe, Jan. “The Korean War.” History.com, last modified March 2, 2020."
        " https://example.org/w."
    )
