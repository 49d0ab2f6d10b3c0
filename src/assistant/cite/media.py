"""Audiovisual and other media (CMOS 18 14.133, 14.163-14.168): films, television and radio
broadcasts and podcasts, recordings, artworks and maps, performances and events.

As `chicago-notes-bibliography.csl` encodes them: a film's director follows its title in a
note ("*Casablanca*, directed by Michael Curtiz (Warner Bros., 1942)") and leads its
bibliography entry ("Curtiz, Michael, dir."); an unsigned broadcast gives the series, the episode
and its title, "aired" and the network (14.165), a signed one or a podcast leads with its author
and quoted title, then the series (14.165, 14.168); recordings, artworks, maps and performances
run their facts on after the title, the medium in lowercase inside a note.
"""

from __future__ import annotations

import re

from assistant.cite.items import Item, video_platform
from assistant.cite.locators import locator_text
from assistant.cite.model import Citation, Run
from assistant.cite.names import Name, names_bib, names_note, parse_names, same_names
from assistant.cite.pieces import (
    archive_parts,
    container,
    creator_bib,
    creator_note,
    link,
    medium,
    series,
    title,
)
from assistant.cite.richtext import Parts, capitalize, join, lower_first, paren, t, text_of


def _note_medium(item: Item) -> str:
    return medium(item, capital=False)


def _date(item: Item) -> str:
    return item.date.text() if item.date else ""


def _year(item: Item) -> str:
    return item.date.text(year_only=True) if item.date else ""


# --- films (14.165) ----------------------------------------------------------------------


def _directors(item: Item) -> list[Name]:
    """Who directed a film: `director`, else the author (Zotero exports a film's director,
    its primary creator, as `author`)."""
    directors = parse_names(item.raw, "director", [], item.id)
    return directors or item.authors


def _film_facts(item: Item) -> Parts:
    current = ", ".join(p for p in (item.get("publisher"), _year(item)) if p)
    original = item.original_date.text(year_only=True) if item.original_date else ""
    # A film released one year and issued on disc later: "(2000; Sony Pictures, 2001)".
    facts = f"{original}; {current}" if original and original not in current else current
    return paren(facts) if facts else []


def film_full(item: Item, citation: Citation) -> Parts:
    directors = _directors(item)
    head = title(item)
    if directors:
        head = join([head, t("directed by " + names_note(directors, et_al=False))], ", ")
    head = head + _film_facts(item)
    return join(
        [head, t(locator_text(citation)), t(_note_medium(item)), *archive_parts(item),
         t(link(item))],
        ", ",
    )  # fmt: skip


def film_bibliography(item: Item) -> Parts:
    directors = _directors(item)
    lead = (
        t(names_bib(directors) + (", dirs." if len(directors) > 1 else ", dir."))
        if (directors)
        else []
    )
    current = ", ".join(p for p in (item.get("publisher"), _year(item)) if p)
    original = item.original_date.text(year_only=True) if item.original_date else ""
    facts = f"{original}; {current}" if original and original not in current else current
    return join(
        [lead, title(item), t(facts), t(medium(item, capital=True)),
         *archive_parts(item, bib=True), t(link(item))],
        ". ",
    )  # fmt: skip


# --- broadcasts and podcasts (14.165, 14.168) --------------------------------------------


def _numbered(word: str, value: str) -> str:
    """ "episode 29" from "29" or from "Episode 29" as Better BibTeX writes the field: the
    word once, lowercase inside the sentence (CMOS 18 14.165); a number given otherwise
    ("Part Two", "S01E05") prints as written."""
    if not value:
        return ""
    if value[:1].isdigit():
        return f"{word} {value}"
    # "Episode 29", "Ep. 29", "episode29": the word once, lowercase.
    labelled = re.match(rf"(?i)^(?:{word}|{word[:2]}\.)\s*(?=\d)", value)
    if labelled:
        return f"{word} {value[labelled.end() :]}"
    return value


def _episode(item: Item) -> str:
    pieces = [_numbered("season", item.get("volume")), _numbered("episode", item.get("number"))]
    return ", ".join(p for p in pieces if p)


def _directed_by(item: Item, *, bib: bool) -> str:
    """ "directed by Elliot Silverstein" after an episode's title (CMOS 18 14.165), from CSL
    `director`; a broadcast's `author` stays its author, in the lead."""
    directors = parse_names(item.raw, "director", [], item.id)
    if not directors:
        return ""
    return ("Directed by " if bib else "directed by ") + names_note(directors, et_al=False)


