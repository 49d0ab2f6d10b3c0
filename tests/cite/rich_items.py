"""Generated CSL items carrying the variables real libraries carry (issue 9), for both oracles.

Test helper, not a test module. `generate_rich_items` draws, deterministically per seed, items
for every variable and date form the issue lists: volume titles and volume counts, reprints and
original titles, archival data on every type that can carry it, blogs, web pages with access
dates, editions as numbers and as text, genre, medium, status, newspaper sections, events,
seasons (names and the 21–24 codes), ranges, circa, BC years, raw and literal dates, and CSL
rich text in titles. Names and titles come from the issue-3 generator (`oracle._Gen`).
"""

from __future__ import annotations

import random
from typing import Any

from .oracle import _JOURNALS, _PUBLISHERS, _Gen, _with_title

_ARCHIVES = [
    ("Harry S. Truman Library", "Independence, MO", "President's Secretary's File"),
    ("National Archives", "College Park, MD", "RG 59, Central Decimal File"),
    ("AVP RF", "Moscow", ""),
    ("Hoover Institution Library and Archives", "Stanford, CA", "Stanley K. Hornbeck Papers"),
]
_BLOGS = [("Sources and Methods", "Wilson Center"), ("Lawfare", ""), ("H-Diplo", "H-Net")]
_SECTIONS = ["A", "B", "Week in Review", "Outlook"]
_RICH = [
    "the <i>{w}</i> affair",
    '<span class="nocase">{w}</span> and the archives',
    "H<sub>2</sub>O and the {w} question",
    "the 1<sup>st</sup> {w} conference",
    "<b>{w}</b> revisited",
    '<span style="font-variant:small-caps;">Ussr</span> and the {w} question',
]


def _year(r: random.Random) -> int:
    return r.randint(1946, 2022)


def _pub(r: random.Random, item: dict[str, Any]) -> dict[str, Any]:
    item["publisher"] = r.choice(_PUBLISHERS)
    item.setdefault("issued", {"date-parts": [[str(_year(r))]]})
    return item


def _book(g: _Gen, r: random.Random, **extra: Any) -> dict[str, Any]:
    item = {"type": "book", "author": g.people(1), **extra}
    return _pub(r, _with_title(g, item, subtitle=r.random() < 0.5))


def _volume_title(g, r):
    item = _book(g, r, volume=str(r.randint(1, 4)))
    item["volume-title"] = g.title(subtitle=False)[0]
    return item


def _number_of_volumes(g, r):
    item = _book(g, r, **{"number-of-volumes": str(r.randint(2, 12))})
    start = _year(r)
    item["issued"] = {"date-parts": [[start], [start + r.randint(1, 9)]]}
    return item


def _reprint(g, r):
    item = _book(g, r)
    item["original-date"] = {"date-parts": [[r.randint(1900, 1960)]]}
    if r.random() < 0.7:
        item["original-publisher"] = r.choice(_PUBLISHERS)
    if r.random() < 0.4:
        item["original-publisher-place"] = r.choice(["Boston", "London", "New York"])
    return item


def _original_title(g, r):
    item = _book(g, r, translator=g.people(1))
    item["original-title"] = r.choice(["Kholodnaia voina", "La guerre froide", "Der Kalte Krieg"])
    return item


def _edition(g, r):
    return _book(g, r, edition=r.choice(["2", "3", "2nd ed.", "rev. ed.", "Revised edition"]))


def _forthcoming(g, r):
    item = _book(g, r, status="forthcoming")
    del item["issued"]
    return item


def _archive(r: random.Random, item: dict[str, Any]) -> dict[str, Any]:
    archive, place, collection = r.choice(_ARCHIVES)
    item["archive"] = archive
    if r.random() < 0.7:
        item["archive-place"] = place
    if collection and r.random() < 0.7:
        item["archive_collection"] = collection
    item["archive_location"] = r.choice(
        [f"box {r.randint(1, 90)}", f"Fond 059a, Opis 5a, Delo {r.randint(1, 9)}, Listy 1-9"]
    )
    return item


def _article_archived(g, r):
    item = {
        "type": "article-journal",
        "author": g.people(1),
        "translator": g.people(1),
        "container-title": r.choice(_JOURNALS),
        "issue": str(r.randint(1, 16)),
        "page": f"{r.randint(1, 90)}-{r.randint(91, 99)}",
        "issued": {"date-parts": [[_year(r)]], "season": r.choice(["Spring", "Fall", "Winter"])},
    }
    return _archive(r, _with_title(g, item, subtitle=False))


def _report_archived(g, r):
    item = {"type": "report", "author": [{"literal": "National Security Council"}]}
    item["number"] = f"NSC {r.randint(1, 170)}"
    item["issued"] = {"date-parts": [[_year(r), r.randint(1, 12), r.randint(1, 28)]]}
    return _archive(r, _with_title(g, item, subtitle=False))


