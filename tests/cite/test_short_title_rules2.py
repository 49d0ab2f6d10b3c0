"""Short titles (CMOS 18 14.30: generally no more than four words, the main title's key words,
never ending on a function word, never breaking a phrase or a name), second set of rules:
articles uncounted in every language, the word groups a cut never splits (a Romance compound
or noun with its adjective, a date, a name with its title of office, a quotation), a single
year after a comma kept, a typed final period dropped, a Pinyin name one key word.

The titles are invented or taken from real works outside the test sets."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation
from assistant.cite.short_titles import derive_short_title


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # 14.30 with CMOS 11 (foreign titles): a foreign title keeps its initial article (the
        # house style), but the article is not counted, as the English one is dropped: five
        # words stay whole in German, French, Italian and Spanish as in English.
        ("Die Krise um die Berliner Mauer", "de", "Die Krise um die Berliner Mauer"),
        ("Les origines de la guerre froide", "fr", "Les origines de la guerre froide"),
        ("I comunisti e la guerra fredda", "it", "I comunisti e la guerra fredda"),
        ("El fin de la Guerra Fría", "es", "El fin de la Guerra Fría"),
        ("A Guerra Fria e o Brasil", "pt", "A Guerra Fria e o Brasil"),
    ],
)  # fmt: skip
def test_foreign_articles_do_not_count_toward_the_limit_14_30(
    title: str, language: str, short: str
) -> None:
    assert derive_short_title(title, language) == short


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # 14.30, never breaking a phrase: a bare "de"/"di" before a noun makes a compound
        # with the noun before it ("pacte de Varsovie", "Warsaw Pact") ...
        ("De Potsdam au pacte de Varsovie", "fr", "De Potsdam au pacte de Varsovie"),
        ("Dalla liberazione al patto di Varsavia", "it",
         "Dalla liberazione al patto di Varsavia"),
        ("Le coup d’État de Prague et la crise de Berlin", "fr", "Le coup d’État de Prague"),
        # ... as does "de" between the parts of a name ("Europe de l’Est"), not "de la".
        ("Les diplomates français en Europe de l’Est, 1945–1953", "fr",
         "Les diplomates français"),
        # An adjective after its noun belongs to the noun phrase: no cut before it.
        ("Étude sur la diplomatie américaine en Extrême-Orient", "fr",
         "Étude sur la diplomatie américaine"),
        ("Histoire de la politique étrangère de la France depuis 1945", "fr",
         "Histoire de la politique étrangère"),
        ("Les prisonniers de guerre allemands en Union soviétique", "fr",
         "Les prisonniers de guerre allemands"),
        ("La France et la guerre d’Indochine vue par les diplomates", "fr",
         "La France et la guerre d’Indochine"),
    ],
)  # fmt: skip
def test_romance_compounds_and_adjectives_are_not_cut_14_30(
    title: str, language: str, short: str
) -> None:
    assert derive_short_title(title, language) == short


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # 14.30: a date is one term, never cut inside (day, month, year and "года").
        ("Записка Молотова 12 ноября 1940 года и советско-германские переговоры", "ru",
         "Записка Молотова 12 ноября 1940 года"),
        ("Truman Statement May 5, 1950 on Military Aid to Indochina and Its Critics", "en",
         "Truman Statement May 5, 1950"),
        ("Zapiska Molotova 12 noiabria 1940 g. i sovetsko-germanskie peregovory", "ru",
         "Zapiska Molotova 12 noiabria 1940 g."),
        # Two years joined by a word are one span: no cut before "à 1958" ...
        ("Les relations franco-soviétiques de 1944 à 1958 selon les archives", "fr",
         "Les relations franco-soviétiques"),
        # ... and a German date keeps its day's period ("10.").
        ("Die Stalin-Note vom 10. März 1952 und die Westintegration", "de",
         "Die Stalin-Note vom 10. März 1952"),
    ],
)  # fmt: skip
def test_a_date_is_never_cut_inside_14_30(title: str, language: str, short: str) -> None:
    assert derive_short_title(title, language) == short


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # 14.30: a single year after a comma is what the title is about and stays ...
        ("The Hungarian Revolution, 1956", "en", "Hungarian Revolution, 1956"),
        ("Пражская весна, 1968", "ru", "Пражская весна, 1968"),
        ("Берлинский кризис, 1961 г.", "ru", "Берлинский кризис, 1961 г."),
        # ... a span of years after a comma is the period covered and goes.
        ("The Soviet Zone, 1945–1949", "en", "Soviet Zone"),
        ("Советская зона, 1945–1949 гг.", "ru", "Советская зона"),
        ("Tagebuch aus Berlin, 1948/49", "de", "Tagebuch aus Berlin"),
    ],
)  # fmt: skip
def test_a_single_year_after_a_comma_stays_a_span_goes_14_30(
    title: str, language: str, short: str
) -> None:
    assert derive_short_title(title, language) == short


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # 14.30, never breaking a name: a title of office stays with the name it precedes,
        # the four-word limit yielding to the name.
        ("Memorandum by Prime Minister Churchill for the War Cabinet", "en",
         "Memorandum by Prime Minister Churchill"),
        ("Report to President Dwight D. Eisenhower on the Situation in Laos", "en",
         "Report to President Dwight D. Eisenhower"),
        ("Telegram from Secretary of State Dulles to Ambassador Bohlen in Moscow", "en",
         "Telegram from Secretary of State Dulles"),
        ("Lettre du général de Gaulle au président Eisenhower sur l’OTAN", "fr",
         "Lettre du général de Gaulle"),
        # A title of office is not left hanging, cut from the words leading to the name.
        ("Pis’mo posla Paniushkina ministru inostrannykh del Vyshinskomu o polozhenii v Kitae",
         "ru", "Pis’mo posla Paniushkina"),
    ],
)  # fmt: skip
def test_a_title_of_office_is_not_cut_from_its_name_14_30(
    title: str, language: str, short: str
) -> None:
    assert derive_short_title(title, language) == short


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # 14.30: a quotation is never broken, double or single, curly or straight, German
        # „…“ too; an apostrophe inside a word ("Stalin’s") is no quotation mark.
        ("“The Most Dangerous Moment in the Cold War” Revisited in New Documents", "en",
         "“The Most Dangerous Moment in the Cold War”"),
        ('"The Most Dangerous Moment in the Cold War" Revisited in New Documents', "en",
         '"The Most Dangerous Moment in the Cold War"'),
        ("Stalin’s ‘Year of the Great Turn’ in the Villages of the Ukraine", "en",
         "Stalin’s ‘Year of the Great Turn’"),
        ("„Wir sind das Volk“ und die friedliche Revolution in Leipzig", "de",
         "„Wir sind das Volk“"),
    ],
)  # fmt: skip
def test_a_quotation_is_never_broken_14_30(title: str, language: str, short: str) -> None:
    assert derive_short_title(title, language) == short


def test_a_quotation_opening_a_title_stays_whole_in_the_note_14_30() -> None:
    # The record's straight quotes, curled and turned single inside the article's double
    # quotes (6.9); the apostrophe of "We’ll" is not a closing quote.
    item = {
        "id": "q",
        "type": "article-journal",
        "title": '"We\'ll Never Let Go of Indochina without a Fight": French Officers and'
        " the War, 1946-1954",
        "author": [{"family": "Martin", "given": "Claire"}],
        "container-title": "French Historical Studies",
        "volume": "30",
        "issue": "2",
        "page": "201-230",
        "issued": {"date-parts": [[2007]]},
    }
    engine = ChicagoEngine({"q": item})
    assert engine.short_note(Citation("q", "210")).html() == (
        "Martin, “‘We’ll Never Let Go of Indochina without a Fight,’” 210."
    )


def test_a_typed_final_period_is_no_part_of_the_short_title_14_30() -> None:
    assert derive_short_title("The Berlin Airlift.") == "Berlin Airlift"
    # An abbreviation keeps its period.
    assert derive_short_title("Relations with the U.S.") == "Relations with the U.S."
    assert derive_short_title("Koreiskaia voina 1950–1953 gg.", "ru") == (
        "Koreiskaia voina 1950–1953 gg."
    )


@pytest.mark.parametrize(
    ("title", "short"),
    [
        # A Pinyin name is one key word: "Mao Zedong" alone says nothing of the record of a
        # talk, so the cut does not stop after it (14.30, two key words at least); and the
        # head noun comes last ("huitan jilu", record of talks), so a title of up to seven
        # words without another cut stays whole, as an English one does.
        ("Mao Zedong yu Heluxiaofu huitan jilu", "Mao Zedong yu Heluxiaofu huitan jilu"),
        # A phrase of two nouns is still cut before its second conjunct.
        ("Zhong Mei guanxi yu Taiwan wenti de lishi yanjiu", "Zhong Mei guanxi"),
    ],
)
def test_a_pinyin_name_is_one_key_word_14_30(title: str, short: str) -> None:
    assert derive_short_title(title, "zh") == short


def test_a_title_of_any_length_or_with_stray_marks_gets_a_short_title() -> None:
    # Bad input: a runaway title (a pasted abstract) and quotation marks never closed.
    runaway = "Notes on the Talks " * 50_000
    assert derive_short_title(runaway) == "Notes on the Talks Notes"
    assert derive_short_title("“Unclosed quotation of the Cold War Era in Asia and Europe") == (
        "“Unclosed quotation"
    )
    assert derive_short_title("” ’ ‘ “") == "” ’ ‘ “"


@pytest.mark.parametrize(
    ("title", "short"),
    [
        # 14.30, never ending on an adjective: a German noun is capitalized, so a lowercase
        # word with an adjective's ending at the end of a cut is left before its noun.
        ("Die deutsche Frage und die sowjetische Politik in den Jahren 1945 bis 1955",
         "Die deutsche Frage"),
        ("„Wir sind das Volk“ und die friedliche Revolution in Leipzig und Dresden",
         "„Wir sind das Volk“"),
    ],
)  # fmt: skip
def test_a_german_cut_never_ends_on_an_adjective_14_30(title: str, short: str) -> None:
    assert derive_short_title(title, "de") == short


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # 14.30, never breaking a phrase: when the first four words end on an adjective and
        # no shorter phrase says anything, the noun it qualifies comes along.
        ("Akten zur deutschen auswärtigen Politik der Jahre 1945 bis 1955", "de",
         "Akten zur deutschen auswärtigen Politik"),
        ("Berichte über sowjetische militärische Planungen in Ostdeutschland", "de",
         "Berichte über sowjetische militärische Planungen"),
        ("Records of the Soviet Military Administration in Germany", "en",
         "Records of the Soviet Military Administration"),
    ],
)  # fmt: skip
def test_four_words_ending_on_an_adjective_take_its_noun_14_30(
    title: str, language: str, short: str
) -> None:
    assert derive_short_title(title, language) == short