def _aired(item: Item) -> str:
    """ "aired October 4, 1998, on CNN" for radio and television, streamed or not; a podcast
    gives its publisher before the date (CMOS 18 14.165, 14.168)."""
    date, network = _date(item), item.get("publisher")
    if _podcast(item):
        return ", ".join(p for p in (network, date) if p)
    if network and date:
        return f"aired {date}, on {network}"
    return date or (f"on {network}" if network else "")


def _podcast(item: Item) -> bool:
    """A podcast episode: so described, or exported by Zotero as CSL `song` in a series (CSL
    1.0.2 has no podcast type; Zotero's podcast maps to `song`)."""
    described = f"{item.get('medium')} {item.get('genre')}".lower()
    return "podcast" in described or item.csl_type in ("song", "podcast")


def _authored_broadcast_facts(item: Item, citation: Citation | None) -> Parts:
    """What follows a signed broadcast's title: "*VOA Forum*, Voice of America, radio
    broadcast, May 24, 1961"; a podcast as _podcast_facts gives it, "*Voices from Munich*,
    podcast, episode 142, June 17, 2021" (CMOS 18 14.165, 14.168)."""
    kind = item.get("medium") or item.get("genre")
    kind = kind[:1].lower() + kind[1:] if kind[1:2].islower() else kind
    episode = t(_episode(item))
    directed = t(_directed_by(item, bib=False))
    network = t(item.get("publisher"))
    if _podcast(item) and network and citation is None:
        # In the bibliography the show ends its sentence and its producer opens the facts
        # of publication, as a book's publisher does ("*SpyCast*. International Spy Museum,
        # podcast, episode 512, September 14, 2021", CMOS 18 14.167, 14.21).
        facts = join([network, t(kind), episode, directed, t(_date(item))], ", ")
        return join([container(item), facts], ". ")
    if _podcast(item):
        # The producer or network with the show, before the medium, as for radio ("*Fresh
        # Air*, NPR, podcast", CMOS 18 14.167).
        order = [container(item), network, t(kind), episode, directed]
    else:
        order = [container(item), episode, directed, network, t(kind)]
    located = t(locator_text(citation) if citation else "")
    return join([*order, t(_date(item)), located], ", ")


def _signed(item: Item) -> bool:
    """A podcast or a radio talk led by its speaker or host, cited as an article in its series
    is: "Edward R. Murrow, “America Speaks to the World,” *VOA Forum*" (CMOS 18 14.165,
    14.168). A television episode, signed or not, is known by its series ("*The Twilight
    Zone*, episode 29, “The Obsolete Man”", CMOS 18 14.165), its people after the title."""
    if not (item.authors and item.title):
        return False
    described = f"{item.get('medium')} {item.get('genre')}".lower()
    return _podcast(item) or any(word in described for word in ("radio", "audio", "speech"))


def broadcast_full(item: Item, citation: Citation) -> Parts:
    creator = [] if citation.suppress_author else t(creator_note(item))
    if _signed(item):
        return join(
            [creator, title(item), _authored_broadcast_facts(item, citation),
             *archive_parts(item), t(link(item))],
            ", ",
        )  # fmt: skip
    series = container(item)
    return join(
        [creator, series, t(_episode(item)), title(item), t(_directed_by(item, bib=False)),
         t(_aired(item)), t(locator_text(citation)), t(_note_medium(item)), *archive_parts(item),
         t(link(item))],
        ", ",
    )  # fmt: skip


def broadcast_bibliography(item: Item) -> Parts:
    if _signed(item):
        return join(
            [t(creator_bib(item)), title(item), _authored_broadcast_facts(item, None),
             *archive_parts(item, bib=True), t(link(item))],
            ". ",
        )  # fmt: skip
    series = container(item)
    episode = _episode(item)
    described = join([t(capitalize(episode)), title(item)], ", ") if series else title(item)
    head = [series, described] if series else [described]
    return join(
        [t(creator_bib(item)), *head, t(_directed_by(item, bib=True)), t(capitalize(_aired(item))),
         t(medium(item, capital=True)), *archive_parts(item, bib=True), t(link(item))],
        ". ",
    )  # fmt: skip


def is_podcast(item: Item) -> bool:
    """A podcast episode: Zotero's podcast item exports as CSL `song`, its medium "podcast"."""
    described = f"{item.get('medium')} {item.get('genre')}".lower()
    return item.csl_type == "song" and "podcast" in described


