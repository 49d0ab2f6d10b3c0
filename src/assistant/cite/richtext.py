"""Rich-text pieces the renderers join: runs, CSL-JSON markup, the writer's Markdown italics.

A rendered note is a list of `Run`s ("parts"). CSL-JSON fields may carry the markup CSL 1.0.2
allows in any field (`<i>`, `<b>`, `<sup>`, `<sub>`, `<span style="font-variant:small-caps;">`,
`<span class="nocase">`); `markup_runs` turns it into runs, so a tag is never printed. Anything
else between angle brackets is text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.cite.languages import guess
from assistant.cite.model import Run
from assistant.cite.typography import closing_singles, quotes_belong_to_title, words

Parts = list[Run]


# Parentheses the renderers add (around publication facts, "(blog)"): kept as markers until a
# citation is placed, since inside a parenthesised citation they become brackets (CMOS 6.101).
OPEN, CLOSE = "\ue000", "\ue001"


def paren(text: str) -> Parts:
    """ " (text)" with structural parentheses."""
    return [Run(f" {OPEN}{text}{CLOSE}")]


def paren_parts(parts: Parts) -> Parts:
    """ " (parts)" with structural parentheses."""
    return [Run(f" {OPEN}"), *parts, Run(CLOSE)]


def resolve_parens(parts: Sequence[Run], *, brackets: bool) -> Parts:
    """Structural parentheses as printed: ( ) normally, [ ] inside parentheses."""
    if not any(OPEN in run.text or CLOSE in run.text for run in parts):
        return list(parts)
    opening, closing = ("[", "]") if brackets else ("(", ")")
    out: Parts = []
    for run in parts:
        if OPEN in run.text or CLOSE in run.text:
            run = run.with_text(run.text.replace(OPEN, opening).replace(CLOSE, closing))
        out.append(run)
    return out


def t(text: str) -> Parts:
    """Roman text (nothing when empty)."""
    return [Run(text)] if text else []


def i(text: str) -> Parts:
    """Italic text (nothing when empty)."""
    return [Run(text, italic=True)] if text else []


def join(parts: Iterable[Parts], delimiter: str) -> Parts:
    """Non-empty parts joined by `delimiter`, as CSL groups join: empty parts leave no trace."""
    out: Parts = []
    for part in parts:
        if not part:
            continue
        if out:
            # "eds." + ". " gives "eds. ", never "eds.. " (CSL's punctuation collapsing).
            if delimiter[0] == "." and out[-1].text.endswith("."):
                out.append(Run(delimiter[1:]))
            else:
                out.append(Run(delimiter))
        out.extend(part)
    return out


def text_of(parts: Sequence[Run]) -> str:
    """Plain text of runs (formatting dropped)."""
    return "".join(run.text for run in parts)


# The engine's public name for the same function (assistant.cite.engine re-exports it).
runs_to_text = text_of


_URL_START = re.compile(r"(?:https?://|www\.|doi:)", re.IGNORECASE)


def capitalize_first(parts: Parts) -> Parts:
    for index, run in enumerate(parts):
        if run.text.strip():
            stripped = run.text.lstrip()
            if _URL_START.match(stripped):
                return parts  # a link is printed as it is, never capitalized
            lead = run.text[: len(run.text) - len(stripped)]
            parts = list(parts)
            parts[index] = run.with_text(lead + stripped[:1].upper() + stripped[1:])
            return parts
    return parts


def capitalize(text: str) -> str:
    if _URL_START.match(text):
        return text
    return text[:1].upper() + text[1:]


# Words that open a description of a document or medium and are common nouns or adjectives,
# lowercase inside a note; any other capitalized word may be a name ("Zoom video call").
_GENERIC = words(
    "master’s master's masters bachelor’s bachelor's thesis dissertation diss. paper poster"
    " speech lecture address talk keynote presentation panel seminar report memorandum"
    " memo letter telegram cable note notes minutes draft typescript transcript manuscript"
    " handwritten typed photocopy audio video sound recording film television radio"
    " broadcast interview email e-mail text message map photograph photo print drawing"
    " painting oil watercolor watercolour ink pencil charcoal etching engraving lithograph"
    " woodcut gouache tempera acrylic bronze marble sculpture mixed digital microfilm"
    " microfiche cassette audiocassette videocassette compact record unpublished private"
    " personal ciphered coded secret top confidential official open forum blog working"
    " discussion policy briefing research technical annual diary diaries journal notebook"
    " logbook log ledger scrapbook daybook record records minute dispatch despatch despatches"
    " circular directive order instruction resolution protocol communiqué statement"
    # Thesis, report, interview and format descriptions Zotero records carry.
    " doctoral senior honors honours undergraduate graduate habilitation special staff"
    " occasional background white fact press country oral telephone phone streaming"
    " podcast carbon topographic road printed mimeographed mimeograph conference symposium"
    " workshop webinar public inaugural commencement televised unsigned signed original"
    " copy excerpt translation abstract summary pamphlet leaflet brochure flyer broadside"
    " postcard newsletter catalogue catalog exhibition preprint proposal petition affidavit"
    " testimony deposition questionnaire survey dataset database spreadsheet software"
    " computer website web online electronic slide negative photographic gelatin silver"
    " albumen lantern glass long short feature documentary animated motion silent"
    # Teaching materials and the media of books (CMOS 18 14.161, 14.163).
    " course syllabus syllabi class handout lesson reading sermon homily audiobook e-book"
    " ebook recorded filmed guest virtual"
    # Tape and reel media of oral histories and broadcasts ("tape recording", "reel-to-reel").
    " tape reel reel-to-reel"
    # The kinds of maps (CMOS 18 14.133: "political map", "relief map").
    " political physical relief thematic nautical aeronautical hydrographic geological"
    " cadastral"
    # The kinds of pages an archive's website holds (CMOS 18 14.104, 14.106).
    " collection collections finding guide inventory index exhibit gallery timeline"
    " chronology glossary bibliography fonds"
)


# The same descriptions in the languages a historian's records carry (theses above all).
_GENERIC_ABROAD = words(
    "kandidatskaia doktorskaia dissertatsiia dissertatsii avtoreferat diplomnaia diplomnaya"
    " кандидатская докторская диссертация автореферат thèse mémoire rapport tesis tesina tesi"
    " tese dissertação memoria informe relazione praca rozprawa"
)
# Languages that capitalize no common noun or adjective (German capitalizes every noun, and
# English the adjectives of proper nouns): a capital opening a description in them is there
# by position only, unless the word is a name, which no description opens with.
_LOWERCASE_NOUNS = frozenset({"ru", "uk", "fr", "es", "it", "pt", "pl", "cs", "nl", "sl"})


def lower_first(text: str) -> str:
    """A description run on inside a note starts lowercase (CMOS 14.113, 14.24: "PhD diss.",
    a generic description, not a title): "Master’s thesis" -> "master’s thesis", "Oil on
    canvas" -> "oil on canvas", "Kandidatskaia dissertatsiia" -> "kandidatskaia
    dissertatsiia", "Thèse de doctorat" -> "thèse de doctorat"; "PhD diss.", "DVD", "Zoom
    video call", German "Dissertation" (a noun) stay."""
    first = text.split(" ")[0]
    if not (first[1:].islower() and first[:1].isupper()):
        return text
    lower = first.lower()
    if lower in _GENERIC or lower in _GENERIC_ABROAD or guess(text) in _LOWERCASE_NOUNS:
        return text[0].lower() + text[1:]
    return text


