"""The borrowing guard's prepared library: streams prepared once, runs found by hash."""

from __future__ import annotations

from assistant.check import stems as stems_module
from assistant.check.stems import PreparedLibrary, prepare, prepare_library
from assistant.check.text import Stream


def _stream(text: str) -> Stream:
    return Stream([(0, text)])


TELEGRAM = "the long telegram of February 1946 argued that Soviet power was impervious to reason"
SPEECH = "in January 1950 Acheson left Korea outside the defense perimeter of the United States"


def test_a_run_is_found_where_it_stands_in_each_stream_and_nowhere_else() -> None:
    first = prepare("kennan", _stream(TELEGRAM + " and " + TELEGRAM))
    second = prepare("acheson", _stream(SPEECH))
    library = PreparedLibrary.build([first, second], 5)
    assert library.total_words == len(first.stems) + len(second.stems)
    run = tuple(first.stems[2:7])  # "telegram of february 1946 argued"
    absent = (10**6, 10**6 + 1, 10**6 + 2, 10**6 + 3, 10**6 + 4)
    found = library.windows([absent, run, tuple(second.stems[-5:])])
    assert found[0] == [(2, 1), (2 + 15, 1)]  # both copies in the first stream
    assert found[1] == [(len(second.stems) - 5, 2)]
    assert library.frequency[first.stems[2]] == 2


def test_a_hash_collision_is_not_a_match(monkeypatch) -> None:
    entry = prepare("acheson", _stream(SPEECH))
    # Every run hashes alike: only the word-for-word comparison tells them apart.
    monkeypatch.setattr(stems_module, "_MULTIPLIERS", (0,) * 8)
    library = PreparedLibrary.build([entry], 5)
    run = tuple(entry.stems[3:8])
    assert library.windows([run]) == {0: [(3, 0)]}


def test_the_library_is_prepared_once_and_again_when_a_source_changes() -> None:
    stems_module.clear_caches()
    first = prepare("kennan", _stream(TELEGRAM))
    second = prepare("acheson", _stream(SPEECH))
    library = prepare_library([first, second], 5)
    assert prepare_library([first, second], 5) is library  # a re-check reuses it
    edited = prepare("acheson", _stream(SPEECH + " in 1950"))  # the file changed: a new stream
    rebuilt = prepare_library([first, edited], 5)
    assert rebuilt is not library and rebuilt.entries[1] is edited
    assert prepare_library([first], 5).entries == [first]  # a source removed


def test_anchored_runs_count_only_where_the_stream_indexes_the_anchor_word(monkeypatch) -> None:
    import numpy as np

    entry = prepare("acheson", _stream(SPEECH))
    library = PreparedLibrary.build([entry], 5)
    run = tuple(entry.stems[3:8])
    assert library.windows([run], np.array([[False] * 5])) == {}
    assert library.windows([run], np.array([[False, True, False, False, False]])) == {0: [(3, 0)]}
    # A word as common in its stream as a stock phrase's is not indexed: it anchors nothing.
    monkeypatch.setattr(stems_module, "INDEXED_BELOW", 1)
    common = PreparedLibrary.build([entry], 5)
    assert common.windows([run], np.array([[True] * 5])) == {}
