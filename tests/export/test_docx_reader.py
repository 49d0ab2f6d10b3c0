"""A .docx comes back as a draft: app → Word → app keeps every note and the bibliography.

"Word" here is what Word does to a file: python-docx edits (a paragraph added, a word changed,
a note deleted, tracked changes), a LibreOffice re-save, and files the app never wrote
(python-docx's own footnotes, Pandoc's .docx).
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.essay.sample import make_long_essay
from assistant.export.docx import ExportOptions, export_docx
from assistant.export.docx_reader import DocxReadError, read_docx
from assistant.export.footnotes import add_footnote

from .docx_readback import bundled_items, sample_essay


def rendered(essay: Essay) -> tuple[list[str], list[str]]:
    """The notes and bibliography a writer sees for `essay`."""
    engine = ChicagoEngine(essay.items)
    notes = [note.text for note in engine.render_notes(essay.notes())]
    return notes, [entry.text for entry in engine.bibliography(essay.cited_ids())]


def commented_essay() -> Essay:
    """Notes of every shape: several citations, prefixes, suffixes, labels, commentary."""
    items = bundled_items()
    shen, zubok, shuster = "shen-2000", "zubok-pleshakov-1996", "shuster-2019"
    notes = [
        Note.of(Citation(shen, "52")),
        Note.of(Citation(zubok, "62–64", prefix="see", suffix="emphasis added")),
        Note(("On the timing, ", (Citation(shuster, "3", label="chapter"),), ".")),
        Note(
            (
                (Citation(shen, "55"), Citation(zubok, "70")),
                ". Both read the *same* telegrams differently.",
            )
        ),
        Note.of(Citation(shen, "", suppress_author=True)),
        Note(("A note of commentary only, with *italics*.",)),
    ]
    blocks = [Block("heading", [Span("Stalin's Gamble")], level=1)]
    for index, note in enumerate(notes):
        blocks.append(
            Block(
                "paragraph",
                [
                    Span(f"Sentence {index} of the argument, "),
                    Span("in italics", italic=True),
                    Span("."),
                    NoteAnchor(note),
                ],
            )
        )
    blocks.append(Block("blockquote", [Span("A quotation set off as a block.")]))
    return Essay(title="Why Stalin Said Yes", author="Ada Student", blocks=blocks, items=items)


@pytest.mark.parametrize("title_page", [False, True])
def test_exported_essay_reads_back_with_the_same_notes_and_bibliography(
    tmp_path: Path, title_page: bool
) -> None:
    essay = commented_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path, options=ExportOptions(title_page=title_page, course="HIST 301"))
    draft = read_docx(path)
    assert draft.warnings == []
    assert draft.essay.notes() == essay.notes()
    assert rendered(draft.essay) == rendered(essay)
    assert (draft.essay.title, draft.essay.author) == (essay.title, essay.author)
    assert [(b.kind, b.level, b.text) for b in draft.essay.blocks] == [
        (b.kind, b.level, b.text) for b in essay.blocks
    ]
    italic = [
        s.text for b in draft.essay.blocks for s in b.inlines if isinstance(s, Span) and s.italic
    ]
    assert italic == ["in italics"] * 6


def test_a_long_essay_reads_back_note_for_note(tmp_path: Path) -> None:
    essay = make_long_essay()
    path = tmp_path / "long.docx"
    export_docx(essay, path)
    draft = read_docx(path)
    assert len(draft.essay.notes()) == len(essay.notes()) == 300
    assert draft.essay.notes() == essay.notes()
    assert rendered(draft.essay) == rendered(essay)


def test_the_items_travel_inside_the_file(tmp_path: Path) -> None:
    # The file alone is enough: the reader needs no library to restore the citations.
    essay = commented_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path)
    draft = read_docx(path)
    assert set(draft.essay.items) == set(essay.cited_ids())
    assert draft.essay.items["shen-2000"]["title"] == essay.items["shen-2000"]["title"]


def test_zotero_can_read_the_citation_fields(tmp_path: Path) -> None:
    import json

    path = tmp_path / "essay.docx"
    export_docx(commented_essay(), path)
    xml = zipfile.ZipFile(path).read("word/footnotes.xml").decode()
    instructions = [element.text for element in parse_xml(xml.encode()).iter(qn("w:instrText"))]
    assert len(instructions) == 5  # every note with a citation; the commentary-only one has none
    for instruction in instructions:
        assert instruction.strip().startswith("ADDIN ZOTERO_ITEM CSL_CITATION {")
        data = json.loads(instruction.strip().removeprefix("ADDIN ZOTERO_ITEM CSL_CITATION"))
        assert data["schema"].endswith("csl-citation.json")
        assert isinstance(data["properties"]["noteIndex"], int)
        for entry in data["citationItems"]:
            assert entry["itemData"]["type"] and entry["itemData"]["title"]
    second = json.loads(instructions[1].strip().removeprefix("ADDIN ZOTERO_ITEM CSL_CITATION"))
    (entry,) = second["citationItems"]
    assert (entry["locator"], entry["label"], entry["prefix"], entry["suffix"]) == (
        "62–64",
        "page",
        "see",
        "emphasis added",
    )


def test_word_style_edits_keep_every_citation(tmp_path: Path) -> None:
    """A paragraph added before the first, a sentence reworded, one note's reference deleted:
    what a supervisor's edit in Word does to the XML."""
    essay = commented_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path)
    document = docx.Document(str(path))
    body = [p for p in document.paragraphs if p.text.startswith("Sentence")]
    body[0].insert_paragraph_before("A new opening paragraph written in Word.", style="Body Text")
    body[1].runs[0].text = "Sentence one, reworded by the supervisor, "
    # Delete the reference to the fifth note (the run holding w:footnoteReference).
    reference = body[4]._p.xpath(".//w:footnoteReference")[0]
    reference.getparent().getparent().remove(reference.getparent())
    document.save(str(path))

    draft = read_docx(path)
    expected = essay.notes()[:4] + essay.notes()[5:]
    assert draft.essay.notes() == expected
    texts = [b.text for b in draft.essay.blocks]
    assert "A new opening paragraph written in Word." in texts
    assert "Sentence one, reworded by the supervisor, in italics." in texts
    # Full and short forms follow the new order, as the app computes them.
    assert rendered(draft.essay)[0][0].startswith("Shen Zhihua, “Sino-Soviet Relations")


