"""The engine on the third to fourteenth held-out libraries
(tests/cite/realistic/heldout3 to heldout14), now tuning sets: the engine was changed in
answer to their mismatches
(each fault fixed by its CMOS 18 rule and pinned on other items in test_cmos18_tuning_rules.py
and test_title_records.py), so their
figures no longer measure an unseen library. The floors asserted are the figures after those
fixes, to keep the engine from getting worse on them; `score.py` prints every mismatch.
"""

from __future__ import annotations

import pytest

from .realistic.score import HERE, engine_scores, load, report

# Agreement (%) after the fixes, kind by kind, and the order constraints met.
FLOORS = {
    "heldout3": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 25),
    # The data set, its title italic as a freestanding publication (CMOS 18 14.176; both
    # oracles and the CSL style quote it), fixed with heldout14's and heldout17's.
    "heldout4": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 18),
    # Two short titles an editor cuts by sense (a Pinyin document title, a headline ending on a
    # verb) and one order CMOS leaves open (an untitled telegram) are left.
    "heldout5": ({"note": 100.0, "short": 96.0, "bib": 100.0, "seq": 100.0}, 24),
    # First sight 93.5 %; fixed: a journal's month with a volume, an ownerless web page led
    # by its title, an event's year and a name kept whole in short titles.
    "heldout6": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 11),
    # First sight 95.7 / 79.7 / 89.3 / 87.2 %: export quirks (JSTOR, stable URLs, initial The),
    # titles' own languages, date ranges, short-title units (quotations, dates, offices).
    "heldout7": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
    "heldout8": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
    # A boxed report's page now before the box, after the report's own facts (CMOS 18
    # 14.119-14.128; the CSL style and both oracles put it after the box), as heldout17 too.
    "heldout9": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    "heldout10": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    # First sight 87.5 / 86.1 / 92.4 %. Left: short-title cuts that are an editor's call
    # (an Arabic postposed adjective, "Discurso en el acto", "Long-Term Competition", "Status
    # of"), a comma after quotes closing an italic title (heldout3 wants it inside), a
    # map's order of scale and series, a season across
    # 2000-2001 written "2000-01" against CMOS 9.64's own table (2000-2001).
    # The last set written, scored once on the final engine: 96.5 % on first sight (Pandoc
    # 45.8 %, citeproc-js 50.7 %); then closed-up initials and a degree recorded alone fixed.
    "heldout11": ({"note": 100.0, "short": 97.5, "bib": 100.0, "seq": 100.0}, 16),
    "heldout12": ({"note": 100.0, "short": 92.5, "bib": 100.0, "seq": 91.6}, 13),
    "heldout13": ({"note": 100.0, "short": 100.0, "bib": 97.5, "seq": 100.0}, 12),
    "heldout14": ({"note": 95.3, "short": 88.3, "bib": 95.3, "seq": 96.4}, 14),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_engine_keeps_its_figures_on_the_tuning_sets(name: str) -> None:
    score = engine_scores(*load(HERE / name))
    floors, order = FLOORS[name]
    failing = {kind: score.percent(kind) for kind in floors if score.percent(kind) < floors[kind]}
    assert not failing, report(score)
    assert score.order_right >= order, report(score)