def _italic_tail(parts: Parts) -> str:
    """The text of the italic runs that end `parts` (an italic title)."""
    texts: list[str] = []
    for run in reversed(parts):
        if not run.italic:
            break
        texts.append(run.text)
    return "".join(reversed(texts))


def comma_then(head: Parts, tail: str) -> Parts:
    """`head, tail` with Chicago's comma placement done here rather than by the general pass:
    “Title,” 34 (comma inside the quotes) and “Why?” 34 (no comma after ? ! or a period)."""
    last = head[-1]
    text = last.text
    closing = len(text) - len(text.rstrip("”’"))
    if closing:
        # A ’ that closes no ‘ is a letter ("ottepel’”"): the marks start after it.
        whole = text_of(head)
        singles = closing_singles(whole)
        offset = len(whole) - len(text)
        while closing and text[len(text) - closing] == "’":
            if offset + len(text) - closing in singles:
                break
            closing -= 1
    if not closing or (closing == len(text) and len(head) == 1):
        return [*head, Run(", " + tail)]
    if last.italic and quotes_belong_to_title(_italic_tail(head)):
        return [*head, Run(", " + tail)]  # *Hot “Cold War”*, 250: the title's own marks
    body = text[: len(text) - closing]
    before = body[-1:] if body else text_of(head[:-1])[-1:]
    quotes = text[len(text) - closing :]
    if "”" not in quotes:
        return [*head, Run(", " + tail)]  # a lone ’ may be an apostrophe: leave it to the pass
    if before in ("?", "!"):
        return [*head, Run(" " + tail)]
    return [*head[:-1], last.with_text(body + "," + quotes), Run(" " + tail)]


_MARKDOWN_ITALIC = re.compile(
    r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)([^_]+?)(?<!\s)_(?!\w)"
)


_MARKDOWN_STRONG = re.compile(
    r"(?<![\w*])\*\*(?!\s)(.+?)(?<!\s)\*\*(?![\w*])|(?<!\w)__(?!\s)(.+?)(?<!\s)__(?!\w)"
)
_MARKDOWN_SMALL_CAPS = re.compile(r"\[([^\[\]]+)\]\{\.smallcaps\}")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")


