"""A reference document: a university's or a journal's .docx template that styles the export.

As with Pandoc's `--reference-doc`, the template's content is ignored and what makes it a
template is kept: its styles (Normal, Body Text, Heading 1-6, Title, Block Text, Footnote Text,
Bibliography...), page setup, headers and footers, and theme. Styles the export needs and the
template lacks are added in Word's own built-in form, unstyled, so they inherit from Normal.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from assistant.export.atomic import ExportError
from assistant.export.footnotes import ensure_footnote_styles
from assistant.export.parts.footnotes import FootnotesPart

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

# Same bounds as for reading a draft: a template is a small file.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024


def open_reference_document(path: Path, style_names: tuple[str, ...]) -> DocumentObject:
    """The template at `path` emptied of content, with every style in `style_names` present."""
    import docx

    path = Path(path)
    try:
        with zipfile.ZipFile(path) as package:
            if sum(member.file_size for member in package.infolist()) > MAX_UNPACKED_BYTES:
                raise ExportError(
                    f"the reference document {path.name} is too large to be a template."
                )
        document = docx.Document(str(path))
    except ExportError:
        raise
    except FileNotFoundError as error:
        raise ExportError(f"the reference document {path} does not exist.") from error
    except Exception as error:  # not a zip, not a Word package, a damaged part
        raise ExportError(
            f"the reference document {path.name} is not a Word document Word can open ({error})."
        ) from error
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    part = FootnotesPart.of(document.part)  # type: ignore[arg-type]
    if part is not None:
        notes = part.footnotes_element
        for note in list(notes.note_lst):
            notes.remove(note)
    for name in style_names:
        _ensure_paragraph_style(document, name)
    ensure_footnote_styles(document)
    return document


def _ensure_paragraph_style(document: DocumentObject, name: str) -> None:
    styles = document.styles
    try:
        styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        style.base_style = styles["Normal"]
