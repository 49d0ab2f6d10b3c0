"""Chicago typography: curly quotes, punctuation inside quotation marks, spacing before marks,
prefixes before open compounds; headline capitals live in `headline`, ranges in `ranges`."""

from __future__ import annotations

import re
from operator import attrgetter

from assistant.cite.model import Run


def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


# What follows an apostrophe that stands for letters left out at a word's start: "'n'" (and),
# a decade ("'90s") or a year ("Paris '68", unless a quote closes later: "'50 Years of
# Struggle'"), the clipped words of verse and speech.
_ELIDED = re.compile(
    r"(?:n['’](?!\w)|\d\ds(?!\w)|\d\d(?!\w)(?![^']*\w'(?!\w))"
    r"|(?:tis|twas|em|til|cause)(?![\w'’]))",
    re.IGNORECASE,
)


def smart_quotes(text: str, nested: bool) -> str:
    """Straight quotes to curly; `nested` when the text sits inside double quotes already."""
    if '"' not in text and "'" not in text:
        return text
    open_q, close_q = ("‘", "’") if nested else ("“", "”")
    out: list[str] = []
    depth_open = False
    for i, ch in enumerate(text):
        if ch == '"':
            prev = text[i - 1] if i else " "
            opening = prev.isspace() or prev in "([{—–-/" or (not depth_open and i == 0)
            if opening and not depth_open:
                out.append(open_q)
                depth_open = True
            else:
                out.append(close_q)
                depth_open = False
        elif ch == "'":
            prev = text[i - 1] if i else " "
            if _ELIDED.match(text, i + 1):
                # An apostrophe for omitted letters, never an opening quote: "rock 'n' roll",
                # "'tis", "the '90s" (CMOS 7.30: rock ’n’ roll, both marks apostrophes).
                out.append("’")
            elif (
                (prev.isspace() or prev in "([{—–") and i + 1 < len(text) and text[i + 1].isalnum()
            ):
                # An opening single quote inside a nested title swaps back to double marks.
                out.append("“" if nested else "‘")
            else:
                out.append("’")
        else:
            out.append(ch)
    return "".join(out)


# Open compounds a historian's English titles join a prefix to (CMOS 6.80: "post–World War
# II", "pre–Civil War"): proper nouns of more than one word, which a hyphen after the prefix
# would split ("post-Cold War" reads as "post-cold" war). A list, because capitals alone do
# not tell an open compound from a proper adjective and its noun: "Anti-Japanese War" is a
# war against Japan, not something against "the Japanese War".
_OPEN_COMPOUND = (
    r"(?:World\s+War\s+(?:I{1,3}|One|Two)|(?:First|Second)\s+World\s+War"
    r"|(?:Cold|Civil|Great|Korean|Vietnam|Gulf|Boer|Crimean|Six-Day|Yom\s+Kippur|Opium"
    r"|Napoleonic|Russo-Japanese|Sino-Japanese)\s+Wars?"
    r"|New\s+(?:Deal|Left|Right|York|Economic\s+Policy)|Great\s+(?:Depression|Society|Leap"
    r"\s+Forward|Terror)|(?:Cultural|Russian|French|Industrial|Bolshevik|October|Chinese"
    r"|Cuban|Iranian|Islamic)\s+Revolution|Third\s+World|Soviet\s+Union|United\s+(?:States"
    r"|Nations|Kingdom)|(?:Middle|Far|Near)\s+East|(?:Latin|North|South|Central)\s+America"
    r"|(?:Southeast|South|East|Central)\s+Asia|(?:Eastern|Western|Central)\s+Europe"
    r"|Marshall\s+Plan|Iron\s+Curtain|Berlin\s+Wall|Warsaw\s+Pact|Bretton\s+Woods"
    r"|Second\s+Vatican\s+Council|Prague\s+Spring|Arab\s+Spring)(?![\w\-])"
)
_PREFIXED_COMPOUND = re.compile(
    r"(?<![\w\-])((?:anti|counter|ex|inter|mid|neo|non|pan|post|pre|pro|pseudo|quasi"
    r"|semi|sub|super|trans|ultra))-(?=" + _OPEN_COMPOUND + ")",
    re.IGNORECASE,
)