def markdown_runs(text: str) -> Parts:
    """The writer's commentary: `*text*` (or `_text_`) is italic, `**text**` (or `__text__`)
    bold, `[text]{.smallcaps}` small caps, `[text](url)` a link, as Pandoc Markdown writes
    them; the rest roman."""
    links = list(_MARKDOWN_LINK.finditer(text)) if "](" in text else []
    if links:
        # Text with "](" but no whole link ("see [2]( above") is read as plain text below;
        # recursing on it whole would never end.
        out: Parts = []
        pos = 0
        for match in links:
            out.extend(markdown_runs(text[pos : match.start()]))
            out.extend(replace(r, link=match.group(2)) for r in markdown_runs(match.group(1)))
            pos = match.end()
        out.extend(markdown_runs(text[pos:]))
        return out
    if "*" not in text and "_" not in text and "{.smallcaps}" not in text:
        return t(text)
    out = []
    pos = 0
    for match in _MARKDOWN_SMALL_CAPS.finditer(text):
        out.extend(_strong_runs(text[pos : match.start()]))
        out.extend(Run(r.text, r.italic, True, r.bold) for r in _strong_runs(match.group(1)))
        pos = match.end()
    out.extend(_strong_runs(text[pos:]))
    return out


def _strong_runs(text: str) -> Parts:
    out: Parts = []
    pos = 0
    for match in _MARKDOWN_STRONG.finditer(text):
        out.extend(_italic_runs(text[pos : match.start()]))
        inner = match.group(1) or match.group(2)
        out.extend(Run(r.text, r.italic, r.small_caps, True) for r in _italic_runs(inner))
        pos = match.end()
    out.extend(_italic_runs(text[pos:]))
    return out


def _italic_runs(text: str) -> Parts:
    if "*" not in text and "_" not in text:
        return t(text)
    out: Parts = []
    pos = 0
    for match in _MARKDOWN_ITALIC.finditer(text):
        out.extend(t(text[pos : match.start()]))
        out.extend(i(match.group(1) or match.group(2)))
        pos = match.end()
    out.extend(t(text[pos:]))
    return out


# --- CSL-JSON rich text --------------------------------------------------------------------

_TAG = re.compile(
    r"<(/?)(i|b|sup|sub|span)(\s[^<>]*)?>",
    re.IGNORECASE,
)
_SMALL_CAPS = re.compile(r"font-variant\s*:\s*small-caps", re.IGNORECASE)
_NOCASE = re.compile(r"""class\s*=\s*["']nocase["']""", re.IGNORECASE)


_ANY_TAG = re.compile(r"<[^<>]*>")
_HIDDEN = 0xE100  # private-use code points standing for hidden tags, one each


def hide_tags(text: str) -> tuple[str, list[str]]:
    """Text with every tag replaced by one private-use character, so quote and word handling
    never reach inside markup (`<span class="nocase">` keeps its straight quotes)."""
    if "<" not in text:
        return text, []
    tags: list[str] = []

    def hide(match: re.Match[str]) -> str:
        tags.append(match.group(0))
        return chr(_HIDDEN + len(tags) - 1)

    return _ANY_TAG.sub(hide, text), tags


def show_tags(text: str, tags: list[str]) -> str:
    if not tags:
        return text
    return "".join(
        tags[ord(ch) - _HIDDEN] if _HIDDEN <= ord(ch) < _HIDDEN + len(tags) else ch for ch in text
    )


def has_markup(text: str) -> bool:
    return "<" in text and _TAG.search(text) is not None


def strip_markup(text: str) -> str:
    """The field's text without CSL markup (for sorting, short titles, comparisons)."""
    return _TAG.sub("", text) if "<" in text else text


def markup_runs(text: str, base: Run | None = None) -> Parts:
    """CSL-JSON rich text as runs over `base`'s formatting (roman by default).

    `<i>` inside italic text sets it roman (CSL's flip-flop, as CMOS 14.94 wants for a book
    title within an italic title). Unbalanced or unknown tags are kept as text.
    """
    base = base or Run("")
    if not has_markup(text):
        return [base.with_text(text)] if text else []
    out: Parts = []
    # A stack of (tag name, the formatting before it) so a closing tag restores what was.
    stack: list[tuple[str, Run]] = []
    current = base
    pos = 0
    for match in _TAG.finditer(text):
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3) or ""
        if closing:
            if not stack or stack[-1][0] != name:
                continue  # a stray closing tag: kept as text
            out.extend(_piece(current, text[pos : match.start()]))
            current = stack.pop()[1]
            pos = match.end()
            continue
        if name == "span" and not (_SMALL_CAPS.search(attrs) or _NOCASE.search(attrs)):
            continue
        if not _closes(text, match.end(), name):
            continue
        out.extend(_piece(current, text[pos : match.start()]))
        stack.append((name, current))
        current = _apply(current, name, attrs)
        pos = match.end()
    out.extend(_piece(current, text[pos:]))
    return out


def _piece(fmt: Run, text: str) -> Parts:
    return [fmt.with_text(text)] if text else []


def _closes(text: str, start: int, name: str) -> bool:
    return re.search(rf"</{name}>", text[start:], re.IGNORECASE) is not None


def _apply(fmt: Run, name: str, attrs: str) -> Run:
    italic, small_caps, bold, superscript, subscript = fmt.style
    if name == "i":
        italic = not italic
    elif name == "b":
        bold = True
    elif name == "sup":
        superscript = True
    elif name == "sub":
        subscript = True
    elif _SMALL_CAPS.search(attrs):
        small_caps = True
    return Run("", italic, small_caps, bold, superscript, subscript)