def test_commentary_edited_in_word_comes_back_and_citation_edits_are_reported(
    tmp_path: Path,
) -> None:
    essay = commented_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path)
    document = docx.Document(str(path))
    from assistant.export.footnotes import numbered_footnotes

    notes = numbered_footnotes(document)
    # Note 6 is commentary only: plain text, edited freely.
    commentary = next(r for r in notes[5].footnote.paragraphs[0].runs if "only" in r.text)
    commentary.text = commentary.text.replace("only", "alone")
    # Note 1's citation text is edited inside its field.
    cited = notes[0].footnote.paragraphs[0]
    result_runs = [r for r in cited.runs if r.text.strip()]
    result_runs[-1].text = result_runs[-1].text.replace("52", "53")
    document.save(str(path))

    draft = read_docx(path)
    assert draft.essay.notes()[5] == Note(("A note of commentary alone, with *italics*.",))
    assert draft.essay.notes()[0] == essay.notes()[0]
    assert any(w.startswith("Note 1: its citation text was edited in Word") for w in draft.warnings)


def test_tracked_changes_are_read_as_accepted_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    export_docx(commented_essay(), path)
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Sentence 0"))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.insert(
        1,
        parse_xml(
            f'<w:ins {w} w:id="901" w:author="Supervisor" w:date="2026-11-30T10:00:00Z">'
            '<w:r><w:t xml:space="preserve">inserted words </w:t></w:r></w:ins>'
        ),
    )
    paragraph._p.insert(
        1,
        parse_xml(
            f'<w:del {w} w:id="902" w:author="Supervisor" w:date="2026-11-30T10:00:00Z">'
            "<w:r><w:delText>deleted words </w:delText></w:r></w:del>"
        ),
    )
    document.save(str(path))
    draft = read_docx(path)
    first = next(b.text for b in draft.essay.blocks if "Sentence 0" in b.text)
    assert "inserted words" in first and "deleted words" not in first
    assert draft.pending_changes == 2
    assert draft.warnings[0].startswith("The document had 2 tracked change(s) still pending")
    assert len(draft.essay.notes()) == 6


def test_comments_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "essay.docx"
    export_docx(commented_essay(), path)
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Sentence 0"))
    document.add_comment(paragraph.runs[0], text="Cite the telegram here.", author="Supervisor")
    document.save(str(path))
    draft = read_docx(path)
    assert draft.comments == 1
    assert "1 comment(s) in the document were not imported." in draft.warnings