# A name joined by a hyphen to an open compound of two or more words: "U.S.-Latin American
# Relations", "Department of State-Joint Chiefs of Staff Meeting" take an en dash, since the
# hyphen would join only the nearest word (CMOS 6.80). Capitals alone do not tell "U.S.-Latin
# American" from "U.S.-Soviet Relations", so the open compound must be a regional adjective
# of two words ("Latin American", "West European", "South Korean") or a named body. A
# periodical's name is left as its masthead prints it ("Journal of American-East Asian
# Relations").
_OPEN_ELEMENT = re.compile(
    r"(?<=[\w.])-(?=(?:(?:Latin|North|South|East|West|Central|Southeast|Middle|Far|Near)"
    r"\s+[A-Z][a-z]+(?:an|ean|ese|ern)(?![\w\-])|Joint\s+Chiefs\b))"
)


def prefixed_open_compounds(text: str) -> str:
    """An en dash between a prefix and the open compound it qualifies: "post-Cold War
    Order" -> "post–Cold War Order", "pre-World War II" -> "pre–World War II" (CMOS 6.80);
    headline style then capitalizes the prefix (8.161): "Post–Cold War"."""
    if "-" not in text:
        return text
    return _PREFIXED_COMPOUND.sub(r"\1–", text)


# Names of places of two words on either side of a hyphen joining two names: "South
# Africa-Angola Talks", "Angola-South Africa Relations", "Soviet Union-Cuba Trade" take an en
# dash, since the hyphen would join only "Africa-Angola" (CMOS 6.80). A list, since two
# capitalized words before a hyphen may be a name and a word of a compound of its own
# ("Harry Truman-Era"): only names a reader knows as one.
_TWO_WORD_PLACE = (
    r"(?:(?:North|South)\s+(?:Africa|Korea|Vietnam|Yemen|Sudan|Ossetia)"
    r"|(?:East|West)\s+(?:Germany|Berlin|Pakistan|Timor)|United\s+(?:States|Kingdom|Nations)"
    r"|Soviet\s+Union|New\s+Zealand|Sri\s+Lanka|Saudi\s+Arabia|Costa\s+Rica|El\s+Salvador"
    r"|Hong\s+Kong|Sierra\s+Leone|Burkina\s+Faso|Puerto\s+Rico|Great\s+Britain"
    r"|Latin\s+America|Middle\s+East|Western\s+Europe|Eastern\s+Europe|Southeast\s+Asia"
    r"|South\s+West\s+Africa|(?:Papua\s+)?New\s+Guinea)"
)
_PLACE_BEFORE = re.compile(r"(?<![\w])(" + _TWO_WORD_PLACE + r")-(?=[A-Z][\w.]*(?![\w-]))")
_PLACE_AFTER = re.compile(r"(?<![\w\-])([A-Z][\w.]*)-(?=" + _TWO_WORD_PLACE + r"(?![\w\-]))")


def joined_to_open_compounds(text: str) -> str:
    """ "U.S.-Latin American Relations" -> "U.S.–Latin American Relations", "South
    Africa-Angola Talks" -> "South Africa–Angola Talks" (CMOS 6.80)."""
    if "-" not in text:
        return text
    text = _OPEN_ELEMENT.sub("–", text)
    return _PLACE_AFTER.sub(r"\1–", _PLACE_BEFORE.sub(r"\1–", text))


# A space before a colon, semicolon, question mark or exclamation point, as French sets
# them ("1945-1953 : Une approche") and library catalogues copy them ("Power and protest :
# global revolution"): English text closes it up (CMOS 18 ch. 11, French punctuation).
_SPACE_BEFORE_MARK = re.compile(r"(?<=[^\s:;?!])[ \u00a0\u202f\u2009]+(?=[:;?!]+(?!\w))")


