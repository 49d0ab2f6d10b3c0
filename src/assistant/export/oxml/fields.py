"""Word complex fields (`w:fldChar` begin/separate/end around a `w:instrText`), written and read.

A complex field is a run sequence, not an element: begin mark, instruction runs, separate mark,
result runs, end mark. Word lets fields nest and lets the runs of one field cross `w:ins`,
`w:hyperlink` and other wrappers, so reading walks runs in document order with a stack.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

_R, _FLD_CHAR, _INSTR = qn("w:r"), qn("w:fldChar"), qn("w:instrText")
_TYPE, _SPACE = qn("w:fldCharType"), qn("xml:space")


def append_field_begin(paragraph_element: etree._Element, instruction: str) -> None:
    """Append the begin mark, the instruction and the separate mark of a field."""
    _append_mark(paragraph_element, "begin")
    run = etree.SubElement(paragraph_element, _R)
    instr = etree.SubElement(run, _INSTR)
    instr.set(_SPACE, "preserve")
    instr.text = instruction
    _append_mark(paragraph_element, "separate")


def append_field_end(paragraph_element: etree._Element) -> None:
    _append_mark(paragraph_element, "end")


def _append_mark(paragraph_element: etree._Element, kind: str) -> None:
    run = etree.SubElement(paragraph_element, _R)
    etree.SubElement(run, _FLD_CHAR).set(_TYPE, kind)


def field_mark(run: etree._Element) -> str | None:
    """ "begin", "separate" or "end" when `run` holds a field mark, else None."""
    mark = run.find(_FLD_CHAR)
    return None if mark is None else mark.get(_TYPE)


def instruction_text(run: etree._Element) -> str:
    """The instruction text a run holds (empty for runs that hold none)."""
    return "".join(element.text or "" for element in run.iter(_INSTR))
