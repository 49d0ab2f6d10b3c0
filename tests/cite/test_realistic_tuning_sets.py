"""The engine on the third to fiftieth held-out libraries
(tests/cite/realistic/heldout3 to heldout50), now tuning sets: the engine was changed in
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
    "heldout4": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 18),
    "heldout5": ({"note": 100.0, "short": 98.0, "bib": 100.0, "seq": 100.0}, 25),
    "heldout6": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 11),
    "heldout7": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
    "heldout8": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
    "heldout9": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    "heldout10": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    "heldout11": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 16),
    # Left: short-title cuts that are an editor's call (an Arabic postposed adjective,
    # "Discurso en el acto"), and a sequence built on one of them.
    "heldout12": ({"note": 100.0, "short": 95.0, "bib": 100.0, "seq": 91.6}, 13),
    "heldout13": ({"note": 100.0, "short": 100.0, "bib": 97.5, "seq": 100.0}, 12),
    # Left: a multivolume work's short note by the volume's own title, a five-word title
    # cut or kept, and "Winter 2000–01" against CMOS 18 9.63's own table (2000–2001).
    "heldout14": ({"note": 97.6, "short": 93.0, "bib": 97.6, "seq": 96.4}, 14),
    # First sight 86.3 / 88.7 / 85.9 / 89.4 / 84.4 % for heldout15-18 and 20 (this session's
    # first round). Left in heldout15: the title first for an unsigned translated journal
    # document (five other sets put the translator in the author's place, 14.104), "2 vols."
    # with a volume:page locator (ten other items have none), "1175–1202" against CMOS 18
    # 9.63 ("1175–202"), a Vietnamese short-title cut.
    "heldout15": ({"note": 95.0, "short": 97.5, "bib": 95.0, "seq": 96.1}, 13),
    # Left: the original title of a translation printed (CMOS makes it optional), a season
    # range in a sequence.
    "heldout16": ({"note": 97.6, "short": 100.0, "bib": 97.6, "seq": 95.4}, 12),
    # Left: "1767–1833" against CMOS 18 9.63 ("1767–833").
    "heldout17": ({"note": 100.0, "short": 100.0, "bib": 97.7, "seq": 100.0}, 13),
    # Left: "1285–1310" against CMOS 18 9.63 ("1285–310").
    "heldout18": ({"note": 100.0, "short": 100.0, "bib": 97.5, "seq": 100.0}, 14),
    # Second round's first sight 93.2 / 96.5 / 93.0 / 94.9 / 95.9 % (heldout19, 21-24). Left in
    # heldout19: a Russian five-word short title ("Spravka o torgovle SSSR s Gvineei").
    "heldout19": ({"note": 100.0, "short": 97.5, "bib": 100.0, "seq": 95.8}, 18),
    "heldout20": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 16),
    "heldout21": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 14),
    "heldout22": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 14),
    "heldout23": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
    "heldout24": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 15),
    # Third round's first sight 95.9 / 94.3 / 89.3 / 95.1 % (heldout25-28). Left: a shortened
    # quotation as a short title ("'Most Precious Fruit'"), a one-word head
    # ("Reminiscences") where other sets keep the head's phrase.
    "heldout25": ({"note": 100.0, "short": 95.1, "bib": 100.0, "seq": 100.0}, 12),
    # Left: "Post-war" (CMOS 8.161) where heldout19 and 21 keep the record's "Post-War".
    "heldout26": ({"note": 97.5, "short": 100.0, "bib": 97.5, "seq": 100.0}, 12),
    # Left: a five-word title cut to its head ("American Airpower Strategy"), which 16 other
    # sets' five-word titles contradict, and a series cut in a sequence.
    "heldout27": ({"note": 100.0, "short": 97.5, "bib": 100.0, "seq": 90.0}, 14),
    "heldout28": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
    # Fourth round's first sight 96.5 / 89.5 % (heldout29, 30).
    "heldout29": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    # Left: "A Week Like Any Other" (CMOS 18 8.159 lowercases "like"), a prepositional tail
    # ("Judeo-Christian Tradition in America") other sets keep.
    "heldout30": ({"note": 97.5, "short": 95.0, "bib": 97.5, "seq": 100.0}, 14),
    # Fifth round's first sight, scored last: 99.1 / 95.6 % (heldout31, 32; 97.3 % pooled).
    # Left: a series of three in a short title, Persée's period before a subtitle ("La genèse
    # du plan Schuman. Des origines"), two short-title cuts in sequences.
    "heldout31": ({"note": 100.0, "short": 96.7, "bib": 100.0, "seq": 100.0}, 15),
    "heldout32": ({"note": 96.6, "short": 100.0, "bib": 96.6, "seq": 87.5}, 12),
    # Second day, first round's first sight: 94.4 / 94.3 / 91.7 / 88.3 % (heldout33-36).
    # Left: a German genitive cut ("Luftbrücke im Spiegel"), a site owner leading a web
    # page's short note (CMOS's "Google" example; heldout33 drops it), "Policy Review of
    # Voice for Free Hungary" (a name only a list would know), unsigned newspapers' short
    # notes without the paper (heldout36 against 15 sets), surname-only short notes for two
    # cited Khans (against 14.29), a bracketed translation inside the quotation marks
    # (heldout36 against eight sets), "Working Paper no. 212," (against three sets).
    "heldout33": ({"note": 100.0, "short": 95.0, "bib": 100.0, "seq": 100.0}, 13),
    "heldout34": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 15),
    "heldout35": ({"note": 100.0, "short": 97.6, "bib": 100.0, "seq": 100.0}, 16),
    "heldout36": ({"note": 97.5, "short": 90.0, "bib": 95.0, "seq": 92.0}, 13),
    # Second round's first sight: 91.5 / 94.1 % (heldout37, 38). Left: "3 vols." before a
    # volume:page locator (heldout37 twice, 15, 39 twice, 41, against 17 items of 12 sets), a
    # headline-cased Spanish title ("Historia Mínima de Cuba": sentence case needs a lexicon),
    # "Yankee No!, 35" (the rule: no comma after ? or !), a chapter's volume in its
    # short note (heldout37 against heldout13 and 17), a conference paper in parentheses
    # with "the" (heldout38 against four sets), unsigned newspapers' short notes without
    # the paper (heldout36, 38, 42 against 15 sets), "La Democrazia cristiana e la scomunica"
    # cut (three sets keep such five-word coordinations).
    "heldout37": ({"note": 92.5, "short": 92.5, "bib": 97.5, "seq": 100.0}, 17),
    "heldout38": ({"note": 97.2, "short": 94.5, "bib": 97.2, "seq": 100.0}, 19),
    # Third round's first sight: 93.0 / 97.4 / 93.7 / 96.0 % (heldout39-42). Left: "4 vols."
    # and "3 vols." before a volume:page locator (see heldout37), "Non-use" where the record
    # capitalizes "Use", a magazine article's pages in the bibliography (heldout41, 44
    # against 14 items), an interview's collection and library joined by a comma (against
    # the other sets' period), unsigned newspapers' short notes without the paper.
    "heldout39": ({"note": 95.0, "short": 100.0, "bib": 100.0, "seq": 95.6}, 15),
    "heldout40": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 16),
    "heldout41": ({"note": 97.4, "short": 100.0, "bib": 92.3, "seq": 96.0}, 13),
    "heldout42": ({"note": 100.0, "short": 95.1, "bib": 100.0, "seq": 96.2}, 14),
    # Fourth round's first sight: 98.6 / 92.9 / 95.2 / 98.5 % (heldout43-46). Left:
    # heldout44's bibliography, "1980; repr., Press, 2003" (CMOS's example and heldout37:
    # "1980. Reprint, Press, 2003") and magazine articles' pages (against 14 items).
    "heldout43": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    "heldout44": ({"note": 100.0, "short": 100.0, "bib": 82.9, "seq": 100.0}, 12),
    "heldout45": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 14),
    "heldout46": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    # Fifth round's first sight, scored last: 97.0 / 86.5 / 95.9 / 85.0 % (heldout47-50,
    # 91.2 % pooled). Fixed after: names in capitals, a podcast's producer, a series that
    # repeats the genre. Left (no time for rules yet): German titles a catalogue typed in
    # headline style ("Spionagechef im Geheimen Krieg"), CREST and intelligence-report
    # short titles, working papers' "?," and "no." in the bibliography, a report's volume
    # ("vol. 1, Cmd. 7258"), "7th issue" read as an edition, unsigned press and web pages.
    "heldout47": ({"note": 100.0, "short": 97.3, "bib": 100.0, "seq": 100.0}, 14),
    "heldout48": ({"note": 94.4, "short": 80.5, "bib": 91.6, "seq": 83.3}, 13),
    "heldout49": ({"note": 100.0, "short": 94.2, "bib": 94.2, "seq": 94.1}, 13),
    "heldout50": ({"note": 94.1, "short": 88.2, "bib": 91.1, "seq": 92.0}, 13),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_engine_keeps_its_figures_on_the_tuning_sets(name: str) -> None:
    score = engine_scores(*load(HERE / name))
    floors, order = FLOORS[name]
    failing = {kind: score.percent(kind) for kind in floors if score.percent(kind) < floors[kind]}
    assert not failing, report(score)
    assert score.order_right >= order, report(score)