def test_notes_written_by_hand_come_back_as_text_notes(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("A paper typed in Word", level=1)
    paragraph = document.add_paragraph("Stalin agreed in April 1950.")
    from assistant.cite.model import Run

    add_footnote(
        paragraph,
        [
            Run("Shen Zhihua, “Sino-Soviet Relations,” "),
            Run("Journal of Cold War Studies", italic=True),
            Run(" 2, no. 2 (2000): 52."),
        ],
    )
    second = document.add_paragraph("Kim pressed him.")
    add_footnote(second, "Ibid., 55.")
    path = tmp_path / "typed.docx"
    document.save(str(path))
    draft = read_docx(path)
    assert draft.essay.notes() == [
        Note(
            (
                "Shen Zhihua, “Sino-Soviet Relations,” *Journal of Cold War Studies* 2, no. 2"
                " (2000): 52.",
            )
        ),
        Note(("Ibid., 55.",)),
    ]
    assert [(b.kind, b.text) for b in draft.essay.blocks] == [
        ("heading", "A paper typed in Word"),
        ("paragraph", "Stalin agreed in April 1950."),
        ("paragraph", "Kim pressed him."),
    ]


def test_pandoc_made_docx_reads_with_its_notes(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    source = tmp_path / "draft.md"
    source.write_text(
        "# Origins\n\nStalin agreed.[^1] Kim pressed *hard*.[^2]\n\n"
        "> A quotation.\n\n[^1]: A note with *italics*.\n\n[^2]: Second note.\n",
        encoding="utf-8",
    )
    path = tmp_path / "pandoc.docx"
    pypandoc.convert_file(str(source), "docx", outputfile=str(path))
    draft = read_docx(path)
    assert draft.essay.notes() == [Note(("A note with *italics*.",)), Note(("Second note.",))]
    kinds = [(b.kind, b.text) for b in draft.essay.blocks]
    assert ("heading", "Origins") in kinds
    assert ("blockquote", "A quotation.") in kinds
    assert ("paragraph", "Stalin agreed. Kim pressed hard.") in kinds


def test_pandoc_reads_the_export_with_notes_and_italics(tmp_path: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    import json

    path = tmp_path / "essay.docx"
    export_docx(commented_essay(), path)
    ast = json.loads(pypandoc.convert_file(str(path), "json"))

    def walk(node, kind):  # type: ignore[no-untyped-def]
        if isinstance(node, dict):
            if node.get("t") == kind:
                yield node
            for value in node.values():
                yield from walk(value, kind)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value, kind)

    notes = list(walk(ast["blocks"], "Note"))
    assert len(notes) == 6
    engine = ChicagoEngine(commented_essay().items)
    italic = [any(r.italic for r in n.runs) for n in engine.render_notes(commented_essay().notes())]
    assert [bool(list(walk(note, "Emph"))) for note in notes] == italic
    assert sum(italic) >= 3


@pytest.mark.slow
def test_a_libreoffice_resave_keeps_every_citation(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    essay = commented_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path)
    out = tmp_path / "resaved"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    draft = read_docx(out / "essay.docx")
    assert draft.essay.notes() == essay.notes()
    assert rendered(draft.essay) == rendered(essay)


# -- bad input ------------------------------------------------------------------------------


def test_not_a_word_file_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"just text, not a zip")
    with pytest.raises(DocxReadError, match="not a Word document"):
        read_docx(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * (600 * 1024 * 1024))
    with pytest.raises(DocxReadError, match="unpacks to more"):
        read_docx(path)


def _damaged_copy(good: Path, target_path: Path, damage) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(target_path, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/footnotes.xml":
                data = damage(data)
            target.writestr(member, data)
    return target_path


def test_a_footnotes_part_cut_in_half_gets_a_message(tmp_path: Path) -> None:
    good = tmp_path / "essay.docx"
    export_docx(commented_essay(), good)
    broken = _damaged_copy(good, tmp_path / "cut.docx", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(DocxReadError, match=r"cut\.docx: the Word document is damaged"):
        read_docx(broken)


def test_an_entity_bomb_in_the_footnotes_is_never_expanded(tmp_path: Path) -> None:
    good = tmp_path / "essay.docx"
    export_docx(commented_essay(), good)
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "boom"}">' for n in range(10))

    def bomb(xml: bytes) -> bytes:
        xml = xml.replace(
            b"<w:footnotes", f"<!DOCTYPE w:footnotes [{entities}]><w:footnotes".encode(), 1
        )
        return xml.replace(b"A note of commentary only", b"A note &e9; only", 1)

    broken = _damaged_copy(good, tmp_path / "bomb.docx", bomb)
    # libxml2 refuses the amplification outright (older builds, told not to resolve entities,
    # leave the reference unexpanded): either way the 10^9 "boom"s never exist.
    try:
        draft = read_docx(broken)
    except DocxReadError as error:
        assert "bomb.docx: the Word document is damaged" in str(error)
    else:
        assert "boom" not in draft.essay.notes()[5].segments[0]  # type: ignore[operator]


def test_an_unusable_citation_field_keeps_the_printed_text(tmp_path: Path) -> None:
    essay = commented_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/footnotes.xml":
                data = data.replace(
                    b'CSL_CITATION {"citationID"', b'CSL_CITATION {"citationID"{', 1
                )
            target.writestr(member, data)
    draft = read_docx(broken)
    first = draft.essay.notes()[0]
    assert first.citations == []
    assert "Shen Zhihua" in first.segments[0]  # type: ignore[operator]
    assert draft.essay.notes()[1:] == essay.notes()[1:]
    assert any(w.startswith("Note 1: a citation field holds no valid JSON") for w in draft.warnings)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocxReadError, match="no such file"):
        read_docx(tmp_path / "absent.docx")


def test_sample_copy_untouched_by_reading(tmp_path: Path) -> None:
    essay = sample_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path)
    before = path.read_bytes()
    read_docx(path)
    assert path.read_bytes() == before
    assert copy.deepcopy(essay.notes()) == essay.notes()


