"""The engine on the third to eighty-second held-out libraries
(tests/cite/realistic/heldout3 to heldout82), now tuning sets: the engine was changed in
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
    "heldout12": ({"note": 100.0, "short": 97.5, "bib": 100.0, "seq": 95.8}, 13),
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
    "heldout16": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
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
    "heldout27": ({"note": 100.0, "short": 97.5, "bib": 100.0, "seq": 100.0}, 14),
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
    "heldout32": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 12),
    # Second day, first round's first sight: 94.4 / 94.3 / 91.7 / 88.3 % (heldout33-36).
    # Left: a German genitive cut ("Luftbrücke im Spiegel"), a site owner leading a web
    # page's short note (CMOS's "Google" example; heldout33 drops it), "Policy Review of
    # Voice for Free Hungary" (a name only a list would know), unsigned newspapers' short
    # notes without the paper (heldout36 against 15 sets), surname-only short notes for two
    # cited Khans (against 14.29), a bracketed translation inside the quotation marks
    # (heldout36 against eight sets), "Working Paper no. 212," (against three sets).
    "heldout33": ({"note": 100.0, "short": 97.5, "bib": 100.0, "seq": 100.0}, 13),
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
    # 91.2 % pooled). Left: working papers' "no." (nine sets expect "No." in the
    # bibliography), a yearbook's "vol. 5" against volume:page, CREST short titles cut by an
    # editor's choice, unsigned press and web pages (the majority leads with the paper or the
    # owner), surname-only short notes for namesakes (the majority adds given names).
    "heldout47": ({"note": 100.0, "short": 97.3, "bib": 100.0, "seq": 100.0}, 14),
    "heldout48": ({"note": 100.0, "short": 86.1, "bib": 97.2, "seq": 100.0}, 13),
    "heldout49": ({"note": 100.0, "short": 100.0, "bib": 94.2, "seq": 94.1}, 13),
    "heldout50": ({"note": 94.1, "short": 88.2, "bib": 91.1, "seq": 92.0}, 13),
    # Next session, round 11's first sight: 91.5 / 93.6 / 89.2 / 93.2 % (heldout51-54).
    # Left: "Solidarność 1980–1981" (heldout39 cuts the same shape), a series of three
    # kept whole (heldout49 takes its first term), "Part I" sections, "the" before a
    # meeting's name (five sets against two).
    "heldout51": ({"note": 100.0, "short": 97.5, "bib": 100.0, "seq": 100.0}, 14),
    "heldout52": ({"note": 100.0, "short": 94.8, "bib": 100.0, "seq": 100.0}, 13),
    "heldout53": ({"note": 97.5, "short": 100.0, "bib": 95.0, "seq": 100.0}, 13),
    "heldout54": ({"note": 97.2, "short": 97.2, "bib": 94.5, "seq": 100.0}, 14),
    # Round 12's first sight: 89.6 / 90.2 / 91.2 / 84.9 % (heldout55-58). Left: "Non-
    # alignment" (8.161; most sets keep the record's capital after a prefix), a Cyrillic
    # subtitle's capital (five sets keep it lowercase), "ed. X, vol. 4" (heldout3 the other
    # way), an original title given with only a year (heldout57 omits it).
    "heldout55": ({"note": 95.0, "short": 97.5, "bib": 95.0, "seq": 95.8}, 16),
    "heldout56": ({"note": 97.2, "short": 100.0, "bib": 97.2, "seq": 100.0}, 12),
    "heldout57": ({"note": 97.3, "short": 100.0, "bib": 97.3, "seq": 100.0}, 15),
    "heldout58": ({"note": 100.0, "short": 97.6, "bib": 100.0, "seq": 100.0}, 18),
    # Round 13's first sight: 98.7 / 94.9 / 55.6 / 87.5 % (heldout59-62; 61 is a library
    # imported from many catalogues). Left: Portuguese and Turkish titles typed in headline
    # style (sentence case needs a lexicon of proper nouns), web pages led by the owner.
    "heldout59": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 15),
    "heldout60": ({"note": 97.5, "short": 97.5, "bib": 97.5, "seq": 100.0}, 13),
    "heldout61": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    "heldout62": ({"note": 100.0, "short": 97.6, "bib": 97.6, "seq": 100.0}, 16),
    # Round 14's first sight, scored last: 93.0 / 93.3 / 76.2 / 92.4 % (heldout63-66).
    # Left: short titles of clause-like headlines ("Call to Halt", "Circling the Missiles",
    # "Inside the Kremlin | during"), "the" before a meeting's name, "e-Dossier 78" without
    # "no.", a label in a sequence's note ("para."), a comma after "?"; later fixed: a
    # season beside the date (heldout64), Wikipedia in roman (heldout65). Left too: "Leaflet,
    # August 1981" (twenty sets write "Memorandum. May 30, 1957."), a translation in brackets
    # inside the quotation marks (sixteen sets put it after them, CMOS 18 14.97), a digital
    # archive after the date (four sets put it before).
    "heldout63": ({"note": 97.2, "short": 97.2, "bib": 94.5, "seq": 94.4}, 16),
    "heldout64": ({"note": 100.0, "short": 94.7, "bib": 94.7, "seq": 95.0}, 12),
    "heldout65": ({"note": 85.7, "short": 100.0, "bib": 82.8, "seq": 95.2}, 13),
    "heldout66": ({"note": 100.0, "short": 97.4, "bib": 100.0, "seq": 96.2}, 15),
    # Round 15's first sight 81.0 / 96.5 / 90.3 / 90.9 % (heldout67-70: military official
    # histories and operational records, the Caucasus / Central Asia / Mongolia, Cold War
    # literature, European integration) and round 16's 97.2 / 84.1 / 87.1 / 81.6 %
    # (heldout71-74: Soviet dissent, France and Algeria, Japan and Okinawa, a first-year
    # student's lectures, emails, AI text, posts, exhibitions and games). Left where the sets
    # disagree with each other: one volume of a multivolume work as "vol. 1 (…), 62" or
    # "(…), 1:62" and ibid. keeping or dropping the volume (heldout67 and 72 against the
    # issue's "Ibid., 2:334" and heldout80-style sets), the editor of a whole collected works
    # before the volume (the record cannot say whose editor it is), magazines by volume and
    # issue or by date, magazine pages in the bibliography, "Le Monde" filed under L or M,
    # unsigned press led by the paper, a Cyrillic subtitle's capital (CMOS 11.6 capitalizes
    # it; earlier Russian sets did not), the comma after "?" in a short note. Left for a
    # human: a bracketed translation typed in headline style, five-word short titles kept
    # whole or cut, "Paul-Henri Spaak et la relance de Messine".
    "heldout67": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 96.1}, 16),
    "heldout68": ({"note": 97.5, "short": 97.5, "bib": 97.5, "seq": 100.0}, 13),
    "heldout69": ({"note": 94.8, "short": 100.0, "bib": 89.7, "seq": 100.0}, 16),
    "heldout70": ({"note": 97.5, "short": 95.0, "bib": 100.0, "seq": 95.6}, 15),
    "heldout71": ({"note": 100.0, "short": 95.0, "bib": 100.0, "seq": 100.0}, 12),
    "heldout72": ({"note": 95.0, "short": 92.5, "bib": 100.0, "seq": 72.0}, 16),
    "heldout73": ({"note": 100.0, "short": 100.0, "bib": 100.0, "seq": 100.0}, 13),
    "heldout74": ({"note": 100.0, "short": 97.2, "bib": 94.4, "seq": 100.0}, 12),
    # Round 17, scored last on the session's final engine (4ee8993) and not fixed: 98.6 / 97.9
    # / 94.0 / 83.6 / 90.8 / 85.3 / 95.0 / 97.1 % (heldout75-82: Stalin and Kim in 1950, the
    # Horn of Africa, the Cold War at sea and in the Arctic, reviews and periodical writing,
    # Mexico, Vietnam from Hanoi and Saigon, East German society, US policy in the 1970s;
    # 92.9 % pooled). Then fixed by rule in the session's last half hour ("off" as a
    # preposition, "Long An", a closed en dash in "Thọ–Kissinger", letters to the editor,
    # online-first articles, "n.s.", reviews of two books, numbered web series): 77 97.3, 78
    # 91.1, 79 95.1, 80 91.2, 81 95.7 %. Left: a reprint's original journal in the note field,
    # special issues, "Report R-1686-PR", "paper presented at", "MfS-Handbuch III/17",
    # "M. E. Sharpe" (the sets disagree), Vietnamese and German short-title cuts.
    "heldout75": ({"note": 97.4, "short": 100.0, "bib": 97.4, "seq": 100.0}, 16),
    "heldout76": ({"note": 97.5, "short": 97.5, "bib": 97.5, "seq": 100.0}, 15),
    "heldout77": ({"note": 97.6, "short": 95.2, "bib": 100.0, "seq": 95.8}, 16),
    "heldout78": ({"note": 95.0, "short": 82.5, "bib": 95.0, "seq": 92.3}, 11),
    "heldout79": ({"note": 92.5, "short": 97.5, "bib": 95.0, "seq": 95.4}, 14),
    "heldout80": ({"note": 94.7, "short": 86.8, "bib": 94.7, "seq": 86.3}, 15),
    "heldout81": ({"note": 95.7, "short": 95.7, "bib": 97.8, "seq": 90.0}, 21),
    "heldout82": ({"note": 97.4, "short": 94.8, "bib": 97.4, "seq": 100.0}, 13),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_engine_keeps_its_figures_on_the_tuning_sets(name: str) -> None:
    score = engine_scores(*load(HERE / name))
    floors, order = FLOORS[name]
    failing = {kind: score.percent(kind) for kind in floors if score.percent(kind) < floors[kind]}
    assert not failing, report(score)
    assert score.order_right >= order, report(score)
