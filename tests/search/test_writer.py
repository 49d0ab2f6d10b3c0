"""The fast segment writers write the index Whoosh's own writer would."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import SegmentWriter

import assistant.search.indexing as search_indexing
from assistant.library.corpus import Library
from assistant.search.index import SearchIndex
from assistant.search.schema import make_schema, passage_fields
from assistant.search.whoosh_internals import FastSegmentWriter

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "corpus"


def _documents() -> list[dict]:
    library = Library.open(BUNDLED)
    docs = []
    for source in library.sources:
        for passage in library.document(source.id).passages:
            docs.append(passage_fields(passage, "digest"))
    # Words past position 4096 and repeated words take the general posting encoding.
    docs.append(
        {
            "uid": "long#0",
            "source": "long",
            "ordinal": 0,
            "section": "Long",
            "kind": "body",
            "kindlabel": "body",
            "front": False,
            "start": 0,
            "end": 1,
            "text": " ".join(f"word{i % 700} Stalin" for i in range(5000)),
        }
    )
    return docs


def _build(path: Path, writer_class: type, docs: list[dict]) -> object:
    path.mkdir()
    ix = whoosh_index.create_in(str(path), make_schema())
    writer = writer_class(ix, codec=W3Codec(compression=0))
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return whoosh_index.open_dir(str(path))


def _dump(ix) -> dict:
    """Every posting with its block statistics, every stored document and field length."""
    out: dict = {"postings": {}, "stored": [], "lengths": []}
    with ix.reader() as reader:
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            postings = []
            while matcher.is_active():
                postings.append(
                    (
                        matcher.id(),
                        matcher.weight(),
                        matcher.value(),
                        matcher.block_min_length(),
                        matcher.block_max_length(),
                        matcher.block_max_weight(),
                    )
                )
                matcher.next()
            out["postings"][(fieldname, text)] = (reader.doc_frequency(fieldname, text), postings)
        for docnum in range(reader.doc_count_all()):
            out["stored"].append(reader.stored_fields(docnum))
            out["lengths"].append(
                {name: reader.doc_field_length(docnum, name) for name in ("text", "section")}
            )
        out["field_lengths"] = {n: reader.field_length(n) for n in ("text", "section")}
    return out


def test_fast_writer_writes_what_whooshs_writer_writes(tmp_path):
    docs = _documents()
    expected = _dump(_build(tmp_path / "whoosh", SegmentWriter, docs))
    actual = _dump(_build(tmp_path / "fast", FastSegmentWriter, docs))
    assert actual["postings"].keys() == expected["postings"].keys()
    assert actual == expected
    assert len(expected["stored"]) == len(docs)


def test_fast_writer_takes_whooshs_path_for_boosted_documents(tmp_path):
    docs = _documents()[:40]
    docs[3] = dict(docs[3], _boost=2.0)
    expected = _dump(_build(tmp_path / "whoosh", SegmentWriter, docs))
    actual = _dump(_build(tmp_path / "fast", FastSegmentWriter, docs))
    assert actual == expected


def test_two_process_build_finds_what_a_one_process_build_finds(tmp_path, monkeypatch):
    library = Library.open(BUNDLED)
    single = SearchIndex(tmp_path / "single")
    single.update(library)
    monkeypatch.setattr(search_indexing, "MULTIPROCESS_WORDS", 0)
    double = SearchIndex(tmp_path / "double")
    report = double.update(library)
    assert report.indexed == 3 and not report.problems
    assert double.doc_count() == single.doc_count()
    # Segments as separate files (Whoosh copies a compound file's parts into memory to read
    # them).
    for folder in (single.index_dir, double.index_dir):
        assert not list(folder.glob("*.seg")) and list(folder.glob("MAIN_*.pst"))
    for query in ("Acheson defense perimeter", '"Kim Il Sung"', "Stalin OR Mao", "kind:note Mao"):
        one, two = single.search(query, limit=20), double.search(query, limit=20)
        assert two.total == one.total > 0
        assert [(h.source_id, h.ordinal, h.snippet) for h in two.hits] == [
            (h.source_id, h.ordinal, h.snippet) for h in one.hits
        ]
        assert [h.score for h in two.hits] == pytest.approx([h.score for h in one.hits])


def test_posting_blocks_load_without_codecs_calls_and_segments_name_plain_w3(tmp_path):
    ix = _build(tmp_path / "fast", FastSegmentWriter, _documents())
    with ix.reader() as reader:
        assert type(reader.segment().codec()) is W3Codec
        matcher = reader.postings("text", b"stalin")
        raw = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
        # Protocol 2 would rebuild every posting value with a codecs.encode call.
        assert raw[:2] == b"\x80\x04" and b"codecs" not in raw
        assert matcher.is_active() and matcher.value()


def test_cancelling_a_two_process_build_stops_its_workers(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(search_indexing, "MULTIPROCESS_WORDS", 0)
    cancel = threading.Event()

    def progress(done: int, total: int, source: str) -> None:
        if done == 1:  # the first source is already with the workers
            cancel.set()

    index = SearchIndex(tmp_path / "index")
    report = index.update(Library.open(corpus_dir), progress=progress, cancel=cancel)
    assert report.cancelled and report.indexed == 0
    assert multiprocessing.active_children() == []
    assert index.is_empty()
    again = index.update(Library.open(corpus_dir))
    assert again.indexed == 3 and not again.problems
    assert index.search("Acheson defense perimeter").total > 0


def test_per_searcher_tables_agree_with_whoosh_after_deletions(corpus_dir, tmp_path):
    """Lengths, sources, notes and front matter read in bulk equal Whoosh's own answers."""
    from whoosh import query

    from assistant.search.scoring import field_lengths, term_docs

    for item in corpus_dir.iterdir():
        item.chmod(0o644)
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    shen = corpus_dir / "shen-2000.md"
    shen.write_text(shen.read_text(encoding="utf-8").replace("Stalin", "Koba"), encoding="utf-8")
    index.update(Library.open(corpus_dir))  # the old Shen passages are now deleted documents
    with index._searcher() as searcher:
        assert searcher.reader().has_deletions() or len(searcher.reader().leaf_readers()) > 1
        names, numbers = index._doc_sources(searcher)
        live = list(searcher.reader().all_doc_ids())
        assert live and all(names[numbers[d]] == searcher.stored_fields(d)["source"] for d in live)
        for kind in ("note", "heading", "front"):
            expected = set(searcher.docs_for_query(query.Term("kind", kind)))
            assert expected and set(term_docs(searcher, "kind", kind)) == expected
        for reader, _ in searcher.reader().leaf_readers():
            lengths = field_lengths(reader, "text")
            assert lengths == [
                reader.doc_field_length(d, "text", 1) for d in range(reader.doc_count_all())
            ]
