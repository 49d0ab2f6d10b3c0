"""Custom element classes for the footnotes part (`w:footnotes`, `w:footnote`).

They follow python-docx's own oxml layer (see `docx.oxml.comments`): thin `BaseOxmlElement`
subclasses declared with xmlchemy descriptors, so the proxy layer can treat a footnote like any
other story (a table cell, a comment) through `docx.blkcntnr.BlockItemContainer`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.simpletypes import ST_DecimalNumber, ST_String
from docx.oxml.xmlchemy import BaseOxmlElement, OptionalAttribute, RequiredAttribute, ZeroOrMore

if TYPE_CHECKING:
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P

# Word reserves ids -1 and 0 for the separator and continuation-separator "footnotes" (the
# rules drawn above the notes area); real notes are numbered from 1.
SEPARATOR_ID = -1
CONTINUATION_SEPARATOR_ID = 0

FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"


def default_footnotes_xml() -> bytes:
    """A `w:footnotes` root holding only the two separators Word expects to find."""
    return (
        f"<w:footnotes {nsdecls('w', 'r')}>"
        f'<w:footnote w:type="separator" w:id="{SEPARATOR_ID}">'
        '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:r><w:separator/></w:r></w:p>"
        "</w:footnote>"
        f'<w:footnote w:type="continuationSeparator" w:id="{CONTINUATION_SEPARATOR_ID}">'
        '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:r><w:continuationSeparator/></w:r></w:p>"
        "</w:footnote>"
        "</w:footnotes>"
    ).encode()


class CT_Footnotes(BaseOxmlElement):
    """`w:footnotes`, the root of the footnotes part: separators first, then the notes."""

    footnote_lst: list[CT_Footnote]

    footnote = ZeroOrMore("w:footnote")

    def add_footnote(self, footnote_id: int | None = None) -> CT_Footnote:
        """Append a new, normal footnote (with `footnote_id`, else the next free id) and return it.

        It holds one `FootnoteText` paragraph whose first run is the `w:footnoteRef` mark (Word
        draws the note's number there); text goes in runs added after it.
        """
        next_id = self.next_id() if footnote_id is None else int(footnote_id)
        footnote = cast(
            CT_Footnote,
            parse_xml(
                f'<w:footnote {nsdecls("w")} w:id="{next_id}">'
                "<w:p>"
                f'<w:pPr><w:pStyle w:val="{FOOTNOTE_TEXT_STYLE}"/></w:pPr>'
                "<w:r>"
                f'<w:rPr><w:rStyle w:val="{FOOTNOTE_REFERENCE_STYLE}"/></w:rPr>'
                "<w:footnoteRef/>"
                "</w:r>"
                "</w:p>"
                "</w:footnote>"
            ),
        )
        self.append(footnote)
        return footnote

    def get_by_id(self, footnote_id: int) -> CT_Footnote | None:
        found = self.xpath(f"./w:footnote[@w:id='{int(footnote_id)}']")
        return found[0] if found else None

    @property
    def note_lst(self) -> list[CT_Footnote]:
        """The real notes, without the separators (which carry a `w:type`)."""
        return [f for f in self.footnote_lst if f.type in (None, "normal")]

    def next_id(self) -> int:
        used = [int(x) for x in self.xpath("./w:footnote/@w:id")]
        return max([*used, CONTINUATION_SEPARATOR_ID]) + 1


class CT_Footnote(BaseOxmlElement):
    """`w:footnote`: one note, a story of paragraphs (and possibly tables).

    The same tag also appears, empty, inside `w:footnotePr` in the settings part, where it lists
    the separator ids; this class only adds behaviour, so that use parses harmlessly too.
    """

    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]
    type: str | None = OptionalAttribute("w:type", ST_String)  # type: ignore[assignment]

    p = ZeroOrMore("w:p", successors=())
    tbl = ZeroOrMore("w:tbl", successors=())

    add_p: Callable[[], CT_P]
    p_lst: list[CT_P]
    tbl_lst: list[CT_Tbl]
    _insert_tbl: Callable[[CT_Tbl], CT_Tbl]

    @property
    def inner_content_elements(self) -> list[CT_P | CT_Tbl]:
        return self.xpath("./w:p | ./w:tbl")
