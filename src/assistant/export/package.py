"""The package around the document: what python-docx's template leaves that Word would not write.

python-docx starts every document from a Word 2010 template. Left as it is, the package says
"[Compatibility Mode]" in Word's title bar (compatibility mode 14), claims in `docProps/app.xml`
that "Microsoft Macintosh Word" wrote it with 0 words, carries a blank preview thumbnail, a
`customXml` item nobody reads and a `stylesWithEffects.xml` that no longer matches
`styles.xml` (Word repairs a file whose two style parts disagree). This module makes the package
say what it is: written by this app, in Word 2013+ mode, with its real counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

from assistant import __version__

APPLICATION = "Essay Assistant"
# Word 2013 and later; 14 is Word 2010, which Word 365 opens in compatibility mode.
COMPATIBILITY_MODE = "15"

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_STALE_DOCUMENT_RELS = (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML)
_WORD_URI = "http://schemas.microsoft.com/office/word"


def tidy_package(document: DocumentObject, *, words: int, characters: int, paragraphs: int) -> None:
    """Drop the template's stale parts, set compatibility mode 15, write a truthful app.xml."""
    _drop_rels(document.part.rels, _STALE_DOCUMENT_RELS)
    _drop_rels(document.part.package.rels, (RT.THUMBNAIL,))
    _set_compatibility_mode(document)
    _replace_app_properties(document, words=words, characters=characters, paragraphs=paragraphs)


def _drop_rels(rels, reltypes: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    # A part no relationship reaches is not written: python-docx saves the parts it can walk to.
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in reltypes]:
        del rels[r_id]


def _set_compatibility_mode(document: DocumentObject) -> None:
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = settings.makeelement(qn("w:compat"), {})
        settings.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)
            return
    compat.append(
        compat.makeelement(
            qn("w:compatSetting"),
            {
                qn("w:name"): "compatibilityMode",
                qn("w:uri"): _WORD_URI,
                qn("w:val"): COMPATIBILITY_MODE,
            },
        )
    )


def _replace_app_properties(
    document: DocumentObject, *, words: int, characters: int, paragraphs: int
) -> None:
    package = document.part.package
    _drop_rels(package.rels, (RT.EXTENDED_PROPERTIES,))
    # AppVersion is left out: Word reads it as its own XX.YYYY build number.
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes">'
        f"<Words>{words}</Words>"
        f"<Characters>{characters}</Characters>"
        f"<Application>{escape(f'{APPLICATION} {__version__}')}</Application>"
        "<DocSecurity>0</DocSecurity>"
        f"<Paragraphs>{paragraphs}</Paragraphs>"
        "<ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    )
    part = Part(
        PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, xml.encode("utf-8"), package
    )
    package.relate_to(part, RT.EXTENDED_PROPERTIES)
