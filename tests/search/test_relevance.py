"""Search finds what a student means: variants, relaxation, corrections, languages, and the
evaluation set's top-3 rate (tests/search/relevance/)."""

from __future__ import annotations

import pytest
from whoosh import index as whoosh_index
from whoosh import query

from assistant.library.corpus import Library
from assistant.search.index import SearchIndex
from assistant.search.scoring import SECONDARY_KINDS
from assistant.search.whoosh_internals import FastPhrase

from .relevance import evaluate


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> SearchIndex:
    work = tmp_path_factory.mktemp("relevance")
    corpus = evaluate.build_corpus(work / "corpus")
    built = SearchIndex(work / "index")
    report = built.update(Library.open(corpus))
    assert report.indexed == 10 and not report.problems
    return built


def _top(index: SearchIndex, text: str, n: int = 3) -> list[tuple[str, str]]:
    return [(h.source_id, h.text) for h in index.search(text, limit=n).hits]


def _finds(index: SearchIndex, text: str, source: str, words: str, n: int = 3) -> bool:
    return any(s == source and words in t for s, t in _top(index, text, n))


# ---------------------------------------------------------------------------------------------
# The evaluation set

# Measured once the queries were written and the tuning half tuned on (see the README's
# Search section): a drop below these means search got worse for what students type.
TUNE_RATE, HELD_RATE = 0.95, 0.95


def test_top_three_rate_on_the_evaluation_set(index):
    def search(text: str) -> list[tuple[str, str]]:
        return _top(index, text, evaluate.TOP)

    outcome = evaluate.evaluate(search)
    assert len(outcome["tune"]) + len(outcome["tune-missed"]) >= 30
    assert len(outcome["held"]) + len(outcome["held-missed"]) >= 30
    missed = [c.query for c in outcome["tune-missed"] + outcome["held-missed"]]
    assert evaluate.rate(outcome, "tune") >= TUNE_RATE, missed
    assert evaluate.rate(outcome, "held") >= HELD_RATE, missed


def test_top_three_rate_on_the_second_held_out_set(tmp_path):
    """held2/: 50 queries written by someone who never read the search code, scored once on
    the tuned search before anyone looked at them (100 %; 94 % on the search before tuning)."""
    corpus = evaluate.build_corpus(tmp_path / "corpus", "held2")
    built = SearchIndex(tmp_path / "index")
    report = built.update(Library.open(corpus))
    assert report.indexed == 15 and not report.problems
    selected = evaluate.cases("held2")
    assert len(selected) == 50
    outcome = evaluate.evaluate(lambda text: _top(built, text, evaluate.TOP), selected)
    missed = [c.query for c in outcome["held-missed"]]
    assert evaluate.rate(outcome, "held") >= 0.95, missed


# ---------------------------------------------------------------------------------------------
# Names, transliterations, spellings


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        ("Chou En-lai", "pinyin-2003", "Zhou Enlai later worked out"),
        ("Zhou Enlai", "wade-giles-1962", "Chou En-lai joined him"),
        ("Mao Zedong Moscow dacha", "wade-giles-1962", "Mao Tse-tung arrived"),
        ("Lüshun", "wade-giles-1962", "naval base at Port Arthur"),
        ("Lushun returned", "wade-giles-1962", "naval base at Port Arthur"),
        ("Port Arthur", "pinyin-2003", "Lüshun and Dalian"),
        ("Dairen", "pinyin-2003", "Lüshun and Dalian"),
        ("Peking amphibious", "wade-giles-1962", "Peking did not yet have"),
        ("Beijing amphibious", "wade-giles-1962", "Peking did not yet have"),
        ("Guomindang Formosa", "wade-giles-1962", "Kuomintang army"),
        ("Manchuria Xinjiang", "pinyin-2003", "rights in Manchuria"),
        ("armor artillery", "wade-giles-1962", "Armour and artillery"),
        ("maneuver proxy", "wade-giles-1962", "manoeuvre by proxy"),
        ("defense debate Commons", "wade-giles-1962", "defence debate"),
        ("social spending program", "wade-giles-1962", "programme of social spending"),
        ("labor women factory", "koreans-1995", "Mobilisation of women"),
        ("Syngman Rhee exile", "koreans-1995", "Rhee Syng-man returned"),
        ("Pyongyang Workers Party", "koreans-1995", "P'yŏngyang"),
        ("P’yŏngyang", "koreans-1995", "P'yŏngyang"),
        ("Pak Hon-yong", "koreans-1995", "Pak Hŏn-yŏng"),
        ("Kim Il Sung Workers Party", "koreans-1995", "Kim Il-sung's Korean Workers' Party"),
        ("Malenkow", "pinyin-2003", "Georgii Malenkov"),
        ("Beria arrest", "pinyin-2003", "Beriia's arrest"),
        ("Vyshinskii", "pinyin-2003", "Andrei Vyshinsky"),
        ("Khrushchov memoirs", "pinyin-2003", "Khrushchev's memoirs"),
        ("Terentiy Shtykov", "pinyin-2003", "Terentii Shtykov"),
    ],
)
def test_names_and_spellings_find_each_other(index, text, source, words):
    assert _finds(index, text, source, words, n=10), _top(index, text, 10)


