"""Appending formatted runs quickly.

An essay is thousands of runs, and python-docx's `Paragraph.add_run(text)` is slow for that:
each child goes through a search for its schema position, and the text is scanned character by
character for tabs and breaks. Runs always go at the end of their paragraph, so for plain text
we append the `w:r`, `w:rPr` and `w:t` elements directly; the XML is the same.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

_SPECIAL = frozenset("\t\n\r")
_R, _RPR, _T = qn("w:r"), qn("w:rPr"), qn("w:t")
_B, _I, _SMALL_CAPS = qn("w:b"), qn("w:i"), qn("w:smallCaps")
_SPACE = qn("xml:space")

# Characters XML 1.0 cannot hold at all (C0 controls but tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF). They arrive invisibly, pasted from PDFs; lxml refuses them outright.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters a Word file cannot store."""
    return _NOT_XML.sub("", text)


def unsafe_characters(text: str) -> list[str]:
    """The characters of `text` that `xml_safe` would leave out, as U+XXXX codes."""
    return [f"U+{ord(char):04X}" for char in _NOT_XML.findall(text)]


def append_run(
    paragraph: Paragraph,
    text: str,
    *,
    italic: bool = False,
    bold: bool = False,
    small_caps: bool = False,
) -> Run:
    """Append a run holding `text` (less any characters XML cannot hold) to `paragraph`."""
    text = xml_safe(text)
    r = etree.SubElement(paragraph._p, _R)
    if bold or italic or small_caps:
        rpr = etree.SubElement(r, _RPR)
        # CT_RPr's schema order: b, ..., i, ..., smallCaps.
        if bold:
            etree.SubElement(rpr, _B)
        if italic:
            etree.SubElement(rpr, _I)
        if small_caps:
            etree.SubElement(rpr, _SMALL_CAPS)
    run = Run(r, paragraph)  # type: ignore[arg-type]
    if _SPECIAL.isdisjoint(text):
        t = etree.SubElement(r, _T)
        t.text = text
        if text != text.strip():
            t.set(_SPACE, "preserve")
    else:
        run.text = text
    return run
