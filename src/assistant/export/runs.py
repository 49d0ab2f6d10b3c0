"""Appending formatted runs quickly.

An essay is thousands of runs, and python-docx's `Paragraph.add_run(text)` is slow for that:
each child goes through a search for its schema position, and the text is scanned character by
character for tabs and breaks. Runs always go at the end of their paragraph, so for plain text
we append the `w:r`, `w:rPr` and `w:t` elements directly; the XML is the same.
"""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

_SPECIAL = frozenset("\t\n\r\v\f")
_R, _RPR, _T = qn("w:r"), qn("w:rPr"), qn("w:t")
_B, _I, _SMALL_CAPS = qn("w:b"), qn("w:i"), qn("w:smallCaps")
_VERT_ALIGN, _LANG, _VAL = qn("w:vertAlign"), qn("w:lang"), qn("w:val")
_SPACE = qn("xml:space")

# Characters XML 1.0 cannot hold at all (C0 controls but tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF). They arrive invisibly, pasted from PDFs; lxml refuses them outright. Vertical
# tab and form feed are what Word itself puts in plain text for a manual line break and a page
# break, so they become those breaks instead (see `append_run`).
_NOT_XML = re.compile("[^\t\n\r\v\f\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BR, _TYPE = qn("w:br"), qn("w:type")


def xml_safe(text: str) -> str:
    """`text` without the characters a Word file cannot store, for one-line fields such as the
    document's title property (a vertical tab or form feed, Word's line and page breaks,
    becomes a space there)."""
    return _NOT_XML.sub("", text).replace("\v", " ").replace("\f", " ")


def unsafe_characters(text: str) -> list[str]:
    """The characters of `text` that `xml_safe` would leave out, as U+XXXX codes."""
    return [f"U+{ord(char):04X}" for char in _NOT_XML.findall(text)]


def wrap_in_hyperlink(paragraph: Paragraph, run: Run, url: str) -> None:
    """Put `run` (the paragraph's last) inside a hyperlink to `url`, in Word's Hyperlink
    character style; the link's relationship belongs to the paragraph's own part (the
    document, or the footnotes part for a link in a note)."""
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    hyperlink = etree.SubElement(paragraph._p, qn("w:hyperlink"))
    hyperlink.set(qn("r:id"), rel_id)
    r = run._r
    style = etree.Element(qn("w:rStyle"))
    style.set(qn("w:val"), "Hyperlink")
    r.get_or_add_rPr().insert(0, style)
    hyperlink.append(r)


def append_run(
    paragraph: Paragraph,
    text: str,
    *,
    italic: bool = False,
    bold: bool = False,
    small_caps: bool = False,
    superscript: bool = False,
    subscript: bool = False,
    lang: str = "",
) -> Run:
    """Append a run holding `text` (less any characters XML cannot hold) to `paragraph`.

    `lang` (a BCP 47 tag) tells Word which language's proofing tools read the run: a Russian
    title in a note is spell-checked as Russian."""
    text = _NOT_XML.sub("", text)
    r = etree.SubElement(paragraph._p, _R)
    if bold or italic or small_caps or superscript or subscript or lang:
        rpr = etree.SubElement(r, _RPR)
        # CT_RPr's schema order: b, ..., i, ..., smallCaps, ..., vertAlign, ..., lang.
        if bold:
            etree.SubElement(rpr, _B)
        if italic:
            etree.SubElement(rpr, _I)
        if small_caps:
            etree.SubElement(rpr, _SMALL_CAPS)
        if superscript or subscript:
            etree.SubElement(rpr, _VERT_ALIGN).set(
                _VAL, "superscript" if superscript else "subscript"
            )
        if lang:
            etree.SubElement(rpr, _LANG).set(_VAL, lang)
    run = Run(r, paragraph)  # type: ignore[arg-type]
    if _SPECIAL.isdisjoint(text):
        t = etree.SubElement(r, _T)
        t.text = text
        if text != text.strip():
            t.set(_SPACE, "preserve")
    else:
        # Run.text turns tabs and newlines into w:tab and w:br; a vertical tab is Word's own
        # manual line break, a form feed its page break.
        for index, piece in enumerate(text.split("\f")):
            if index:
                etree.SubElement(r, _BR).set(_TYPE, "page")
            if piece:
                scratch = Run(OxmlElement("w:r"), paragraph)  # type: ignore[arg-type]
                scratch.text = piece.replace("\v", "\n")
                r.extend(list(scratch._r))
    return run
