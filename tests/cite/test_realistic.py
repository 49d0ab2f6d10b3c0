"""The engine on a realistic Cold War historian's library, against CMOS 18 (tests/cite/realistic).

The expectations are an editor's, not an engine's: the notes, short notes and bibliography entries
CMOS 18 prescribes for 108 Zotero-shaped items, Ibid. sequences and bibliography order. The
thresholds are what the engine reached when they were set; the goal (issue 9) is 97 %.
`tests/cite/realistic/score.py` prints every mismatch and both oracles' figures. The held-out
library (realistic/heldout) is checked for slips only: an agreement threshold on it would make it
one more library to tune against.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from .realistic.score import HERE, KINDS, Score, engine_scores, load, report

# Agreement (%) the engine must keep, kind by kind.
THRESHOLDS = {"note": 100.0, "short": 97.0, "bib": 100.0, "seq": 100.0}
ORDER_THRESHOLD = 26  # of 26 bibliography-order constraints


@pytest.fixture(scope="module")
def library() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    return load()


@pytest.fixture(scope="module")
def score(library: tuple[list[dict[str, Any]], dict[str, Any]]) -> Score:
    return engine_scores(*library)


def test_library_carries_what_real_libraries_carry(
    library: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    items, _ = library
    types = {item["type"] for item in items}
    assert types >= {
        "book", "chapter", "article-journal", "article-newspaper", "report", "thesis",
        "manuscript", "document", "personal_communication", "webpage", "post-weblog",
        "interview", "entry-encyclopedia", "paper-conference",
    }  # fmt: skip
    present = {key for item in items for key in item}
    assert present >= {
        "volume-title", "number-of-volumes", "volume", "collection-title", "collection-number",
        "original-date", "original-publisher", "original-publisher-place", "archive",
        "archive_location", "archive-place", "archive_collection", "accessed", "edition",
        "genre", "medium", "status", "section", "event-title", "language", "title-short",
        "translator", "editor", "recipient", "interviewer", "DOI", "URL",
    }  # fmt: skip
    dates = [item[key] for item in items for key in ("issued", "accessed") if key in item]
    assert any("season" in d for d in dates)
    assert any(p[1] > 20 for d in dates for p in d.get("date-parts", []) if len(p) > 1)
    assert any(len(d.get("date-parts", [])) == 2 for d in dates)  # ranges
    assert any(d.get("circa") for d in dates)
    assert any("raw" in d for d in dates) and any("literal" in d for d in dates)
    titles = " ".join(item.get("title", "") for item in items)
    assert "<i>" in titles and 'class="nocase"' in titles
    assert re.search(r"[\u0400-\u04ff]", titles) and re.search(r"[\u4e00-\u9fff]", titles)
    names = [n for item in items for role in ("author", "editor") for n in item.get(role, [])]
    assert any("literal" in n for n in names) and any(n.get("static-ordering") for n in names)
    assert any("non-dropping-particle" in n for n in names)
    assert any("dropping-particle" in n for n in names) and any("suffix" in n for n in names)
    assert any(item.get("editor") == item.get("translator") for item in items if "editor" in item)
    # Archival data on a journal article, not only on manuscripts and letters.
    assert any(i["type"] == "article-journal" and "archive" in i for i in items)


@pytest.mark.parametrize("folder", [HERE, HERE / "heldout"], ids=["realistic", "heldout"])
def test_expectations_are_well_formed(folder: Path) -> None:
    """No typing slip in the ground truth: balanced italics, curly quotes, en dashes."""
    items, expected = load(folder)
    ids = {item["id"] for item in items}
    cases = expected["items"]
    assert sorted(c["id"] for c in cases) == sorted(ids)
    texts = [c[k] for c in cases for k in KINDS if c[k]]
    texts += [form for c in cases for form in c.get("short_also", [])]
    texts += [t for s in expected["sequences"] for t in s["expected"]]
    for text in texts:
        assert text.count("<i>") == text.count("</i>"), text
        assert '"' not in text and "'" not in text, text
        assert text[-1] in ".?”", text
        without_urls = re.sub(r"https?://\S+", "", text)
        assert not re.search(r"\d-\d", without_urls), text
        assert "  " not in text and " ," not in text, text
    for sequence in expected["sequences"]:
        assert len(sequence["notes"]) == len(sequence["expected"])
        assert {raw[0] for note in sequence["notes"] for raw in note} <= ids
    assert {i for before, after, _ in expected["order"] for i in (before, after)} <= ids


def test_engine_agreement_with_cmos(score: Score) -> None:
    failing = {
        kind: score.percent(kind) for kind in THRESHOLDS if score.percent(kind) < THRESHOLDS[kind]
    }
    assert not failing, report(score)
    assert score.order_right >= ORDER_THRESHOLD, report(score)


def test_scorer_counts_a_wrong_form(library: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    items, expected = library
    wrong = copy.deepcopy(expected)
    case = wrong["items"][0]
    case["note"] = case["note"].replace("112–14", "112-14")
    good, bad = engine_scores(items, expected), engine_scores(items, wrong)
    was_right = not any(m[:2] == ("note", case["id"]) for m in good.mismatches)
    assert ("note", case["id"]) in [m[:2] for m in bad.mismatches]
    assert bad.right["note"] == good.right["note"] - was_right


def test_a_sequence_accepts_the_forms_its_item_accepts_at_the_sequence_locator() -> None:
    """An item's `short_also` form is acceptable in a sequence too, moved to the sequence's
    page; nothing is accepted for a note citing two works or a form that is not the item's."""
    from .realistic.score import sequence_also

    expected = {
        "items": [
            {
                "id": "a",
                "locator": "52",
                "note": "Ann Roe, <i>Long Title of a Book</i> (Press, 2001), 52.",
                "short": "Roe, <i>Long Title</i>, 52.",
                "short_also": ["Roe, <i>Long Title of a Book</i>, 52."],
            }
        ]
    }
    assert sequence_also(expected, [["a", "60"]], "Roe, <i>Long Title</i>, 60.") == [
        "Roe, <i>Long Title of a Book</i>, 60."
    ]
    assert sequence_also(expected, [["a", "60"]], "Ibid., 60.") == []
    assert sequence_also(expected, [["a", "60"], ["a", "61"]], "Roe, <i>Long Title</i>, 60.") == []
    assert sequence_also(expected, [["b", "60"]], "Roe, <i>Long Title</i>, 60.") == []
    # An item cited without a locator, and so in the sequence: its forms as they are.
    unpaged = {
        "items": [
            dict(
                expected["items"][0],
                locator="",
                short="Roe, <i>Long Title</i>.",
                short_also=["Roe, <i>Long Title of a Book</i>."],
            )
        ]
    }
    assert sequence_also(unpaged, [["a", ""]], "Roe, <i>Long Title</i>.") == [
        "Roe, <i>Long Title of a Book</i>."
    ]


def test_an_ampersand_bare_or_as_its_entity_is_the_same_form() -> None:
    """A set's writer may type "Harper & Row" where the engine's HTML has "&amp;": one
    rendering, not a mismatch; other text still differs."""
    from .realistic.score import canonical

    assert canonical("<i>Book</i> (Harper &amp; Row, 1978).") == canonical(
        "<i>Book</i> (Harper & Row, 1978)."
    )
    assert canonical("Harper &amp; Row") != canonical("Harper and Row")