def _podcast_facts(item: Item, citation: Citation | None) -> Parts:
    """ "*Cold War Conversations*, podcast, episode 250, June 2, 2022" (CMOS 18 14.168): the
    podcast, its producer, its medium, the episode, the date; in the bibliography the
    producer opens the facts after the show, as for a podcast exported as a broadcast
    ("*SpyCast*. International Spy Museum, podcast, …", 14.167)."""
    episode = _numbered("episode", item.get("number"))
    producer = t(item.get("publisher"))
    facts = [t(_podcast_medium(item)), t(episode), t(_date(item))]
    if producer and citation is None:
        return join([container(item), join([producer, *facts], ", ")], ". ")
    located = t(locator_text(citation) if citation else "")
    return join([container(item), producer, *facts, located], ", ")


def _podcast_medium(item: Item) -> str:
    """ "podcast" (Zotero may hold "Podcast"), lowercase inside the note or entry's sentence."""
    text = _note_medium(item)
    return text[:1].lower() + text[1:] if text.lower().startswith("podcast") else text


def podcast_full(item: Item, citation: Citation) -> Parts:
    creator = [] if citation.suppress_author else t(creator_note(item))
    return join(
        [creator, title(item), _podcast_facts(item, citation), *archive_parts(item),
         t(link(item))],
        ", ",
    )  # fmt: skip


def podcast_bibliography(item: Item) -> Parts:
    return join(
        [t(creator_bib(item)), title(item), _podcast_facts(item, None),
         *archive_parts(item, bib=True), t(link(item))],
        ". ",
    )  # fmt: skip


# --- recordings, artworks, maps, performances, events (14.133, 14.163-14.167) -------------


def _album(item: Item) -> Parts:
    album = container(item)
    return [Run("on "), *album] if album else []


def _run_on(item: Item, *, note: bool) -> list[Parts]:
    """The facts that follow the title, in order: scale and genre (maps), medium of an
    artwork, occasion and place of a performance, publisher and date."""
    genre = item.get("genre")
    if note:
        genre = lower_first(genre)
    event = item.get("event-title") or item.get("event")
    place = item.get("event-place") or item.get("publisher-place")
    date = _date(item) if item.family in ("performance", "artwork") else _year(item)
    if item.family == "artwork":
        # "Massacre in Korea, 1951, oil on plywood, Musée Picasso, Paris" (14.133).
        art_medium = _note_medium(item) if note else medium(item, capital=True)
        return [t(date), t(art_medium)]
    if item.family == "performance":
        return [t(genre), t(event), t(item.get("publisher")), t(place), t(date)]
    if item.family == "map":
        # A map is cited as a book is (CMOS 18 14.133): what it is, its scale and its series
        # describe it, then the publication facts; see `_map_full`.
        return [t(genre), t(item.get("scale")), t(series(item)), t(item.get("publisher")), t(date)]
    # Recordings: the label and catalogue number, the date, the medium (14.163).
    label = " ".join(p for p in (item.get("publisher"), item.get("number")) if p)
    return [t(label), t(date)]


def _map_full(item: Item, citation: Citation) -> Parts:
    """ "Army Map Service, *Korea*, 1:250,000, AMS Series L552 (Army Map Service, 1950)": the
    scale and series after the title, the publisher and year in parentheses, as for a book
    (CMOS 18 14.133)."""
    creator = [] if citation.suppress_author else t(creator_note(item))
    genre, scale, map_series, publisher, date = _run_on(item, note=True)
    head = join([creator, title(item), genre, scale, map_series], ", ")
    facts = join([publisher, date], ", ")
    head = head + paren(text_of(facts)) if publisher else join([head, date], ", ")
    return join(
        [head, t(locator_text(citation)), t(_note_medium(item)), *archive_parts(item),
         t(link(item))],
        ", ",
    )  # fmt: skip


def _audiobook(item: Item) -> bool:
    """A recording of a book (CMOS 18 14.163): its medium says so, or it has a narrator."""
    described = f"{item.get('medium')} {item.get('genre')}".casefold().replace(" ", "")
    return item.family == "song" and ("audiobook" in described or bool(item.raw.get("narrator")))


def _read_by(item: Item, *, bib: bool) -> Parts:
    readers = parse_names(item.raw, "narrator", [], item.id)
    if not readers:
        return []
    # The author reading the book is "the author", as a writer names him (CMOS 18 14.163).
    by = "the author" if same_names(readers, item.authors) else names_note(readers)
    return t(("Read by " if bib else "read by ") + by)