def test_variants_score_as_stock_whoosh_scores_the_same_query(index):
    """The OR groups of variants are plain Whoosh queries: stock Whoosh gives the same hits."""
    ix = whoosh_index.open_dir(str(index.index_dir))
    queries = (
        "Chou En-lai treaty",
        "armor artillery",
        "Port Arthur",
        "Malenkow armistice",
        "Beria arrest",
    )
    assert all(isinstance(index.parse(text), query.And | query.Or) for text in queries)
    for text in queries:
        parsed = index.parse(text)

        def stock(node):
            if type(node) is FastPhrase:
                return query.Phrase(node.fieldname, node.words, slop=node.slop, boost=node.boost)
            return node

        with ix.searcher() as searcher:
            stock_hits = searcher.search(
                parsed.accept(stock), limit=None, mask=query.Term("kind", "front")
            )
            scored = sorted(
                (
                    -round(h.score * SECONDARY_KINDS.get(h["kindlabel"], 1.0), 4),
                    h["source"],
                    h["ordinal"],
                )
                for h in stock_hits
            )
        index.rerank, index.relax_below = False, 1
        try:
            ours = index.search(text, limit=10)
        finally:
            index.rerank, index.relax_below = True, 10
        assert not ours.relaxed
        assert ours.total == len(scored)
        assert [(h.source_id, h.ordinal) for h in ours.hits] == [(s, o) for _, s, o in scored[:10]]
        assert [h.score for h in ours.hits] == pytest.approx(
            [-x for x, _, _ in scored[:10]], abs=2e-4
        )


# ---------------------------------------------------------------------------------------------
# Relaxation, corrections, operators


def test_a_description_with_one_word_the_passage_lacks_still_finds_it(index):
    results = index.search("Soviet advisers drafted offensive plan hovercraft")
    assert results.relaxed
    assert any("General Vasiliev drafted" in h.text for h in results.hits[:3])
    assert results.not_found == ("hovercraft",)
    assert results.hits[0].missing == ("hovercraft",)


def test_more_matched_words_rank_higher(index):
    results = index.search("Pak uprising executed spy zeppelin", limit=20)
    assert results.relaxed
    counts = [5 - len(h.missing) for h in results.hits]
    assert counts == sorted(counts, reverse=True)
    assert "Pak promised" in results.hits[0].text


def test_all_words_are_required_when_enough_passages_have_them(index):
    results = index.search("Stalin Korea")
    assert not results.relaxed and results.total >= 10
    assert all(not h.missing for h in results.hits)


def test_passages_with_every_word_come_first_when_only_a_few_have_them(index):
    results = index.search("Ongjin peninsula", limit=20)
    assert results.relaxed and 0 < results.all_words < 10
    assert all(not h.missing for h in results.hits[: results.all_words])
    assert all(h.missing for h in results.hits[results.all_words :])