def _manuscript_genre(g, r):
    item = {"type": "manuscript", "author": g.people(1), "genre": "ciphered telegram"}
    item["issued"] = {"date-parts": [[_year(r), r.randint(1, 12), r.randint(1, 28)]]}
    return _archive(r, _with_title(g, item, subtitle=False))


def _interview_medium(g, r):
    item = {"type": "interview", "author": g.people(1), "interviewer": g.people(1)}
    item["medium"] = r.choice(["transcript", "audio recording", "video call"])
    item["issued"] = {"date-parts": [[_year(r), r.randint(1, 12), r.randint(1, 28)]]}
    return _archive(r, item) if r.random() < 0.6 else item


def _chapter_archived(g, r):
    item = {
        "type": "chapter",
        "container-title": g.title(subtitle=False)[0],
        "editor": g.people(1),
        "volume": str(r.randint(1, 9)),
        "page": str(r.randint(1, 900)),
    }
    return _archive(r, _pub(r, _with_title(g, item, subtitle=False)))


def _blog(g, r):
    blog, sponsor = r.choice(_BLOGS)
    item = {"type": "post-weblog", "author": g.people(1), "container-title": blog}
    if sponsor:
        item["publisher"] = sponsor
    item["URL"] = f"https://blog.example.org/{r.randint(1, 9999)}"
    item["issued"] = {"date-parts": [[_year(r), r.randint(1, 12), r.randint(1, 28)]]}
    return _with_title(g, item, subtitle=False)


def _webpage_accessed(g, r):
    item = {"type": "webpage", "container-title": "Wilson Center Digital Archive"}
    if r.random() < 0.5:
        item["publisher"] = "Woodrow Wilson International Center for Scholars"
    item["URL"] = f"https://digitalarchive.example.org/document/{r.randint(1, 99999)}"
    item["accessed"] = {"date-parts": [[r.randint(2015, 2025), r.randint(1, 12), r.randint(1, 28)]]}
    return _with_title(g, item, subtitle=False)


def _newspaper_section(g, r):
    item = {
        "type": "article-newspaper",
        "author": g.people(1),
        "container-title": r.choice(["New York Times", "Washington Post", "Times (London)"]),
        "section": r.choice(_SECTIONS),
        "issued": {"date-parts": [[_year(r), r.randint(1, 12), r.randint(1, 28)]]},
    }
    return _with_title(g, item, subtitle=False)


def _conference(g, r):
    item = {
        "type": "paper-conference",
        "author": g.people(1),
        "event-title": "Annual Meeting of the Society for Historians of American Foreign Relations",
        "event-place": r.choice(["Madison, WI", "Arlington, VA"]),
        "issued": {"date-parts": [[_year(r), r.randint(1, 12), r.randint(1, 28)]]},
    }
    return _with_title(g, item, subtitle=False)


def _dated_article(g, r):
    """Journal issues dated the ways real CSL-JSON dates them."""
    item = {
        "type": "article-journal",
        "author": g.people(1),
        "container-title": r.choice(_JOURNALS),
        "volume": str(r.randint(1, 40)),
        "issue": r.choice(["2", "3-4", "6/7"]),
        "page": f"{r.randint(1, 400)}-{r.randint(401, 480)}",
    }
    year = _year(r)
    item["issued"] = r.choice(
        [
            {"date-parts": [[year]], "season": r.choice(["Spring", "Summer", "Fall", "Winter"])},
            {"date-parts": [[year, r.randint(21, 24)]]},
            {"date-parts": [[year], [year + 1]]},
            {"date-parts": [[year, 3], [year, 6]]},
            {"raw": f"{year}-{r.randint(1, 12):02d}"},
        ]
    )
    return _with_title(g, item, subtitle=False)


def _dated_book(g, r):
    """Book dates as raw, literal, circa and BC values."""
    item = _book(g, r)
    year = _year(r)
    item["issued"] = r.choice(
        [
            {"date-parts": [[year]], "circa": True},
            {"literal": f"n.d. [{year}?]"},
            {"raw": str(year)},
            {"date-parts": [[-r.randint(100, 500)]]},
        ]
    )
    return item


def _rich_title(g, r):
    maker = r.choice([_book, _dated_article])
    item = maker(g, r)
    item["title"] = r.choice(_RICH).format(w=g.phrase(1)) + f" {g.used}"
    g.used += 1
    item.pop("title-short", None)
    return item


MAKERS = [
    _volume_title, _number_of_volumes, _reprint, _original_title, _edition, _forthcoming,
    _article_archived, _report_archived, _manuscript_genre, _interview_medium, _chapter_archived,
    _blog, _webpage_accessed, _newspaper_section, _conference, _dated_article, _dated_book,
    _rich_title,
]  # fmt: skip


def generate_rich_items(seed: int = 9, count: int = 180) -> list[dict[str, Any]]:
    """CSL-JSON items for every variable and date form of issue 9, deterministic per seed."""
    g = _Gen(seed)
    items = []
    for index in range(count):
        maker = MAKERS[index % len(MAKERS)]
        item = maker(g, g.r)
        item["id"] = f"{maker.__name__.strip('_')}-{index}"
        items.append(item)
    return items
