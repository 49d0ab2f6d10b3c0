"""The footnotes part (`/word/footnotes.xml`), layered like python-docx's own parts.

python-docx knows the content type and relationship type of footnotes but has no part class
for them, so a footnotes part would load as an opaque blob. Importing this module maps the
content type to `FootnotesPart` in python-docx's `PartFactory` (as `docx/__init__.py` does for
`CommentsPart`), so documents opened afterwards expose their notes as XML we can edit and read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.parts.story import StoryPart

import assistant.export.oxml  # noqa: F401  (registers the w:footnotes element classes)
from assistant.export.oxml.footnotes import (
    CONTINUATION_SEPARATOR_ID,
    SEPARATOR_ID,
    CT_Footnotes,
    default_footnotes_xml,
)

if TYPE_CHECKING:
    from docx.package import Package
    from docx.parts.document import DocumentPart

FOOTNOTES_CONTENT_TYPE = CT.WML_FOOTNOTES  # ...wordprocessingml.footnotes+xml
FOOTNOTES_RELATIONSHIP = RT.FOOTNOTES

# Children of w:settings that must come after w:footnotePr (ECMA-376 CT_Settings sequence).
_SETTINGS_AFTER_FOOTNOTE_PR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


class FootnotesPart(StoryPart):
    """Container part for the document's footnotes (a story part, like the comments part)."""

    def __init__(
        self, partname: PackURI, content_type: str, element: CT_Footnotes, package: Package
    ):
        super().__init__(partname, content_type, element, package)

    @property
    def footnotes_element(self) -> CT_Footnotes:
        return cast(CT_Footnotes, self._element)

    @classmethod
    def default(cls, package: Package) -> FootnotesPart:
        """A new footnotes part holding only the separator and continuation separator."""
        element = cast(CT_Footnotes, parse_xml(default_footnotes_xml()))
        return cls(PackURI("/word/footnotes.xml"), FOOTNOTES_CONTENT_TYPE, element, package)

    @classmethod
    def of(cls, document_part: DocumentPart) -> FootnotesPart | None:
        """The document's footnotes part, or None when it has no notes part."""
        try:
            part = document_part.part_related_by(FOOTNOTES_RELATIONSHIP)
        except KeyError:
            return None
        if not isinstance(part, FootnotesPart):
            # Only possible for a document opened before this module was imported.
            raise TypeError(
                "the document was opened before assistant.export.parts.footnotes was imported, "
                "so its footnotes part was loaded as an opaque blob; reopen it"
            )
        return part

    @classmethod
    def get_or_add(cls, document_part: DocumentPart) -> FootnotesPart:
        """The document's footnotes part, created (with settings) on first use."""
        existing = cls.of(document_part)
        if existing is not None:
            return existing
        part = cls.default(document_part.package)
        document_part.relate_to(part, FOOTNOTES_RELATIONSHIP)
        _declare_separators_in_settings(document_part)
        return part


def _declare_separators_in_settings(document_part: DocumentPart) -> None:
    """Add `w:footnotePr` listing the separator notes to settings.xml, as Word itself writes.

    Word opens files without it, but writes it in every document with notes; adding it keeps
    our files indistinguishable from Word's for stricter consumers.
    """
    settings = document_part._settings_part.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    footnote_pr = OxmlElement("w:footnotePr")
    for special_id in (SEPARATOR_ID, CONTINUATION_SEPARATOR_ID):
        footnote_pr.append(OxmlElement("w:footnote", attrs={qn("w:id"): str(special_id)}))
    settings.insert_element_before(footnote_pr, *_SETTINGS_AFTER_FOOTNOTE_PR)


PartFactory.part_type_for[FOOTNOTES_CONTENT_TYPE] = FootnotesPart