# An ellipsis typed as one character or as three periods run together ("Began... with",
# "Began…with"): CMOS 18 13.51 sets three spaced periods, with a space on either side
# where a word stands there (". . . with").
_ELLIPSIS = re.compile(r"[ \u00a0]*(?:…|(?<!\.)\.\.\.(?!\.))[ \u00a0]*")


def spaced_ellipses(text: str) -> str:
    """ "Began... with" -> "Began . . . with" (CMOS 13.51); a period or other mark after it
    closes up ("Began . . .?")."""
    if "…" not in text and "..." not in text:
        return text

    def spaced(match: re.Match[str]) -> str:
        before = " " if match.start() and not text[match.start() - 1].isspace() else ""
        after_text = text[match.end() :]
        after = " " if after_text and (after_text[0].isalnum() or after_text[0] in "“‘\"'(") else ""
        if match.start() == 0:
            before = ""
        return f"{before}. . .{after}"

    return _ELLIPSIS.sub(spaced, text)


def close_up_marks(text: str) -> str:
    """No space (plain, no-break or narrow no-break) before : ; ? or ! in an English text
    (CMOS ch. 11)."""
    if not any(mark in text for mark in ":;?!"):
        return text
    return _SPACE_BEFORE_MARK.sub("", text)


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def punctuation_inside_quotes(runs: list[Run]) -> list[Run]:
    """Chicago's punctuation around quotation marks and titles, across run boundaries.

    A period or comma after closing quotation marks moves inside them (CMOS 6.9), nested closing
    marks and all: ‘Shift,’”. It is dropped instead when the quoted title already ends in a
    period, question mark or exclamation point (“Why Did Stalin Agree?” not “…Agree?,”), and a
    period right after one of those is dropped anywhere (*Stalin, Inc.* ends its sentence).
    A lone ’ counts as a closing quote only after an opening ‘, so "the Joneses’, house" keeps
    its apostrophe.
    """
    text = "".join(run.text for run in runs)
    quoted = "”" in text or "‘" in text
    # Substring checks first: most notes have nothing to fix and skip the regexes.
    drops: set[int] = set()
    if ".." in text or "?." in text or "!." in text:
        drops = {m.start() for m in _DOUBLE_STOP.finditer(text)}
    if quoted and ("”," in text or "”." in text or "’," in text or "’." in text):
        for match in _CLUSTER.finditer(text):
            closing = "”" in match.group(1) or text.find("‘", 0, match.start()) != -1
            before = text[match.start() - 1] if match.start() > 0 else ""
            # ?! end the title and take the place of a comma or period; a period (Inc., gg.)
            # takes the place of a period only: the comma after an abbreviation stays.
            mark = text[match.end(1)]
            if closing and ((before in "?!" and before) or (before == "." and mark == ".")):
                drops.add(match.end(1))
            elif (
                closing
                and before == "."
                and mark == ","
                and _sentence_period(text, match.start() - 1)
            ):
                # A quoted sentence's own period gives way to the comma after it (CMOS 6.9,
                # 6.122: one mark, never ".,"); an abbreviation's stays ("Inc.,").
                drops.add(match.start() - 1)
    elif not quoted and not drops:
        return runs
    if drops:
        runs = _drop_characters(runs, drops)
        text = "".join(run.text for run in runs)
    if "”" not in text and "‘" not in text:
        return runs
    moves = [
        match
        for match in _CLUSTER.finditer(text)
        if "”" in match.group(1) or text.find("‘", 0, match.start()) != -1
    ]
    moves = _quotes_to_pass(runs, text, moves)
    if not moves:
        return runs
    chars = list(text)
    for match in moves:
        start, mark_at = match.start(1), match.end(1)
        chars[start + 1 : mark_at + 1] = chars[start:mark_at]
        chars[start] = text[mark_at]
    moved = "".join(chars)
    # Usually the quotes and the comma share one format: cut the new text at the old run
    # boundaries. Only a move across a format change needs the character-by-character path.
    bounds = []
    position = 0
    for run in runs:
        bounds.append((position, position + len(run.text), run))
        position += len(run.text)
    one_format = len({run.style for run in runs}) == 1
    if one_format or all(_uniform(bounds, m.start(1), m.end(1)) for m in moves):
        return [run.with_text(moved[a:b]) for a, b, run in bounds if b > a]
    formats: list[Run] = []
    for run in runs:
        formats.extend([run] * len(run.text))
    chars = list(text)
    for match in moves:
        start, mark_at = match.start(1), match.end(1)
        mark = chars[mark_at]
        chars[start + 1 : mark_at + 1] = chars[start:mark_at]
        chars[start] = mark
        formats[start + 1 : mark_at + 1] = formats[start:mark_at]
    out: list[Run] = []
    for ch, fmt in zip(chars, formats, strict=True):
        if out and out[-1].style == fmt.style:
            out[-1] = out[-1].with_text(out[-1].text + ch)
        else:
            out.append(fmt.with_text(ch))
    return out


