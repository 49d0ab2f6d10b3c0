"""Stock Whoosh is the oracle: the fast paths give its hits and scores, the fast writer its
index, and with another Whoosh installed the app falls back to Whoosh's own code."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh import qparser, query
from whoosh.writing import SegmentWriter

import assistant.search.indexing as search_indexing
from assistant.library.corpus import Library
from assistant.search import whoosh_internals
from assistant.search.index import SearchIndex
from assistant.search.schema import INDEX_SIGNATURE, make_schema
from assistant.search.scoring import SECONDARY_KINDS, clear_caches

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "corpus"

ORACLE_QUERIES = [
    "Stalin",
    "Stalin Mao",
    "Acheson defense perimeter",
    "Stalin OR Mao",
    "Korea OR Korean OR Koreans",
    '"Kim Il Sung"',
    '"Soviet Union" Stalin',
    "nucle*",
    "Stalin NOT Mao",
    '"Kim Il Sung" NOT Stalin',
    "Stalin ANDNOT Mao",
    "Stalin OR (Mao NOT Kim)",
    "kind:note Mao",
    "section:Acheson speech",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SearchIndex:
    index = SearchIndex(tmp_path_factory.mktemp("oracle"))
    index.update(Library.open(BUNDLED))
    return index


def _stock(index_dir: Path, text: str, limit: int) -> tuple[int, dict, list]:
    """The query as stock Whoosh answers it: its parser (plain Phrase), its BM25F, its
    searcher; notes and headings scaled down and front matter masked as the app documents."""
    ix = whoosh_index.open_dir(str(index_dir))
    parser = qparser.QueryParser("text", ix.schema, group=qparser.AndGroup)
    parsed = parser.parse(text)
    names_kind = "kind:" in text
    with ix.searcher() as searcher:
        results = searcher.search(parsed, limit=None, mask=query.Term("kind", "front"))
        rows = []
        counts: dict[str, int] = {}
        for hit in results:
            stored = hit.fields()
            factor = 1.0
            if not names_kind:
                factor = SECONDARY_KINDS.get(stored["kindlabel"], 1.0)
            rows.append((-round(hit.score * factor, 6), stored["source"], stored["ordinal"]))
            counts[stored["source"]] = counts.get(stored["source"], 0) + 1
    rows.sort()
    top = [(source, ordinal, round(-score, 4)) for score, source, ordinal in rows[:limit]]
    return len(rows), dict(sorted(counts.items())), top


def _ours(index: SearchIndex, text: str, limit: int) -> tuple[int, dict, list]:
    # BM25 as Whoosh computes it: without the second look at the best hits (ranking.py),
    # relaxed only when no passage has every word, and no translations or paraphrases.
    index.rerank, index.relax_below, index.related_words = False, 1, False
    results = index.search(text, limit=limit)
    assert not results.relaxed and not results.corrected
    top = [(h.source_id, h.ordinal, h.score) for h in results.hits]
    return results.total, results.counts_by_source, top


@pytest.mark.parametrize("text", ORACLE_QUERIES)
def test_hits_and_scores_are_stock_whooshs(built, text):
    clear_caches()
    expected = _stock(built.index_dir, text, 15)
    assert expected[0] > 0
    _same(_ours(built, text, 15), expected)


def _same(ours: tuple, stock: tuple) -> None:
    """Same total, counts and hits in the same order; scores equal to Whoosh's (to the
    1e-4 the app rounds them to)."""
    assert ours[:2] == stock[:2]
    assert [hit[:2] for hit in ours[2]] == [hit[:2] for hit in stock[2]]
    assert [hit[2] for hit in ours[2]] == pytest.approx([hit[2] for hit in stock[2]], abs=2e-4)


def test_hits_are_stock_whooshs_after_deletions_and_with_two_segments(corpus_dir, tmp_path):
    for item in corpus_dir.iterdir():
        item.chmod(0o644)
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    shen = corpus_dir / "shen-2000.md"
    shen.write_text(shen.read_text(encoding="utf-8").replace("Stalin", "Koba"), encoding="utf-8")
    index.update(Library.open(corpus_dir))
    for text in ("Stalin", "Koba OR Stalin", "Stalin Mao", '"Kim Il Sung"'):
        _same(_ours(index, text, 30), _stock(index.index_dir, text, 30))


def test_cached_posting_lists_follow_deletions(corpus_dir, tmp_path):
    """A segment keeps its id when documents of it are deleted: arrays read before the
    deletion must not be reused after it."""
    for item in corpus_dir.iterdir():
        item.chmod(0o644)
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    queries = ("Stalin", '"Kim Il Sung"', "Stalin NOT Mao")
    for text in queries:  # read (and keep) the posting lists of the first version
        _same(_ours(index, text, 30), _stock(index.index_dir, text, 30))
    shen = corpus_dir / "shen-2000.md"
    shen.write_text(shen.read_text(encoding="utf-8").replace("Stalin", "Koba"), encoding="utf-8")
    index.update(Library.open(corpus_dir))
    for text in queries:
        _same(_ours(index, text, 30), _stock(index.index_dir, text, 30))


def _dump(ix) -> dict:
    out: dict = {"postings": {}, "stored": [], "lengths": []}
    with ix.reader() as reader:
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            postings = []
            while matcher.is_active():
                postings.append(
                    (matcher.id(), matcher.weight(), matcher.value(), matcher.block_max_weight())
                )
                matcher.next()
            out["postings"][(fieldname, text)] = postings
        for docnum in range(reader.doc_count_all()):
            out["stored"].append(reader.stored_fields(docnum))
            out["lengths"].append(reader.doc_field_length(docnum, "text"))
    return out


def _documents() -> list[dict]:
    from assistant.search.schema import passage_fields

    library = Library.open(BUNDLED)
    docs = [
        passage_fields(passage, "digest")
        for source in library.sources
        for passage in library.document(source.id).passages
    ]
    # Passages in other languages: indexed with their language marked, stored as written.
    from assistant.library.model import Passage

    for number, (language, text) in enumerate(
        [
            ("de", "Die Straßen von Köln und Gdańsk nach dem Krieg, Kim Il-sungs Armee."),
            ("ru", "Молотова вызвали в Кремль; Сталин и Ким Ир Сен обсуждали войну."),
            ("zh", "朝鲜战争爆发以前，斯大林同意了金日成的计划。"),
            ("fr", "L'armée soviétique et d'Estaing à Pyongyang (P’yŏngyang)."),
        ]
    ):
        passage = Passage(f"lang-{language}", 0, text, start=0, end=len(text))
        docs.append(passage_fields(passage, f"d{number}", language))
    assert any("_stored_text" in doc for doc in docs)
    return docs


def test_fast_writer_spilling_to_disk_writes_what_whooshs_writer_writes(tmp_path):
    """A pool limit of ~50 KB makes both writers spill sorted runs to disk many times."""
    docs = _documents()
    dumps = {}
    for name, writer_class in (
        ("whoosh", SegmentWriter),
        ("fast", whoosh_internals.FastSegmentWriter),
    ):
        path = tmp_path / name
        path.mkdir()
        ix = whoosh_index.create_in(str(path), make_schema())
        writer = writer_class(ix, limitmb=0.05, codec=whoosh_internals.codec())
        for doc in docs:
            writer.add_document(**doc)
        assert len(writer.pool.runs) > 3, "the pool never spilled"
        writer.commit()
        dumps[name] = _dump(whoosh_index.open_dir(str(path)))
    assert dumps["fast"] == dumps["whoosh"]


def test_another_whoosh_version_falls_back_to_stock_code(tmp_path, monkeypatch):
    library = Library.open(BUNDLED)
    fast = SearchIndex(tmp_path / "fast")
    fast.update(library)
    monkeypatch.setattr(whoosh_internals, "SUPPORTED", False)
    (tmp_path / "probe").mkdir()
    ix = whoosh_index.create_in(str(tmp_path / "probe"), make_schema())
    writer = whoosh_internals.open_writer(ix, 1, 16, 1.0)
    assert type(writer) is SegmentWriter
    writer.cancel()
    monkeypatch.setattr(search_indexing, "MULTIPROCESS_WORDS", 0)
    stock = SearchIndex(tmp_path / "stock")
    report = stock.update(library)
    assert report.indexed == 3 and not report.problems
    clear_caches()
    for text in ORACLE_QUERIES:
        assert _ours(stock, text, 12) == _ours(fast, text, 12)


def test_an_index_from_another_whoosh_is_rebuilt(tmp_path, monkeypatch):
    library = Library.open(BUNDLED)
    index = SearchIndex(tmp_path / "index")
    index.update(library)
    assert all(d.endswith(INDEX_SIGNATURE) for d in index.indexed_hashes().values())
    import assistant.search.lifecycle as lifecycle

    monkeypatch.setattr(lifecycle, "INDEX_SIGNATURE", INDEX_SIGNATURE + "-other")
    monkeypatch.setattr(search_indexing, "INDEX_SIGNATURE", INDEX_SIGNATURE + "-other")
    again = SearchIndex(tmp_path / "index")
    report = again.update(library)
    assert report.indexed == 3
    assert report.rebuilt_reason and "another version" in report.rebuilt_reason
    assert again.search("Stalin").total > 0


def test_array_scores_of_another_field_are_whooshs(built):
    """Bm25 on the section field (no positions) scores as Whoosh's searcher does."""
    from assistant.search.scoring import Bm25

    ix = whoosh_index.open_dir(str(built.index_dir))
    with ix.searcher() as searcher:
        expected = {
            hit.docnum: hit.score
            for hit in searcher.search(query.Term("section", "acheson"), limit=None)
        }
    with built._searcher() as searcher:
        docs, scores = Bm25(searcher, "section").term(b"acheson")
    assert expected and dict(zip(docs.tolist(), scores.tolist(), strict=True)) == pytest.approx(
        expected
    )


@pytest.mark.parametrize(
    "text", ["Stalin NOT Mao", "Stalin ANDNOT Mao", '"Kim Il Sung" NOT Stalin']
)
def test_negations_hold_within_chosen_sources(built, text):
    """A NOT query limited to some sources leaves out the negated word's passages there too
    (the array path against Whoosh's matchers and filter)."""
    index = built
    index.rerank, index.relax_below, index.related_words = False, 1, False
    sources = sorted(index.search("Stalin Mao", limit=5).counts_by_source)[:3]
    assert len(sources) >= 2
    fast = index.search(text, limit=30, source_ids=sources)
    index.fast_path = False
    try:
        stock = index.search(text, limit=30, source_ids=sources)
    finally:
        index.fast_path = True
    assert fast.total and set(fast.counts_by_source) <= set(sources)
    assert (fast.total, fast.counts_by_source) == (stock.total, stock.counts_by_source)
    assert [(h.source_id, h.ordinal, h.score) for h in fast.hits] == [
        (h.source_id, h.ordinal, h.score) for h in stock.hits
    ]
