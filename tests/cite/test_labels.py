"""One short label for a source everywhere (search pane, footnote builder, check messages)."""

from __future__ import annotations

from assistant.cite.engine import ChicagoEngine
from assistant.cite.labels import item_label, shared_short_forms, short_label


def _book(item_id: str, family: str, given: str, title: str, **extra: object) -> dict:
    return {
        "id": item_id,
        "type": "book",
        "title": title,
        "author": [{"family": family, "given": given}],
        "publisher": "Press",
        "issued": {"date-parts": [[1990]]},
        **extra,
    }


def test_label_is_the_short_note_without_its_closing_period() -> None:
    article = {
        "id": "shen",
        "type": "article-journal",
        "title": "Sino-Soviet Relations and the Origins of the Korean War",
        "title-short": "Sino-Soviet Relations",
        "author": [{"family": "Shen", "given": "Zhihua", "static-ordering": True}],
        "container-title": "Journal of Cold War Studies",
        "issued": {"date-parts": [[2000]]},
    }
    assert item_label(article) == "Shen, “Sino-Soviet Relations”"
    assert item_label(_book("g", "Gaddis", "John Lewis", "We Now Know")) == "Gaddis, We Now Know"


def test_label_tells_namesakes_apart_within_a_library() -> None:
    items = {
        "a": _book("a", "Zhang", "Shu Guang", "Mao's Military Romanticism"),
        "b": _book("b", "Zhang", "Xiaoming", "Red Wings over the Yalu"),
    }
    engine = ChicagoEngine(items)
    assert short_label("a", engine) == "Shu Guang Zhang, Mao’s Military Romanticism"
    assert short_label("b", engine) == "Xiaoming Zhang, Red Wings over the Yalu"


def test_an_unknown_or_broken_source_is_labelled_by_its_id() -> None:
    engine = ChicagoEngine({"x": "not an item"})  # type: ignore[dict-item]
    assert short_label("missing", engine) == "missing"
    assert short_label("x", engine)  # something to choose in the builder, never empty


def test_works_sharing_a_short_note_are_grouped() -> None:
    items = {
        "k-1967": _book("k-1967", "Kennan", "George F.", "Memoirs, 1925-1950"),
        "k-1972": _book("k-1972", "Kennan", "George F.", "Memoirs, 1950-1963"),
        "other": _book("other", "Kennan", "George F.", "Another Book"),
    }
    engine = ChicagoEngine(items)
    assert shared_short_forms(engine, ["k-1972", "other", "k-1967"]) == [["k-1972", "k-1967"]]
    assert shared_short_forms(engine, ["k-1967", "other"]) == []


def test_labels_are_cached_until_the_library_changes() -> None:
    from assistant.cite.labels import CitationLabels

    library = {"gaddis": _book("gaddis", "Gaddis", "John Lewis", "We Now Know")}
    reads = []

    def items() -> dict:
        reads.append(1)
        return library

    labels = CitationLabels(items)
    assert labels.short("gaddis") == "Gaddis, We Now Know"
    assert labels.short("missing") == "missing"  # an id the library lacks is its own label
    assert len(reads) == 1  # the library is read once per generation, not once per source
    library["gaddis"] = _book("gaddis", "Gaddis", "John Lewis", "Strategies of Containment")
    assert labels.short("gaddis") == "Gaddis, We Now Know"
    labels.clear()
    assert labels.short("gaddis") == "Gaddis, Strategies of Containment"
    assert len(reads) == 2


def test_fallback_label_is_author_and_short_title() -> None:
    from assistant.cite.labels import fallback_label

    assert fallback_label({"id": "x", "title": "Long", "title-short": "Short"}) == "Short"
    assert fallback_label({"id": "x", "editor": [{"literal": "UNESCO"}], "title": "T"}) == (
        "UNESCO, T"
    )
    assert fallback_label({"id": "x"}) == "x"


def test_a_subtitle_tells_apart_two_works_with_one_main_title_14_30() -> None:
    items = {
        "kr-1970": _book("kr-1970", "Khrushchev", "Nikita", "Khrushchev Remembers"),
        "kr-1974": _book(
            "kr-1974", "Khrushchev", "Nikita", "Khrushchev Remembers: The Last Testament"
        ),
    }
    engine = ChicagoEngine(items)
    assert short_label("kr-1970", engine) == "Khrushchev, Khrushchev Remembers"
    assert short_label("kr-1974", engine) == "Khrushchev, Last Testament"
    assert shared_short_forms(engine, ["kr-1970", "kr-1974"]) == []