def closing_singles(text: str) -> set[int]:
    """The positions of the ’ in `text` that close a single quotation opened by ‘; any other
    ’ is an apostrophe or a letter (the soft sign of a transliteration, "ottepel’",
    "Lavrent’eva"), and punctuation never moves past it."""
    if "‘" not in text:
        return set()
    closers: set[int] = set()
    depth = 0
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == "‘":
            depth += 1
        elif ch == "’" and depth:
            end = index
            while end < len(text) and text[end] == "’":
                end += 1
            prev = text[index - 1] if index else " "
            after = text[end] if end < len(text) else " "
            if not (prev.isalnum() and after.isalnum()):
                # "Rus’’": a run of marks after a word closes as many quotations as are
                # open, from its end; the ones before are letters.
                count = min(end - index, depth)
                closers.update(range(end - count, end))
                depth -= count
            index = end
            continue
        index += 1
    return closers


def quotes_belong_to_title(italic_title: str) -> bool:
    """Whether the closing quotation marks an italic title ends with are part of it as
    printed, a quoted word at its end (*Hot “Cold War”*): a comma or period after it then
    follows the title, outside the italics. A title that is a quotation as a whole
    (*“Them”*, *“One Hell of a Gamble”*) takes them inside its marks (CMOS 6.9)."""
    title = italic_title.strip()
    if not title.startswith(("“", "‘", "«", '"')):
        return True
    # A title that opens with a quotation closed before its end (*“Them” and “Us”*) ends
    # with a quotation of its own words too.
    body = title[1:].rstrip('”’»"')
    return "”" in body or "»" in body or '"' in body


def _quotes_to_pass(runs: list[Run], text: str, moves: list[re.Match[str]]) -> list[re.Match[str]]:
    """The moves that stand: a leading ’ that closes nothing is a letter, and the marks are
    moved from after it (none left, no move); marks ending an italic title whose quotation is
    only its last words stay where they are, the comma after the title."""
    singles = closing_singles(text)
    italic: list[bool] = []
    for run in runs:
        italic.extend([run.italic] * len(run.text))
    kept: list[re.Match[str]] = []
    for match in moves:
        start = match.start(1)
        while start < match.end(1) and text[start] == "’" and start not in singles:
            start += 1
        if start == match.end(1):
            continue
        if italic[start] and not italic[match.end(1)]:
            begin = start
            while begin > 0 and italic[begin - 1]:
                begin -= 1
            if quotes_belong_to_title(text[begin:start]):
                continue
        if start != match.start(1):
            shifted = _CLUSTER.match(text, start)
            if shifted is None:
                continue
            match = shifted
        kept.append(match)
    return kept