def _audiobook_full(item: Item, citation: Citation) -> Parts:
    """ "Stephen Kinzer, *The Brothers*, read by Thomas Garrow (Macmillan Audio, 2013),
    audiobook": cited as the book is, its reader after the title as a translator would be,
    the medium last (CMOS 18 14.163)."""
    creator = [] if citation.suppress_author else t(creator_note(item))
    head = join([creator, title(item), _read_by(item, bib=False)], ", ")
    facts = ", ".join(p for p in (item.get("publisher"), _year(item)) if p)
    head = head + paren(facts) if facts else head
    return join(
        [head, t(locator_text(citation)), t(_note_medium(item)), *archive_parts(item),
         t(link(item))],
        ", ",
    )  # fmt: skip


def _audiobook_bibliography(item: Item) -> Parts:
    """ "Kinzer, Stephen. *The Brothers*. Read by Thomas Garrow. Macmillan Audio, 2013.
    Audiobook." (CMOS 18 14.163)."""
    facts = ", ".join(p for p in (item.get("publisher"), _year(item)) if p)
    return join(
        [t(creator_bib(item)), title(item), _read_by(item, bib=True), t(facts),
         t(medium(item, capital=True)), *archive_parts(item, bib=True), t(link(item))],
        ". ",
    )  # fmt: skip


def other_full(item: Item, citation: Citation) -> Parts:
    if item.family == "map":
        return _map_full(item, citation)
    if _audiobook(item):
        return _audiobook_full(item, citation)
    creator = [] if citation.suppress_author else t(creator_note(item))
    described = [creator, title(item)]
    if item.family == "song":
        described.append(_album(item))
    tail = [t(_note_medium(item))] if item.family not in ("artwork",) else []
    return join(
        [*described, *_run_on(item, note=True), t(locator_text(citation)), *tail,
         *archive_parts(item), t(link(item))],
        ", ",
    )  # fmt: skip


def other_bibliography(item: Item) -> Parts:
    if _audiobook(item):
        return _audiobook_bibliography(item)
    described = [t(creator_bib(item)), title(item)]
    if item.family == "song":
        album = _album(item)
        if album:
            described.append([Run("On "), *album[1:]])
    pieces = [p for p in _run_on(item, note=False) if p]
    tail = [t(medium(item, capital=True))] if item.family != "artwork" else []
    if item.family == "song":
        # A recording's medium ends its publication sentence: "Columbia CL 1251, 1958, LP."
        # (CMOS 18 14.163).
        pieces += [p for p in (t(_note_medium(item)),) if p]
        tail = []
    facts: list[Parts]
    if item.family == "artwork":
        facts = pieces  # "1951. Oil on plywood. Musée Picasso, Paris."
    elif item.family == "map":
        genre, scale, map_series, publisher, date = _run_on(item, note=False)
        facts = [genre, scale, map_series, join([publisher, date], ", ")]
    else:
        facts = [join(pieces, ", ")]
        if pieces:
            first = facts[0][0]
            facts[0][0] = first.with_text(capitalize(first.text))
    return join([*described, *facts, *tail, *archive_parts(item, bib=True), t(link(item))], ". ")


# --- videos posted online (14.167) ---------------------------------------------------------


def _video_facts(item: Item) -> Parts:
    """ "YouTube video, 9:15": the platform and the running time (CSL `dimensions`)."""
    kind = f"{video_platform(item.raw)} video"
    return t(", ".join(p for p in (kind, item.get("dimensions")) if p))


def video_full(item: Item, citation: Citation) -> Parts:
    """ "US National Archives, “Duck and Cover (1951),” YouTube video, 9:15, January 21,
    2014, URL": the channel in the author's place, the title quoted (CMOS 18 14.167)."""
    creator = [] if citation.suppress_author else t(creator_note(item))
    return join(
        [creator, title(item), _video_facts(item), t(_date(item)), t(locator_text(citation)),
         t(link(item))],
        ", ",
    )  # fmt: skip


def video_bibliography(item: Item) -> Parts:
    return join(
        [t(creator_bib(item)), title(item), _video_facts(item), t(_date(item)), t(link(item))],
        ". ",
    )


def full(item: Item, citation: Citation) -> Parts:
    if item.family == "film" and video_platform(item.raw):
        return video_full(item, citation)
    if item.family == "film":
        return film_full(item, citation)
    if item.family == "broadcast":
        return broadcast_full(item, citation)
    if is_podcast(item):
        return podcast_full(item, citation)
    return other_full(item, citation)


def bibliography(item: Item) -> Parts:
    if item.family == "film" and video_platform(item.raw):
        return video_bibliography(item)
    if item.family == "film":
        return film_bibliography(item)
    if item.family == "broadcast":
        return broadcast_bibliography(item)
    if is_podcast(item):
        return podcast_bibliography(item)
    return other_bibliography(item)