def test_commentary_around_a_citation_is_plain_text_word_can_edit(tmp_path: Path) -> None:
    """Only the citation itself is a field: the writer's words around it are ordinary text."""
    essay = commented_essay()
    path = tmp_path / "essay.docx"
    export_docx(essay, path)
    document = docx.Document(str(path))
    from assistant.export.footnotes import numbered_footnotes

    third = numbered_footnotes(document)[2].footnote.paragraphs[0]
    plain = next(r for r in third.runs if "timing" in r.text)
    assert not plain._r.xpath("ancestor::w:fldSimple")  # not inside the field's result
    plain.text = plain.text.replace("timing", "sequence of events")
    document.save(str(path))
    note = read_docx(path).essay.notes()[2]
    assert note.segments[0] == "On the sequence of events, "
    assert note.citations == essay.notes()[2].citations


def test_bold_and_small_caps_in_notes_are_run_properties_and_come_back(tmp_path: Path) -> None:
    note = Note(("A **bold** claim, an *italic* title and [USSR]{.smallcaps} in caps.",))
    essay = Essay(blocks=[Block("paragraph", [Span("Text."), NoteAnchor(note)])])
    path = tmp_path / "rich.docx"
    export_docx(essay, path)
    from assistant.export.footnotes import numbered_footnotes

    runs = numbered_footnotes(docx.Document(str(path)))[0].footnote.paragraphs[0].runs
    assert [r.text for r in runs if r.bold] == ["bold"]
    assert [r.text for r in runs if r.italic] == ["italic"]
    assert [r.text for r in runs if r.font.small_caps] == ["USSR"]
    assert "**" not in "".join(r.text for r in runs)
    assert read_docx(path).essay.notes() == [note]


def test_lists_and_links_come_back_from_word(tmp_path: Path) -> None:
    from assistant.essay.markdown import read_markdown

    draft = read_markdown(
        "Three reasons:\n\n1. the [speech](https://www.trumanlibrary.gov/acheson) of January;\n"
        "2. the bomb;\n\n   - tested in August\n\n3. China.\n\n- a bullet\n"
    ).essay
    path = tmp_path / "lists.docx"
    export_docx(draft, path)
    back = read_docx(path).essay
    shape = [(b.kind, b.level, b.ordered, b.text) for b in back.blocks]
    assert shape == [
        ("paragraph", 0, False, "Three reasons:"),
        ("list_item", 1, True, "the speech of January;"),
        ("list_item", 1, True, "the bomb;"),
        ("list_item", 2, False, "tested in August"),
        ("list_item", 1, True, "China."),
        ("list_item", 1, False, "a bullet"),
    ]
    links = [s.link for b in back.blocks for s in b.inlines if isinstance(s, Span) and s.link]
    assert links == ["https://www.trumanlibrary.gov/acheson"]


def test_a_hand_made_word_list_is_a_list(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("First point", style="List Number")
    document.add_paragraph("Second point", style="List Number")
    document.add_paragraph("An aside", style="List Bullet 2")
    path = tmp_path / "typed.docx"
    document.save(str(path))
    blocks = read_docx(path).essay.blocks
    assert [(b.kind, b.level, b.ordered) for b in blocks] == [
        ("list_item", 1, True),
        ("list_item", 1, True),
        ("list_item", 2, False),
    ]


def test_a_link_in_a_note_is_a_real_hyperlink_and_comes_back(tmp_path: Path) -> None:
    from assistant.essay.markdown import read_markdown

    essay = read_markdown(
        "Stalin agreed.[^1]\n\n[^1]: The telegram is in the "
        "[Wilson Center archive](https://digitalarchive.wilsoncenter.org/document/112136).\n"
    ).essay
    assert essay.notes()[0].segments[0] == (
        "The telegram is in the "
        "[Wilson Center archive](https://digitalarchive.wilsoncenter.org/document/112136)."
    )
    path = tmp_path / "link.docx"
    export_docx(essay, path)
    package = zipfile.ZipFile(path)
    notes_xml = package.read("word/footnotes.xml").decode()
    rels = package.read("word/_rels/footnotes.xml.rels").decode()
    assert "<w:hyperlink" in notes_xml and "](" not in notes_xml
    assert 'Target="https://digitalarchive.wilsoncenter.org/document/112136"' in rels
    assert read_docx(path).essay.notes() == essay.notes()