def test_phrases_and_operators_keep_their_meaning(index):
    # A phrase no passage holds finds nothing, even if its words occur apart.
    assert index.search('"Molotov Shtykov"').total == 0
    # An explicit AND is not relaxed.
    assert index.search("Ongjin AND zeppelin").total == 0
    assert index.search("Ongjin zeppelin").relaxed
    # NOT excludes; OR unites.
    with_not = index.search("Ongjin NOT August", limit=50)
    assert with_not.total > 0 and all("August" not in h.text for h in with_not.hits)
    either = index.search("Ongjin OR Panmunjom", limit=50)
    assert {h.source_id for h in either.hits} >= {"koreans-1995", "pinyin-2003"}


def test_a_misspelt_name_is_corrected_and_said(index):
    results = index.search("Molotv")
    assert results.corrected == "Molotov" and results.total > 0
    assert results.suggestion is None


def test_suggestions_come_from_frequent_words_only(index):
    # "Ongjim" is one letter from "Ongjin" (several passages): corrected.
    assert index.search("Ongjim").corrected == "Ongjin"
    # A word one letter from a word in a single passage is not "corrected" into it.
    assert index.search("Chipyongni").corrected is None or index.search("Chipyongni").total


# ---------------------------------------------------------------------------------------------
# Languages and scripts


def test_each_source_language_comes_from_csl_or_detection(index):
    with index._searcher() as searcher:
        languages = {
            stored["source"]: stored["lang"]
            for stored in searcher.all_stored_fields()
            if stored["ordinal"] == 0
        }
    assert languages["molotov-ru"] == "ru" and languages["french-fr"] == "fr"
    assert languages["koeln-de"] == "de"  # no CSL language: detected
    assert languages["chaoxian-zh"] == "zh"
    assert languages["pinyin-2003"] == "en" and languages["shen-2000"] == "en"


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        ("Молотов", "molotov-ru", "отстранил Молотова"),
        ("молотова", "molotov-ru", "отстранил Молотова"),
        ("Ким Ир Сен", "molotov-ru", "Ким Ир Сен приехал"),
        ("шифртелеграммы", "molotov-ru", "В шифртелеграмме"),
        ("朝鲜战争", "chaoxian-zh", "朝鲜战争爆发以前"),
        ("鸭绿江", "chaoxian-zh", "跨过鸭绿江"),
        ("Koeln", "koeln-de", "Köln am Sonntag"),
        ("Koln", "koeln-de", "Köln am Sonntag"),
        ("Köln", "koeln-de", "Köln am Sonntag"),
        ("Gdansk", "koeln-de", "Gdańsk"),
        ("Strasse", "koeln-de", "Straßen von Hamburg"),
        ("Straße", "koeln-de", "Straßen von Hamburg"),
        ("westdeutschen Industrie", "koeln-de", "westdeutsche Industrie"),
        ("Note neutral", "koeln-de", "Noten Stalins"),
        ("armees", "french-fr", "L'armée française"),
        ("Pekin", "french-fr", "Pékin et Moscou"),
        ("Chipyong-ni", "french-fr", "Chipyong-ni"),
    ],
)
def test_languages_stemming_folding_and_cjk(index, text, source, words):
    assert _finds(index, text, source, words, n=10), _top(index, text, 10)


def test_snippets_highlight_in_each_script(index):
    ru = index.search("Молотов").hits[0]
    assert "<b>Молотова</b>" in ru.snippet
    zh = index.search("朝鲜战争").hits[0]
    assert "<b>朝鲜战争</b>" in zh.snippet  # the overlapping pairs marked as one
    de = next(h for h in index.search("Strasse", limit=5).hits if "Gdańsk" in h.text)
    assert "<b>Straßen</b>" in de.snippet
    reader = index.highlight(de.text, "Strasse Gdansk")
    assert "<b>Straßen</b>" in reader and "<b>Gdańsk</b>" in reader


# ---------------------------------------------------------------------------------------------
# Reference lists and the user's synonyms


