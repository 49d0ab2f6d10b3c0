"""The .docx package says what it is: no template leftovers, Word 2013+ mode, real counts.

Checked with openxml-audit, a pure-Python port of the Open XML SDK's schema and semantic
checks that also predicts whether Word would open the file clean or repair it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openxml_audit
import pytest

from assistant import __version__
from assistant.essay.sample import make_long_essay
from assistant.export.docx import ExportOptions, export_docx

from .docx_readback import sample_essay


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("package") / "essay.docx"
    export_docx(sample_essay(), path, options=ExportOptions(title_page=True))
    return path


def test_no_stale_template_parts(exported: Path) -> None:
    names = set(zipfile.ZipFile(exported).namelist())
    assert "word/stylesWithEffects.xml" not in names
    assert not any(name.startswith("customXml/") for name in names)
    assert not any("thumbnail" in name for name in names)
    content_types = zipfile.ZipFile(exported).read("[Content_Types].xml").decode()
    assert "stylesWithEffects" not in content_types
    assert "customXml" not in content_types


def test_compatibility_mode_is_word_2013_or_later(exported: Path) -> None:
    settings = zipfile.ZipFile(exported).read("word/settings.xml").decode()
    modes = re.findall(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings)
    assert modes == ["15"]


def test_app_properties_name_this_app_and_count_the_words(exported: Path) -> None:
    app = zipfile.ZipFile(exported).read("docProps/app.xml").decode()
    assert f"<Application>Essay Assistant {__version__}</Application>" in app
    assert "Macintosh" not in app
    words = int(re.search(r"<Words>(\d+)</Words>", app).group(1))  # type: ignore[union-attr]
    assert words == sample_essay().word_count() > 0


@pytest.mark.parametrize("title_page", [False, True])
def test_open_xml_validator_finds_nothing_and_predicts_word_opens_it_clean(
    tmp_path: Path, title_page: bool
) -> None:
    path = tmp_path / "long.docx"
    export_docx(make_long_essay(), path, options=ExportOptions(title_page=title_page))
    result = openxml_audit.OpenXmlValidator().validate(str(path))
    assert [str(error) for error in result.errors] == []
    assert openxml_audit.predict(result).prediction == openxml_audit.AppPrediction.OPENS_CLEAN


def test_language_tags_let_word_proof_each_language(tmp_path: Path) -> None:
    """The essay's language is the document's; a Russian work's citation is tagged Russian."""
    from assistant.cite.model import Citation, Note
    from assistant.essay.model import Block, Essay, NoteAnchor, Span

    items = {
        "volkogonov": {
            "id": "volkogonov",
            "type": "book",
            "language": "ru",
            "author": [{"family": "Volkogonov", "given": "Dmitrii"}],
            "title": "Triumf i tragediia",
            "publisher": "Novosti",
            "issued": {"date-parts": [[1989]]},
        },
        "stueck": {
            "id": "stueck",
            "type": "book",
            "author": [{"family": "Stueck", "given": "William"}],
            "title": "The Korean War",
            "publisher": "Princeton University Press",
            "issued": {"date-parts": [[1995]]},
        },
    }
    essay = Essay(
        blocks=[
            Block(
                "paragraph",
                [
                    Span("Stalin hesitated."),
                    NoteAnchor(Note.of(Citation("volkogonov", "12"))),
                    Span(" Then he agreed."),
                    NoteAnchor(Note.of(Citation("stueck", "30"))),
                ],
            )
        ],
        items=items,
    )
    essay.language = "en-GB"
    path = tmp_path / "languages.docx"
    export_docx(essay, path)
    package = zipfile.ZipFile(path)
    styles = package.read("word/styles.xml").decode()
    assert re.search(r'<w:rPrDefault>.*<w:lang w:val="en-GB"', styles, re.S)
    notes = package.read("word/footnotes.xml").decode()
    russian = notes.split('w:id="1"', 1)[1].split('w:id="2"', 1)[0]
    assert '<w:lang w:val="ru"/>' in russian
    assert 'w:lang w:val="ru"' not in notes.split('w:id="2"', 1)[1]
    result = openxml_audit.OpenXmlValidator().validate(str(path))
    assert [str(error) for error in result.errors] == []
