"""Bad metadata and citations: best-effort output, a visible warning, never a crash or a loss."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation, Note

GOOD = {
    "type": "book",
    "title": "We Now Know",
    "author": [{"family": "Gaddis", "given": "John Lewis"}],
    "publisher": "Oxford University Press",
    "issued": {"date-parts": [[1997]]},
}


def _engine(**items: Any) -> ChicagoEngine:
    return ChicagoEngine({"good": GOOD, **items})


def test_missing_title_warns_and_keeps_the_rest() -> None:
    item = {k: v for k, v in GOOD.items() if k != "title"}
    note = _engine(bad=item).full_note(Citation("bad", "3"))
    assert note.text == "John Lewis Gaddis (Oxford University Press, 1997), 3."
    assert note.warnings == ["bad: no title"]


def test_no_title_and_no_author_names_the_item_in_the_note() -> None:
    engine = _engine(bare={"type": "book", "issued": {"date-parts": [[1950]]}})
    note = engine.full_note(Citation("bare", "3"))
    assert note.text == "[untitled: bare] (1950), 3."
    assert "bare: no title" in note.warnings
    assert engine.bibliography_entry("bare").text == "[untitled: bare]. 1950."


def test_missing_date_prints_nd_with_a_warning() -> None:
    item = {k: v for k, v in GOOD.items() if k != "issued"}
    engine = _engine(bad=item)
    note = engine.full_note(Citation("bad", "3"))
    assert note.text == "John Lewis Gaddis, We Now Know (Oxford University Press, n.d.), 3."
    assert note.warnings == ["bad: no date (printed n.d.)"]
    assert engine.bibliography_entry("bad").text.endswith("Oxford University Press, n.d.")


@pytest.mark.parametrize(
    ("issued", "warning"),
    [
        ({"date-parts": [["spring"]]}, "bad: issued [['spring']] has non-numeric parts; left out"),
        ("sometime", "bad: issued 'sometime' is not a date; left out"),
        (1997, "bad: issued 1997 is not a CSL date; left out"),
        (
            {"date-parts": {"year": 1997}},
            "bad: issued {'year': 1997} is not a list of [year, month, day]; left out",
        ),
        (
            {"date-parts": [1997]},
            "bad: issued [1997] is not a list of [year, month, day]; left out",
        ),
    ],
)
def test_malformed_dates_warn(issued: Any, warning: str) -> None:
    note = _engine(bad={**GOOD, "issued": issued}).full_note(Citation("bad", "3"))
    assert warning in note.warnings
    assert "(Oxford University Press, n.d.)" in note.text


def test_raw_and_string_dates_are_understood() -> None:
    engine = _engine(raw={**GOOD, "issued": {"raw": "1997-05-02"}}, iso={**GOOD, "issued": "1998"})
    assert "(Oxford University Press, 1997)" in engine.full_note(Citation("raw")).text
    assert "(Oxford University Press, 1998)" in engine.full_note(Citation("iso")).text


@pytest.mark.parametrize("csl_type", ["hologram", ""])
def test_unknown_type_is_formatted_as_a_book_with_a_warning(csl_type: str) -> None:
    note = _engine(odd={**GOOD, "type": csl_type}).full_note(Citation("odd", "3"))
    assert note.text == "John Lewis Gaddis, We Now Know (Oxford University Press, 1997), 3."
    assert note.warnings == [
        f"odd: unknown type {csl_type!r}, formatted as a book"
        if csl_type
        else "odd: no type, formatted as a book"
    ]


def test_malformed_names_are_kept_or_reported_one_by_one() -> None:
    authors = ["Smith, John", {"given": "Cher"}, {}, 42]
    engine = _engine(bad={**GOOD, "author": authors})
    note = engine.full_note(Citation("bad", "3"))
    assert note.text.startswith("Smith, John and Cher, We Now Know")
    assert note.warnings == [
        "bad: author 'Smith, John' is a plain string, not a CSL name; printed as written",
        "bad: author 'Cher' has no family name; printed as given",
        "bad: author with no family name, given name or literal ({}); left out",
        "bad: author 42 is not a name; left out",
    ]


def test_a_single_name_object_instead_of_a_list_is_accepted() -> None:
    engine = _engine(one={**GOOD, "author": {"family": "Solo", "given": "Han"}})
    assert engine.full_note(Citation("one")).text.startswith("Han Solo, We Now Know")


def test_citation_to_unknown_id_stays_visible() -> None:
    engine = _engine()
    notes = engine.render_notes(
        [Note.of(Citation("good", "5"), Citation("ghost", "12"), Citation("good", "6"))]
    )
    assert notes[0].text == (
        "John Lewis Gaddis, We Now Know (Oxford University Press, 1997), 5;"
        " [unknown source: ghost], 12; Gaddis, We Now Know, 6."
    )
    assert notes[0].warnings == ["no source with id 'ghost' in the bibliography"]
    entries = engine.bibliography(["good", "ghost"])
    assert [e.text for e in entries][-1] == "[unknown source: ghost]"
    assert entries[-1].warnings == ["no source with id 'ghost' in the bibliography"]


@pytest.mark.parametrize(
    ("citation", "shown", "warning"),
    [
        (Citation("good", "intro"), ", intro.", "locator 'intro' has no page or section number"),
        (Citation("good", "3", label="box"), ", box 3.", "locator label 'box' is not one Chicago"),
    ],
)
def test_unparsable_locator_is_printed_as_written_with_a_warning(
    citation: Citation, shown: str, warning: str
) -> None:
    note = _engine().full_note(citation)
    assert note.text.endswith(shown)
    assert any(warning in w for w in note.warnings)


def test_roman_numeral_locator_is_fine() -> None:
    note = _engine().full_note(Citation("good", "xii-xiv"))
    assert note.text.endswith(", xii–xiv.")
    assert note.warnings == []


@pytest.mark.parametrize("item", [{}, "not an object", None, []])
def test_garbage_items_never_crash(item: Any) -> None:
    engine = _engine(junk=item)
    note = engine.full_note(Citation("junk", "1"))
    assert "[untitled: junk]" in note.text
    assert note.warnings
    assert engine.bibliography_entry("junk").text.startswith("[untitled: junk]")


def test_non_string_fields_are_printed() -> None:
    engine = _engine(odd={**GOOD, "title": 1984, "volume": 3, "edition": 2, "publisher": None})
    note = engine.full_note(Citation("odd", "7"))
    assert note.text == "John Lewis Gaddis, 1984, 2nd ed. (1997), 3:7."


def test_empty_note_warns() -> None:
    (note,) = _engine().render_notes([Note(())])
    assert note.text == ""
    assert note.warnings == ["empty note"]


# --- fuzzing: whatever the metadata holds, every citation renders to visible text -------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["family", "given", "literal", "date-parts", "raw"]),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)
_fields = [
    "type", "title", "title-short", "author", "editor", "translator", "recipient", "interviewer",
    "container-title", "volume", "issue", "page", "issued", "accessed", "publisher", "genre",
    "number", "edition", "URL", "DOI", "archive", "archive_location", "collection-title",
    "language",
]  # fmt: skip
_types = st.sampled_from(
    ["book", "chapter", "article-journal", "article-newspaper", "thesis", "report", "manuscript",
     "personal_communication", "letter", "webpage", "interview", "entry-encyclopedia", "map"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    item=st.dictionaries(st.sampled_from(_fields), _json, max_size=10),
    csl_type=_types,
    locator=st.text(max_size=8),
    label=st.sampled_from(["page", "chapter", "box", ""]),
    prefix=st.text(max_size=6),
    suffix=st.text(max_size=6),
)
def test_any_metadata_renders_without_crashing(
    item: dict[str, Any], csl_type: str, locator: str, label: str, prefix: str, suffix: str
) -> None:
    item = {"type": csl_type, **item} if "type" not in item else item
    engine = ChicagoEngine({"x": item, "good": GOOD})
    citation = Citation("x", locator, label, prefix, suffix)
    notes = engine.render_notes([Note.of(citation), Note.of(citation), Note.of(Citation("good"))])
    for note in notes:
        assert note.text.strip(), "a citation never renders to nothing"
    assert notes[2].text.startswith("John Lewis Gaddis, We Now Know")
    entry = engine.bibliography_entry("x")
    assert isinstance(entry.text, str)
    assert engine.bibliography() is not None


def test_every_csl_type_has_a_form_and_an_unknown_type_says_so() -> None:
    from assistant.cite.items import TYPE_FAMILY

    csl_102 = [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    ]
    assert [t for t in csl_102 if t not in TYPE_FAMILY] == []
    note = _engine(m={**GOOD, "type": "map"}).full_note(Citation("m"))
    assert note.warnings == []
    note = _engine(m={**GOOD, "type": "hologram"}).full_note(Citation("m"))
    assert note.text == "John Lewis Gaddis, We Now Know (Oxford University Press, 1997)."
    assert note.warnings == ["m: unknown type 'hologram', formatted as a book"]