def test_reference_list_entries_are_kind_bib_and_rank_below_body(index):
    results = index.search("Foreign Office Korea", limit=20)
    kinds = [h.kind for h in results.hits]
    assert "bib" in kinds and kinds[0] == "body"
    bib = index.search("Foreign Office minutes kind:bib")
    assert bib.hits and all(h.kind == "bib" for h in bib.hits)
    assert "FO 371/84053" in bib.hits[0].text
    assert index.search("AVPRF papka kind:bib").hits[0].source_id == "pinyin-2003"


def test_a_synonyms_file_in_the_corpus_folder_is_used_and_reread(tmp_path):
    corpus = evaluate.build_corpus(tmp_path / "corpus")
    built = SearchIndex(tmp_path / "index")
    built.update(Library.open(corpus))
    assert built.search("hiatus Panmunjom").all_words == 0
    (corpus / "synonyms.csv").write_text("# mine\nhiatus, armistice, ceasefire\n", "utf-8")
    results = built.search("hiatus Panmunjom")
    assert results.all_words and "armistice was signed at Panmunjom" in results.hits[0].text
    (corpus / "synonyms.csv").write_text("", "utf-8")
    assert built.search("hiatus Panmunjom").all_words == 0
    # A search-only process finds the same file when told the corpus.
    reader = SearchIndex(tmp_path / "index", corpus_dir=corpus)
    (corpus / "synonyms.csv").write_text("hiatus = armistice\n", "utf-8")
    assert reader.search("hiatus Panmunjom").all_words == 1


# ---------------------------------------------------------------------------------------------
# Queries of each kind written for these tests after the tuning (none is in queries.tsv)


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        # paraphrases
        ("Mao waited at a dacha outside Moscow", "wade-giles-1962", "Mao Tse-tung arrived"),
        ("communists lacked amphibious capability", "wade-giles-1962", "amphibious crossing"),
        ("women factory labor after American bombing", "koreans-1995", "Mobilisation of women"),
        ("Berlin blockade forced Soviets to back down", "shen-2000", "The Berlin Crisis from"),
        ("why was Stalin hesitant about military action in Korea", "shen-2000", "reluctant"),
        # names in other systems
        ("Jiang Jieshi Formosa", "wade-giles-1962", "Kuomintang army had retreated"),
        ("Lavrenty Beria arrest", "pinyin-2003", "Beriia's arrest"),
        ("Khrushchyov memoirs", "pinyin-2003", "Khrushchev's memoirs"),
        ("Yi Sung-man exile", "koreans-1995", "Rhee Syng-man returned"),
        ("Ryojun naval base", "wade-giles-1962", "naval base at Port Arthur"),
        # across languages
        ("Stalin notes neutral Germany 1952", "koeln-de", "schlug die Sowjetunion"),
        ("French battalion Chipyong-ni 1951", "french-fr", "Le bataillon français"),
        ("Chinese volunteers crossed the Yalu October 1950", "chaoxian-zh", "跨过鸭绿江"),
        ("Molotov Stalin dacha dinners", "molotov-ru", "отстранил Молотова"),
        # misspellings
        ("Panmunjon armistice", "pinyin-2003", "armistice was signed at Panmunjom"),
        ("Khrushcev memoirs", "pinyin-2003", "Khrushchev's memoirs"),
    ],
)
def test_queries_of_each_kind_find_their_passage_in_the_top_three(index, text, source, words):
    assert _finds(index, text, source, words, n=3), _top(index, text, 3)


def test_queries_written_after_the_tuning_find_their_passage(index):
    """tests/search/relevance/after-tuning.tsv: 102 queries of every kind, written after the
    tuning on queries.tsv (and so tuning data themselves now)."""
    selected = []
    path = evaluate.HERE / "after-tuning.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        half, text, expected = line.split("\t")
        pairs = tuple(
            (option.partition(" :: ")[0].strip(), option.partition(" :: ")[2].strip())
            for option in expected.split(" || ")
        )
        selected.append(evaluate.Case(half, text, pairs))
    assert len(selected) >= 100
    missed = [
        case.query for case in selected if not evaluate.found_in_top(case, _top(index, case.query))
    ]
    assert len(missed) <= len(selected) // 20, missed
