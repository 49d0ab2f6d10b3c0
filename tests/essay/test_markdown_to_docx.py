"""Lists, links, small caps, strikeout, code and tables of a Markdown draft survive the export to
Word: read back from the .docx file itself (styles, run properties, hyperlink relationships,
table cells, footnotes in reading order)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from assistant.essay.markdown import read_markdown
from assistant.export.docx import export_docx

ITEMS = {
    "stueck-1995": {
        "id": "stueck-1995",
        "type": "book",
        "author": [{"family": "Stueck", "given": "William"}],
        "title": "The Korean War",
        "publisher": "Princeton University Press",
        "issued": {"date-parts": [[1995]]},
    }
}

DRAFT = """\
# Sources

- Telegrams [@stueck-1995, 10]
  - from Moscow
1. First
2. Second

The [nkvd]{.smallcaps} files, ~~not~~ the [Wilson Center](https://www.wilsoncenter.org) and
`code`.

| Archive | Files |
|:--------|------:|
| APRF    | 45 [@stueck-1995, 12] |

: Archives

```
line one
line two
```

End.[@stueck-1995, 14]
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    essay = read_markdown(DRAFT, ITEMS).essay
    path = tmp_path_factory.mktemp("docx") / "draft.docx"
    export_docx(essay, path, items=ITEMS)
    return path


def _body_paragraphs(path: Path) -> list[tuple[str, str]]:
    document = docx.Document(str(path))
    return [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]


def test_list_items_use_word_list_styles(exported: Path) -> None:
    paragraphs = _body_paragraphs(exported)
    assert ("List Bullet", "Telegrams") in paragraphs
    assert ("List Bullet 2", "from Moscow") in paragraphs
    assert ("List Number", "First") in paragraphs
    assert ("List Number", "Second") in paragraphs
    document = docx.Document(str(exported))
    # The template's list styles carry Word numbering (bullets and numbers Word draws itself).
    style = document.styles["List Number"]
    assert style.element.find(f".//{qn('w:numPr')}") is not None


def test_links_are_real_hyperlinks(exported: Path) -> None:
    document = docx.Document(str(exported))
    links = document.element.body.findall(f".//{qn('w:hyperlink')}")
    assert len(links) == 1
    rel = document.part.rels[links[0].get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == "https://www.wilsoncenter.org"
    assert "".join(t.text for t in links[0].iter(qn("w:t"))) == "Wilson Center"


def test_small_caps_strikeout_and_code_are_run_properties(exported: Path) -> None:
    document = docx.Document(str(exported))
    runs = [r for p in document.paragraphs for r in p.runs]
    by_text = {r.text: r for r in runs}
    assert by_text["nkvd"].font.small_caps
    assert by_text["not"].font.strike
    assert by_text["code"].font.name == "Courier New"
    assert [p.text for p in document.paragraphs if p.text.startswith("line")] == [
        "line one",
        "line two",
    ]


def test_tables_are_word_tables_with_their_notes(exported: Path) -> None:
    document = docx.Document(str(exported))
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Archive", "Files"],
        ["APRF", "45"],
    ]
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right, as `--:` said
    assert ("Caption", "Archives") in _body_paragraphs(exported)
    # Three notes: the list item's, the table cell's, the last paragraph's, numbered in order.
    with zipfile.ZipFile(exported) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        notes = archive.read("word/footnotes.xml").decode("utf-8")
    assert body.count("w:footnoteReference") == 3
    assert notes.index(", 12.") < notes.index(", 14.")
    cell_xml = table._tbl.xml
    assert "w:footnoteReference" in cell_xml


def test_each_numbered_list_restarts_at_its_own_first_number(tmp_path: Path) -> None:
    draft = "1. one\n2. two\n\nBetween.\n\n3. three\n4. four\n"
    path = tmp_path / "lists.docx"
    export_docx(read_markdown(draft).essay, path, items={})
    document = docx.Document(str(path))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = document.part.numbering_part.element
    starts = []
    for num_id in (num_ids[0], num_ids[2]):
        num = numbering.num_having_numId(num_id)
        starts.append(int(num.find(f".//{qn('w:startOverride')}").get(qn("w:val"))))
    assert starts == [1, 3]
