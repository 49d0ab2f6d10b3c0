"""The search index: ranking, filters, notes, front matter, incremental updates, damage."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from assistant.library.corpus import Library
from assistant.search.errors import IndexUnavailable, QuerySyntaxError
from assistant.search.index import SearchIndex

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "resources" / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SearchIndex:
    """One read-only index of the bundled corpus shared by the query tests of this module."""
    index = SearchIndex(tmp_path_factory.mktemp("index"))
    report = index.update(Library.open(BUNDLED))
    assert report.indexed == 3 and not report.problems
    return index


def _writable(path: Path) -> Path:
    for item in path.iterdir():
        item.chmod(0o644)
    return path


# ---------------------------------------------------------------------------------------------
# Ranking and the query language


def test_acheson_defense_perimeter_puts_shen_and_shuster_on_the_speech_first(built):
    results = built.search("Acheson defense perimeter")
    top = results.hits[:3]
    assert {h.source_id for h in top} == {"shen-2000", "shuster-2019"}
    for hit in top:
        assert "Acheson" in hit.text and ("1950" in hit.text or "January" in hit.text)
    shen = [h for h in top if h.source_id == "shen-2000"]
    assert any("Acheson's January 1950 speech excluding Korea" in h.text for h in shen)
    shuster = next(h for h in top if h.source_id == "shuster-2019")
    assert shuster.section == "DEAN ACHESON PRESS CLUB SPEECH (1950)"
    assert results.total == sum(results.counts_by_source.values())


def test_acheson_speech_puts_body_passages_above_the_sources_own_notes(built):
    results = built.search("Acheson speech", limit=20)
    top = results.hits[:4]
    for hit in top:
        assert hit.kind == "body"
        assert hit.source_id in {"shen-2000", "shuster-2019"}
        assert "Acheson" in hit.text and "speech" in hit.text
    assert any("1950" in h.text or "January" in h.text for h in top)
    # The bibliographic notes still match, just below the passages discussing the speech.
    kinds = [h.kind for h in results.hits]
    assert "note" in kinds and "heading" in kinds
    first_secondary = min(kinds.index("note"), kinds.index("heading"))
    assert first_secondary >= 4
    matray = [h for h in results.hits if h.kind == "note" and "Matray" in h.text]
    assert matray and all(h.score < top[-1].score for h in matray)


def test_kind_filter_ranks_notes_on_their_own_scores(built):
    notes = built.search("Acheson speech kind:note")
    assert notes.hits and all(h.kind == "note" for h in notes.hits)
    unfiltered = {(h.source_id, h.ordinal): h.score for h in built.search("Acheson speech").hits}
    # Asked for by kind, notes are not scored down: each outscores its unfiltered self.
    for hit in notes.hits:
        key = (hit.source_id, hit.ordinal)
        if key in unfiltered:
            assert hit.score > unfiltered[key]
    headings = built.search("Acheson kind:heading")
    assert [h.kind for h in headings.hits] == ["heading"]


def test_snippets_are_escaped_html_with_bold_matches(built):
    hits = built.search('"defense perimeter"').hits
    assert any("<b>defense</b> <b>perimeter</b>" in hit.snippet for hit in hits)
    for hit in hits:
        assert "<" not in hit.snippet.replace("<b>", "").replace("</b>", "")


def test_highlight_escapes_markup_in_the_text(built):
    marked = built.highlight("<script>alert(1)</script> Acheson & Stalin", "acheson")
    assert marked == "&lt;script&gt;alert(1)&lt;/script&gt; <b>Acheson</b> &amp; Stalin"


def test_highlight_matches_stemmed_forms(built):
    assert built.highlight("Stalin decided; decisions followed.", "decide") == (
        "Stalin <b>decided</b>; decisions followed."
    )


def test_phrase_search_requires_adjacent_words(built):
    phrase = built.search('"defense perimeter"')
    words = built.search("defense perimeter")
    assert phrase.total <= words.total
    for hit in phrase.hits:
        assert "defense perimeter" in hit.text.lower() or "defensive perimeter" in hit.text


def test_boolean_operators(built):
    both = built.search("Gottwald AND letter").total
    either = built.search("Gottwald OR Shtykov").total
    without = built.search("Gottwald NOT letter").total
    assert either > both > 0
    gottwald = built.search("Gottwald").total
    assert without == gottwald - both


def test_prefix_and_fuzzy(built):
    prefix = built.search("Shtyk*")
    assert prefix.total > 0 and all("Shtyk" in h.text for h in prefix.hits)
    fuzzy = built.search("Shtykof~")
    assert fuzzy.total > 0 and "Shtykov" in fuzzy.hits[0].text


def test_source_section_and_kind_filters(built):
    notes = built.search("Shifrtelgramma kind:note")
    assert notes.total > 5
    assert all(h.kind == "note" for h in notes.hits)
    assert set(notes.counts_by_source) == {"shen-2000"}
    only_shuster = built.search("Mao source:shuster-2019")
    assert set(only_shuster.counts_by_source) == {"shuster-2019"}
    in_section = built.search("Stalin section:gottwald")
    assert in_section.total > 0
    assert all("GOTTWALD" in h.section for h in in_section.hits)
    headings = built.search("Acheson kind:heading")
    assert [h.section for h in headings.hits] == ["DEAN ACHESON PRESS CLUB SPEECH (1950)"]


def test_source_ids_argument_restricts_results(built):
    results = built.search("Stalin", source_ids=["zubok-pleshakov-1996"])
    assert set(results.counts_by_source) == {"zubok-pleshakov-1996"}
    assert built.search("Stalin", source_ids=[]).total == 0


def test_archival_citation_found_in_the_sources_own_notes(built):
    results = built.search('"Delo (D.) 331"')
    assert results.hits and results.hits[0].kind == "note"
    assert results.hits[0].text.startswith('1. "Shifrtelgramma," from Stalin to Mao Zedong')


def test_front_matter_is_left_out_unless_asked_for(built):
    default = built.search("thesis")
    assert all("I hereby certify" not in h.text for h in default.hits)
    contents = built.search("GOTTWALD")
    assert all("TABLE OF CONTENTS" not in h.section for h in contents.hits)
    front = built.search("thesis kind:front")
    assert front.total > 0
    assert any("I hereby certify" in h.text for h in front.hits)


def test_counts_by_source_add_up_and_limit_applies(built):
    results = built.search("Stalin", limit=4)
    assert len(results.hits) == 4
    assert results.total == sum(results.counts_by_source.values()) > 4
    assert set(results.counts_by_source) == {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"}


def test_ordering_is_deterministic_and_by_score(built):
    first = built.search("Korea", limit=20)
    second = built.search("Korea", limit=20)
    assert [(h.source_id, h.ordinal) for h in first.hits] == [
        (h.source_id, h.ordinal) for h in second.hits
    ]
    scores = [h.score for h in first.hits]
    assert scores == sorted(scores, reverse=True)


def test_ordering_does_not_depend_on_indexing_order(tmp_path, built):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    other = SearchIndex(tmp_path / "index")
    # Add the sources one at a time, in reverse order, updating after each.
    for name in ["zubok-pleshakov-1996.md", "shuster-2019.md", "shen-2000.md"]:
        shutil.copyfile(BUNDLED / name, corpus / name)
        other.update(Library.open(corpus))
    query = "Stalin Mao"
    assert [(h.source_id, h.ordinal) for h in other.search(query, limit=15).hits] == [
        (h.source_id, h.ordinal) for h in built.search(query, limit=15).hits
    ]


def test_a_misspelt_word_is_corrected_and_the_results_say_so(built):
    results = built.search("Achesen")
    assert results.query == "Achesen" and results.corrected == "Acheson"
    assert results.total > 0 and all("acheson" in h.text.lower() for h in results.hits)
    plain = built.search("Acheson")
    assert plain.corrected is None and plain.suggestion is None
    assert plain.total == results.total


def test_corrections_are_written_words_not_stems(built):
    # The index holds stems ("perimet"); corrections are words as the passages write them.
    assert built.search("perimiter").corrected == "perimeter"
    assert built.search("Stallin kind:note").corrected == "Stalin kind:note"


def test_more_like_a_sentence_and_a_passage(built):
    results = built.more_like("Acheson left Korea outside the American defense perimeter.")
    assert {h.source_id for h in results.hits[:3]} >= {"shen-2000", "shuster-2019"}
    passage = results.hits[0]
    again = built.more_like(passage.text, exclude=(passage.source_id, passage.ordinal))
    assert (passage.source_id, passage.ordinal) not in [
        (h.source_id, h.ordinal) for h in again.hits
    ]
    assert again.hits


def test_passage_and_passages_for_the_reader(built):
    passages = built.passages("shen-2000")
    assert [p.ordinal for p in passages] == list(range(len(passages)))
    assert passages[0].front_matter
    third = built.passage("shen-2000", 3)
    assert third == passages[3]
    assert "These new sources" in third.text
    assert built.passage("shen-2000", 10_000) is None
    assert built.passages("nope") == []


def test_doc_count_and_is_empty(built, tmp_path):
    assert built.doc_count() > 400 and not built.is_empty()
    fresh = SearchIndex(tmp_path / "none")
    assert fresh.is_empty() and fresh.doc_count() == 0
    with pytest.raises(IndexUnavailable, match="no index"):
        fresh.search("Stalin")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type some words"),
        ("   ", "Type some words"),
        ('"defense perimeter', "never closed"),
        ("(Stalin OR Mao", "never closed"),
        ("Stalin)", "no matching"),
        ("Stalin AND", "on its right"),
        ("OR Stalin", "on its left"),
        ("Stalin AND OR Mao", "on its right"),
        ("Stalin NOT", "after it"),
        ("kind:footnote Stalin", "Unknown kind"),
        ("source: Stalin", "needs a value"),
        ("source:nobody-2020 Stalin", "no source 'nobody-2020'"),
        ("*talin", "cannot start with a wildcard"),
        ("Stalin ~", "goes right after a word"),
        ("Kind:note", "lower case"),
    ],
)
def test_malformed_queries_raise_a_clear_error(built, query, message):
    with pytest.raises(QuerySyntaxError, match=message):
        built.search(query)


def test_stopword_only_query_returns_nothing_without_error(built):
    assert built.search("the of and").total == 0


# ---------------------------------------------------------------------------------------------
# Updating


def test_unchanged_corpus_costs_nothing_and_changes_are_incremental(corpus_dir, tmp_path):
    _writable(corpus_dir)
    index = SearchIndex(tmp_path / "index")
    first = index.update(Library.open(corpus_dir))
    assert (first.indexed, first.unchanged, first.removed) == (3, 0, 0)
    assert first.words > 30_000
    again = index.update(Library.open(corpus_dir))
    assert (again.indexed, again.unchanged, again.removed, again.words) == (3 - 3, 3, 0, 0)

    zubok = corpus_dir / "zubok-pleshakov-1996.md"
    zubok.write_text(zubok.read_text(encoding="utf-8") + "\n\nStalin's xylophone remark.\n")
    changed = index.update(Library.open(corpus_dir))
    assert (changed.indexed, changed.unchanged) == (1, 2)
    assert index.search("xylophone").hits[0].source_id == "zubok-pleshakov-1996"
    # The old version of the changed source is gone, not duplicated.
    zubok_hits = index.search('"Germany rearmed"', limit=50)
    assert zubok_hits.counts_by_source == {"zubok-pleshakov-1996": 1}

    zubok.unlink()
    removed = index.update(Library.open(corpus_dir))
    assert removed.removed == 1
    assert index.search("xylophone").total == 0


def test_bad_files_are_listed_and_everything_else_is_indexed(corpus_dir, tmp_path):
    _writable(corpus_dir)
    (corpus_dir / "empty.md").write_bytes(b"")
    (corpus_dir / "image.txt").write_bytes(bytes(range(256)) * 50)
    (corpus_dir / "fake.docx").write_text("not a zip")
    (corpus_dir / "broken.pdf").write_bytes(b"%PDF-1.4 junk")
    index = SearchIndex(tmp_path / "index")
    report = index.update(Library.open(corpus_dir))
    problems = {p.path: p.message for p in report.problems}
    assert problems["empty.md"] == "the file is empty."
    assert "binary" in problems["image.txt"]
    assert "not a Word document" in problems["fake.docx"]
    assert "PDF" in problems["broken.pdf"]
    assert report.indexed == 3
    assert index.search("Acheson").total > 0


def test_a_source_broken_by_an_edit_keeps_its_indexed_version(corpus_dir, tmp_path):
    _writable(corpus_dir)
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    (corpus_dir / "zubok-pleshakov-1996.md").write_bytes(bytes(range(256)) * 50)
    report = index.update(Library.open(corpus_dir))
    assert [p.path for p in report.problems] == ["zubok-pleshakov-1996.md"]
    assert index.search('"Germany rearmed"').counts_by_source == {"zubok-pleshakov-1996": 1}
    # Even an explicit rebuild keeps it.
    rebuilt = index.update(Library.open(corpus_dir), rebuild=True)
    assert rebuilt.problems
    assert index.search('"Germany rearmed"').counts_by_source == {"zubok-pleshakov-1996": 1}


def test_bad_sources_json_still_indexes_documents(corpus_dir, tmp_path):
    _writable(corpus_dir)
    (corpus_dir / "sources.json").write_text("[{", encoding="utf-8")
    report = SearchIndex(tmp_path / "index").update(Library.open(corpus_dir))
    assert report.indexed == 3
    assert [p.path for p in report.problems] == ["sources.json"]


def _build(tmp_path: Path) -> tuple[SearchIndex, Library]:
    library = Library.open(BUNDLED)
    index = SearchIndex(tmp_path / "index")
    index.update(library)
    return index, library


def test_corrupt_index_is_rebuilt_with_a_message(tmp_path):
    _, library = _build(tmp_path)
    for segment in (tmp_path / "index").glob("MAIN_*.*"):  # every segment file
        segment.write_bytes(b"garbage" * 100)
    fresh = SearchIndex(tmp_path / "index")
    with pytest.raises(IndexUnavailable, match=r"damaged|cannot be read"):
        fresh.search("Acheson")
    report = fresh.update(library)
    assert report.rebuilt_reason and "could not be read" in report.rebuilt_reason
    assert report.indexed == 3
    assert fresh.search("Acheson").total > 0


def test_garbage_table_of_contents_is_rebuilt(tmp_path):
    _, library = _build(tmp_path)
    for toc in (tmp_path / "index").glob("*.toc"):
        toc.write_bytes(b"\x00\x01not a toc")
    report = SearchIndex(tmp_path / "index").update(library)
    assert report.rebuilt_reason and "rebuilt" in report.rebuilt_reason
    assert SearchIndex(tmp_path / "index").search("Acheson").total > 0


def test_half_written_index_is_rebuilt(tmp_path):
    _, library = _build(tmp_path)
    for toc in (tmp_path / "index").glob("*.toc"):
        toc.unlink()  # segments written, table of contents never committed
    report = SearchIndex(tmp_path / "index").update(library)
    assert report.rebuilt_reason and "incomplete" in report.rebuilt_reason
    assert report.indexed == 3


def test_stale_lock_file_does_not_block(tmp_path):
    _, library = _build(tmp_path)
    (tmp_path / "index" / "MAIN_WRITELOCK").write_text("left by a crash")
    report = SearchIndex(tmp_path / "index").update(library, rebuild=True)
    assert report.indexed == 3 and not report.problems


def test_index_locked_by_a_live_writer_is_reported_and_left_intact(corpus_dir, tmp_path):
    from whoosh import index as whoosh_index

    _writable(corpus_dir)
    index = SearchIndex(tmp_path / "index", lock_timeout=0.2)
    index.update(Library.open(corpus_dir))
    before = index.doc_count()
    (corpus_dir / "zubok-pleshakov-1996.md").write_text("# Changed\n\nNew words here.\n")
    holder = whoosh_index.open_dir(str(tmp_path / "index")).writer()
    try:
        report = index.update(Library.open(corpus_dir))
    finally:
        holder.cancel()
    assert any("another program is updating" in p.message for p in report.problems)
    assert index.doc_count() == before
    assert index.update(Library.open(corpus_dir)).indexed == 1


def test_searches_keep_working_while_the_index_is_rebuilt(tmp_path):
    index, library = _build(tmp_path)
    errors: list[BaseException] = []
    totals: list[int] = []
    stop = threading.Event()

    def search_loop() -> None:
        reader = SearchIndex(tmp_path / "index")
        while not stop.is_set():
            try:
                totals.append(reader.search("Acheson defense perimeter").total)
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)
                return

    thread = threading.Thread(target=search_loop)
    thread.start()
    try:
        for _ in range(3):
            index.update(library, rebuild=True)
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert totals and all(total == totals[0] for total in totals)


def test_progress_and_cancel(corpus_dir, tmp_path):
    calls: list[tuple[int, int, str]] = []
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir), progress=lambda d, t, n: calls.append((d, t, n)))
    assert calls[-1] == (3, 3, "")
    assert {n for _, _, n in calls if n} == {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"}

    cancel = threading.Event()
    cancel.set()
    other = SearchIndex(tmp_path / "other")
    report = other.update(Library.open(corpus_dir), cancel=cancel)
    assert report.cancelled and report.indexed == 0
    assert other.is_empty()


def test_index_from_another_version_is_rebuilt(tmp_path):
    from whoosh import fields
    from whoosh import index as whoosh_index

    (tmp_path / "index").mkdir()
    old = whoosh_index.create_in(str(tmp_path / "index"), fields.Schema(text=fields.TEXT))
    with old.writer() as writer:
        writer.add_document(text="an index written by an older release")
    report = SearchIndex(tmp_path / "index").update(Library.open(BUNDLED))
    assert report.rebuilt_reason and "another version" in report.rebuilt_reason
    assert SearchIndex(tmp_path / "index").search("Acheson").total > 0


def test_missing_corpus_folder_does_not_empty_the_index(corpus_dir, tmp_path):
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    before = index.doc_count()
    moved = corpus_dir.rename(tmp_path / "moved")
    report = index.update(Library.open(corpus_dir))
    assert any("does not exist" in p.message for p in report.problems)
    assert index.doc_count() == before
    assert moved.is_dir()


def test_every_bad_input_is_listed_and_nothing_indexed_is_lost(corpus_dir, tmp_path):
    import zipfile

    from pypdf import PdfWriter

    _writable(corpus_dir)
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    before = index.search("Acheson defense perimeter")

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(corpus_dir / "locked.pdf", "wb") as out:
        writer.write(out)
    with zipfile.ZipFile(corpus_dir / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))
    with open(corpus_dir / "huge.txt", "wb") as out:
        out.write(b"Stalin and Kim talked at length. " * (50 * 1024 * 1024 // 33 + 1))
    (corpus_dir / "legacy.txt").write_bytes(
        "Le télégramme de Chtykov à Staline évoque la réunification de la Corée.".encode("cp1252")
    )
    report = index.update(Library.open(corpus_dir))
    problems = {p.path: p.message for p in report.problems}
    assert "password-protected" in problems["locked.pdf"]
    assert "zip bomb" in problems["bomb.docx"]
    assert "over the 32 MB limit" in problems["huge.txt"]
    assert "legacy.txt" not in problems
    assert report.indexed == 1  # legacy.txt; the three originals are unchanged
    after = index.search("Acheson defense perimeter")
    assert [(h.source_id, h.ordinal) for h in after.hits] == [
        (h.source_id, h.ordinal) for h in before.hits
    ]
    assert "legacy" in [h.source_id for h in index.search("réunification", limit=5).hits]


FAST_PATH_QUERIES = [
    "Stalin",
    "Stalin Mao",
    "Soviet policy Korea",
    "Stalin OR Mao",
    "Acheson defense perimeter",
    "Shifrtelgramma",
    "Stalin source:shen-2000",
    "Mao kind:note",
    '"defense perimeter"',
    '"Kim Il Sung"',
    '"Soviet Union"',
]


def _outcome(results):
    return (
        results.total,
        results.counts_by_source,
        [(h.source_id, h.ordinal, round(h.score, 3), h.snippet) for h in results.hits],
    )


@pytest.mark.parametrize("query", FAST_PATH_QUERIES)
def test_fast_scoring_path_matches_whooshs_own(built, query):
    # BM25 alone on both paths (no reranking; relaxed only when nothing has every word).
    built.rerank, built.relax_below = False, 1
    fast = _outcome(built.search(query, limit=12))
    built.fast_path = False
    try:
        slow = _outcome(built.search(query, limit=12))
    finally:
        built.fast_path, built.rerank, built.relax_below = True, True, 10
    assert fast == slow
    assert fast[0] > 0


def test_fast_path_skips_deleted_passages(corpus_dir, tmp_path):
    _writable(corpus_dir)
    index = SearchIndex(tmp_path / "index")
    index.update(Library.open(corpus_dir))
    zubok = corpus_dir / "zubok-pleshakov-1996.md"
    zubok.write_text(zubok.read_text(encoding="utf-8").replace("Stalin", "Koba"))
    index.update(Library.open(corpus_dir))  # the old zubok passages are now deleted docs
    index.rerank, index.relax_below = False, 1
    for query in ("Stalin", "Stalin Mao", "Koba OR Stalin", '"Kim Il Sung"'):
        fast = _outcome(index.search(query, limit=30))
        index.fast_path = False
        slow = _outcome(index.search(query, limit=30))
        index.fast_path = True
        assert fast == slow
    assert "zubok-pleshakov-1996" not in index.search("Stalin").counts_by_source


def test_snippet_windows_center_on_matches_and_do_not_repeat(built):
    text = (
        ("Filler words about nothing in particular here. " * 12)
        + ("Acheson spoke on 12 January 1950 about the defense perimeter. ")
        + ("More filler text that says nothing at all. " * 12)
        + "Acheson again."
    )
    snippet = built._snippet(text, frozenset({"acheson", "perimet"}))
    assert snippet.count("<b>Acheson</b>") == 2
    assert "<b>perimeter</b>" in snippet
    assert snippet.startswith("… ") and " … " in snippet
    plain = snippet.replace("<b>", "").replace("</b>", "")
    assert plain.count("defense perimeter") == 1
    assert len(plain) < 600