# Abbreviations whose period is no sentence's end ("Inc.,", "Dr.").
ABBREVIATIONS = words(
    "adm al approx assn assoc ave blvd bros ca capt cf ch chap cmdr co col comp corp"
    " cpl dept dr ed eds esq etc fig gen gov govt inc intl jr lieut lt ltd maj mme mr mrs ms"
    " mt natl no nos pp pres prof pt pvt rd rep repr rev sec sen sgt sr st trans univ vol"
    " vols vs"
)
_WORD_BEFORE_PERIOD = re.compile(r"([^\W\d_]+)\.$")


def _sentence_period(text: str, index: int) -> bool:
    """Whether the period at `index` ends a sentence: it closes a word of two letters or
    more with a vowel that is no abbreviation ("in Leipzig." but not "Inc.", "Jr.", "gg.")."""
    found = _WORD_BEFORE_PERIOD.search(text, max(0, index - 40), index + 1)
    if not found:
        return False
    word = found.group(1)
    return (
        len(word) > 2
        and word.lower() not in ABBREVIATIONS
        and not word.isupper()
        and re.search(r"[aeiouyàâäéèêëîïôöùûü]", word, re.IGNORECASE) is not None
    )


_CLUSTER = re.compile(r"([”’]+)[.,]")
# A period after ?, ! or a single period (not an ellipsis).
_DOUBLE_STOP = re.compile(r"(?:(?<=[?!])|(?<=[^.]\.))\.(?!\.)")


def _drop_characters(runs: list[Run], positions: set[int]) -> list[Run]:
    out: list[Run] = []
    start = 0
    for run in runs:
        end = start + len(run.text)
        hits = [p - start for p in positions if start <= p < end]
        if hits:
            text = "".join(ch for i, ch in enumerate(run.text) if i not in hits)
            if text:
                out.append(run.with_text(text))
        else:
            out.append(run)
        start = end
    return out


def _uniform(bounds: list[tuple[int, int, Run]], start: int, end: int) -> bool:
    """Whether characters start..end (inclusive) all have the same formatting."""
    formats = {run.style for a, b, run in bounds if a <= end and b > start and b > a}
    return len(formats) <= 1


# A run's formatting, link included, read in one C call (merge_runs sees every run of a note).
_FORMAT = attrgetter("italic", "small_caps", "bold", "superscript", "subscript", "link")


def merge_runs(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs with the same formatting (a run with no neighbour to join is
    kept as it is, not copied)."""
    merged: list[Run] = []
    group: list[Run] = []
    current: tuple[bool | str, ...] = ()
    for run in runs:
        if not run.text:
            continue
        style = _FORMAT(run)
        if group and style != current:
            merged.append(group[0] if len(group) == 1 else group[0].with_text(_texts(group)))
            group = []
        current = style
        group.append(run)
    if group:
        merged.append(group[0] if len(group) == 1 else group[0].with_text(_texts(group)))
    return merged


def _texts(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


# A double (or TeX's triple) hyphen between words: a library catalogue's and a typewriter's
# em dash (CMOS 6.91: "Program--Information Centers" -> "Program—Information Centers"),
# closed up when typed closed up. Between numbers it is an en dash, which `ranges` sets
# first; a run of four or more is a missing word's 2-em or 3-em dash (6.95) and stays.
_DOUBLE_HYPHEN_DASH = re.compile(r"(?<!-)(\s*)-{2,3}(?!-)(\s*)")


def catalogue_em_dashes(text: str) -> str:
    """ "Africa--From Eisenhower" -> "Africa—From Eisenhower"; a spaced " -- " stays spaced
    (" — "), so a lone spaced dash still reads as a subtitle's (CMOS 14.89)."""
    if "--" not in text:
        return text

    def dash(match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        start, end = match.start(), match.end()
        if start == 0 or end == len(text):
            return match.group(0)  # a dash opening or closing the text is no join
        return " — " if before and after else "—"

    return _DOUBLE_HYPHEN_DASH.sub(dash, text)
