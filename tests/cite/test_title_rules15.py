"""Title and short-title rules of round 15 (CMOS 18), each pinned on titles of its own, not
on the held-out libraries' items."""

from __future__ import annotations

import pytest

from assistant.cite.headline import title_case
from assistant.cite.languages import code_of
from assistant.cite.ranges import number_ranges
from assistant.cite.short_titles import derive_short_title
from assistant.cite.typography import joined_to_open_compounds


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 8.159: prepositions are lowercase whatever their length, "inside", "outside",
        # "concerning", "regarding" among them ...
        ("Life Inside the Gulag", "Life inside the Gulag"),
        ("Voices From Outside the Camp", "Voices from outside the Camp"),
        ("Treaty Concerning the Status of Berlin", "Treaty concerning the Status of Berlin"),
        ("Notes Regarding the Partition of Bengal", "Notes regarding the Partition of Bengal"),
        # ... but used as an adverb (no object) or an adjective (after an article) they are
        # capitalized.
        ("The Story from Inside", "The Story from Inside"),
        (
            "An Outside View of the Cultural Revolution",
            "An Outside View of the Cultural Revolution",
        ),
        ("The Inside Account of the Suez Crisis", "The Inside Account of the Suez Crisis"),
    ],
)
def test_long_prepositions_lowercase_cmos_8_159(title: str, expected: str) -> None:
    assert title_case(title) == expected


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        # 14.30: "toward(s)" names a policy's object, as "to" does: the phrase stays.
        (
            "British Policy towards Iraq, 1958–1968: A Study in Decline",
            "en",
            "British Policy towards Iraq",
        ),
        # 14.30: years in parentheses after the head go, as trailing years do.
        (
            "The Korean Armistice Talks (1951–1953) and the Prisoner Question",
            "en",
            "Korean Armistice Talks",
        ),
        # 14.30: a collection's genre lead is no key word: "Studies in (the History of)",
        # "Essays on".
        ("Studies in the History of the Algerian War, 1954–1962", "en", "Algerian War"),
        (
            "Essays on the Origins of the Berlin Blockade in Occupied Germany",
            "en",
            "Origins of the Berlin Blockade",
        ),
        # 14.30: an office named by its portfolio is one name.
        (
            "Memorandum from the Ministry of Foreign Affairs to the Embassy in Bonn",
            "en",
            "Memorandum from the Ministry of Foreign Affairs",
        ),
        (
            "Letter from the Secretary of Defense to the Chairman of the Armed Services Committee",
            "en",
            "Letter from the Secretary of Defense",
        ),
        # 14.30 with 11.x: no short title ends on a Greek article (monotonic or polytonic)
        # or an Afrikaans preposition; articles do not count toward the four words.
        (
            "Η Βουλή ψηφίζει τον προϋπολογισμό της χώρας και του στρατού",
            "el",
            "Η Βουλή ψηφίζει τον προϋπολογισμό",
        ),
        (
            "Ἡ Βουλὴ ψηφίζει τὸν προϋπολογισμὸν τῆς χώρας καὶ τοῦ στρατοῦ",
            "el",
            "Ἡ Βουλὴ ψηφίζει τὸν προϋπολογισμὸν",
        ),
        ("Ons stryd saam met die boere van die Vrystaat", "af", "Ons stryd"),
        # Persian (LC romanization): a short title does not end on an ezafe, and modifiers
        # joined by "va" after one stay together.
        ("Khāṭirāt-i Muḥammad Muṣaddiq", "fa", "Khāṭirāt"),
        ("Siyāsat-i sharq va gharb dar Īrān-i muʻāṣir", "fa", "Siyāsat-i sharq va gharb"),
    ],
)
def test_short_title_rules_cmos_14_30(title: str, language: str, expected: str) -> None:
    assert derive_short_title(title, language, ["Muḥammad Muṣaddiq"]) == expected


def test_persian_and_afrikaans_language_names() -> None:
    assert code_of("per") == "fa"
    assert code_of("Persian") == "fa"
    assert code_of("afr") == "af"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a past participle after the head opens a reduced relative clause ("Submitted
        # Pursuant to", "Prepared under"): the short title is the head before it, also after
        # a title of office, which it is no name of.
        (
            "Report of the Special Rapporteur Submitted Pursuant to Commission Resolution 1993/47",
            "Report of the Special Rapporteur",
        ),
        (
            "Note by the Secretary-General Submitted Pursuant to General Assembly Resolution 2145",
            "Note by the Secretary-General",
        ),
        (
            "Estimate of Soviet Capabilities Prepared under the Direction of the Board",
            "Estimate of Soviet Capabilities",
        ),
    ],
)
def test_cut_before_reduced_relative_clause_cmos_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6.80: a hyphen joining a name of two words to another name would join only the
        # nearest word; an en dash joins the whole name, on either side.
        ("The North Korea-China Border Treaty", "The North Korea–China Border Treaty"),
        ("Cuba-Soviet Union Relations, 1959–1991", "Cuba–Soviet Union Relations, 1959–1991"),
        ("Zimbabwe-South Africa-Botswana Trade", "Zimbabwe–South Africa–Botswana Trade"),
        # Words of one word each keep their hyphen, and so does a compound in lowercase.
        ("North-South Dialogue", "North-South Dialogue"),
        ("South Africa-based Mining Houses", "South Africa-based Mining Houses"),
    ],
)
def test_en_dash_with_open_compound_name_cmos_6_80(text: str, expected: str) -> None:
    assert joined_to_open_compounds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6.78: a year range before a slash that opens a word (two series named as one) takes
        # its en dash, in an archival collection as in a title ...
        (
            "Subject-Numeric Files, 1967-69/Political Affairs, RG 59",
            "Subject-Numeric Files, 1967–69/Political Affairs, RG 59",
        ),
        # ... while a slash before a number or a letter code marks a file number.
        ("Decimal File 611.61/1950-54/3", "Decimal File 611.61/1950-54/3"),
        ("Box 12-14/B", "Box 12-14/B"),
    ],
)
def test_year_range_before_slash_cmos_6_78(text: str, expected: str) -> None:
    assert number_ranges(text, shelfmark=True) == expected
