"""BibTeX/BibLaTeX read by Pandoc's reader: real .bib files from Pandoc's and Zotero's tests.

Fixtures (fixtures/bib/, see README there): biblatex-examples.bib (the biblatex package's
example database, as shipped in Pandoc's tests), averroes.bib and biblio.bib, the .bib inputs
of Pandoc's `test/command/biblatex-*.md` tests, and the inputs of the import tests of Zotero's
BibTeX translator.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation
from assistant.library.bibtex import pandoc_path, read_bibtex, read_bibtex_text
from assistant.library.errors import ImportFailed
from assistant.library.metadata import read_export

FIXTURES = Path(__file__).parent / "fixtures" / "bib"
BIB_FILES = (
    sorted(FIXTURES.glob("*.bib"))
    + sorted((FIXTURES / "pandoc").glob("*.bib"))
    + sorted((FIXTURES / "zotero").glob("*.bib"))
    + sorted((FIXTURES / "better-bibtex").glob("*.bib"))
)


def _rendered(items: list[dict]) -> dict[str, list[str]]:
    """Full note, short note and bibliography entry of every item, as plain text."""
    engine = ChicagoEngine({item["id"]: item for item in items})
    out = {}
    for item in items:
        citation = Citation(item["id"], "12")
        out[item["id"]] = [
            engine.full_note(citation).text,
            engine.short_note(citation).text,
            engine.bibliography_entry(item["id"]).text,
        ]
    return out


def _all_items() -> list[tuple[str, dict]]:
    found = []
    for path in BIB_FILES:
        for item in read_bibtex(path).items:
            found.append((path.name, item))
    return found


def test_the_fixtures_are_many_real_entries():
    assert len(BIB_FILES) >= 50
    assert len(_all_items()) >= 190


def test_no_latex_is_left_in_any_rendered_note():
    leftovers = []
    for path in BIB_FILES:
        # A brace the source escaped (\{) is a literal brace the author wants printed.
        literal = "{}" if re.search(r"\\[{}]", path.read_text(encoding="utf-8")) else ""
        for item in read_bibtex(path).items:
            for text in _rendered([item])[item["id"]]:
                if "\\" in text or any(c in text for c in "{}" if c not in literal):
                    leftovers.append(f"{path.name} {item['id']}: {text}")
    assert leftovers == []


def _pandoc_reading(path: Path) -> list[dict] | None:
    """Pandoc's own CSL-JSON for the file, with nothing done to it (None if Pandoc refuses it)."""
    done = subprocess.run(
        [pandoc_path(), "-f", "biblatex", "-t", "csljson", str(path)],
        capture_output=True,
        check=False,
    )
    return json.loads(done.stdout) if done.returncode == 0 else None


def _visible(text: str) -> str:
    """What a reader sees: markup the engine passes through literally removed."""
    return re.sub(r"</?(?:b|sup|sub|span)[^>]*>", "", text)


def test_notes_equal_what_the_engine_prints_from_pandocs_own_reading():
    equal = total = 0
    differing = []
    refused = []
    for path in BIB_FILES:
        reference = _pandoc_reading(path)
        if reference is None:
            refused.append(path.name)  # one broken entry: Pandoc reads nothing, we the rest
            continue
        ours = _rendered(read_bibtex(path).items)
        theirs = _rendered(reference)
        for item_id, texts in theirs.items():
            for mine, reference in zip(ours.get(item_id, ["", "", ""]), texts, strict=True):
                total += 1
                if mine == _visible(reference):
                    equal += 1
                else:
                    differing.append((item_id, mine, reference))
    # One broken entry makes Pandoc refuse a whole file; we leave that entry out instead.
    assert refused == ["bibtex-test-08.bib", "bibtex-test-17.bib", "bibtex-test-18.bib"]
    assert total >= 500
    assert equal / total >= 0.97, differing[:5]


@pytest.fixture(scope="module")
def examples() -> dict[str, dict]:
    return {item["id"]: item for item in read_bibtex(FIXTURES / "biblatex-examples.bib").items}


def test_accents_escapes_and_tex_logos(examples):
    aksin = examples["aksin"]
    assert [a["family"] for a in aksin["author"]][:2] == ["Aksın", "Türkmen"]
    assert aksin["author"][1]["given"] == "Hayati" and aksin["author"][3]["family"] == "Çetinkaya"
    # "The {\TeX} book" in "Computers \& Typesetting" (maintitle); English titles in sentence
    # case, as Pandoc reads them.
    assert examples["knuth:ct:a"]["volume-title"] == "The TeX book"
    assert examples["knuth:ct:a"]["title"] == "Computers & typesetting"
    assert "Malinowski" in examples["malinowski"]["author"][0]["family"]
    assert examples["malinowski"]["author"][0]["given"] == "Bronisław"


def test_brace_protected_words_and_corporate_names():
    bib = (
        "@report{who, author = {{World Health Organization}}, title = {The {DNA} of "
        "{Europe}}, institution = {{United Nations} and {IBM}}, date = 2001, langid = english}\n"
        "@book{jr, author = {Doe, Jr., John and family=Gogh, given=Vincent, prefix=van, "
        "useprefix=true}, title = {A \\_ b `quoted' ``double''}, year = 1999}\n"
    )
    items = {item["id"]: item for item in read_bibtex_text(bib).items}
    assert items["who"]["author"] == [{"literal": "World Health Organization"}]
    assert "DNA" in items["who"]["title"] and "Europe" in items["who"]["title"]
    assert items["jr"]["author"][0] == {"family": "Doe", "given": "John", "suffix": "Jr."}
    assert items["jr"]["author"][1] == {
        "family": "Gogh",
        "given": "Vincent",
        "non-dropping-particle": "van",
    }
    # Pandoc writes quotation marks in titles as the outer (double) kind; styles flip them.
    assert items["jr"]["title"] == "A _ b “quoted” “double”"
    engine = ChicagoEngine(items)
    note = engine.full_note(Citation("jr", "3")).text
    assert note.startswith("John Doe Jr. and Vincent van Gogh, ")


def test_strings_crossref_xdata_dates_and_language():
    bib = (
        "@string{cup = {Cambridge University Press}}\n"
        "@xdata{pub, publisher = cup, location = {Cambridge}}\n"
        "@collection{whole, title = {The Whole Book}, editor = {Smith, Ann}, xdata = {pub}, "
        "date = 2013-10-30, urldate = {2020-01-02}, langid = {french}}\n"
        "@incollection{part, author = {Roe, Bo}, title = {A Part}, crossref = {whole}, "
        "pages = {3--9}}\n"
        "@article{dated, author = {Poe, Al}, title = {T}, journal = {J}, year = 1950, "
        "month = jun, day = 25}\n"
    )
    items = {item["id"]: item for item in read_bibtex_text(bib).items}
    whole, part, dated = items["whole"], items["part"], items["dated"]
    assert whole["publisher"] == "Cambridge University Press"
    assert whole["publisher-place"] == "Cambridge"
    assert whole["issued"] == {"date-parts": [[2013, 10, 30]]}
    assert whole["accessed"] == {"date-parts": [[2020, 1, 2]]}
    assert whole["language"].startswith("fr")
    assert part["container-title"] == "The Whole Book"
    assert part["publisher"] == "Cambridge University Press"
    assert part["editor"] == [{"family": "Smith", "given": "Ann"}]
    assert dated["issued"] == {"date-parts": [[1950, 6, 25]]}


@pytest.mark.parametrize(
    ("entry", "csl_type"),
    [
        ("@inreference{x, title = {Entry}, booktitle = {Encyclopedia}}", "entry-encyclopedia"),
        ("@collection{x, title = {Essays}, editor = {Ed, A}}", "book"),
        ("@booklet{x, title = {Leaflet}}", "pamphlet"),
        ("@manual{x, title = {Guide}}", "book"),
        ("@video{x, title = {Film}}", "motion_picture"),
        ("@letter{x, title = {To Kim}, author = {Stalin, Joseph}}", "personal_communication"),
        ("@thesis{x, title = {T}, type = {phdthesis}, institution = {U}}", "thesis"),
        ("@online{x, title = {Page}, url = {https://example.org}}", "webpage"),
        (
            "@article{x, title = {T}, journaltitle = {M}, entrysubtype = {magazine}}",
            "article-magazine",
        ),
        (
            "@article{x, title = {T}, journaltitle = {N}, entrysubtype = {newspaper}}",
            "article-newspaper",
        ),
        ("@article{x, title = {T}, journaltitle = {J}}", "article-journal"),
    ],
)
def test_biblatex_types_map_as_pandoc_maps_them(entry, csl_type):
    (item,) = read_bibtex_text(entry).items
    assert item["type"] == csl_type


def test_thesis_type_becomes_the_genre():
    (item,) = read_bibtex_text(
        "@thesis{x, title = {T}, type = {phdthesis}, institution = {U}}"
    ).items
    assert item["genre"] == "PhD thesis" and item["publisher"] == "U"


def test_markup_the_engine_cannot_print_is_reduced_to_text():
    (item,) = read_bibtex_text(
        "@book{x, title = {\\textbf{Bold} \\textsc{Caps} H\\textsubscript{2}O \\emph{Italic}}, "
        "langid = {german}}"
    ).items
    assert item["title"] == "Bold Caps H2O <i>Italic</i>"


def test_tex_math_is_rendered_as_text_and_money_left_alone():
    (item,) = read_bibtex_text(
        "@book{x, title = {H$_2$O and $x^{2}$ for \\$5 and \\$6}, langid = {german}}"
    ).items
    assert item["title"] == "H₂O and x² for $5 and $6"


def test_a_broken_entry_is_left_out_and_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(
        "@book{good, title = {Fine}}\n@book{bad key, title = {Broken}}\n"
        "@book{also, title = {Ok}}\n",
        encoding="utf-8",
    )
    result = read_bibtex(path)
    assert [item["id"] for item in result.items] == ["good", "also"]
    (problem,) = result.problems
    assert problem.startswith("line 2:") and "@book{bad key" in problem


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("no entries here at all", "holds no BibTeX entries"),
        ("@book{", "no BibTeX entry could be read"),
        (b"@book{x, title = {caf\xe9}}", "not UTF-8"),
        ("", "holds no BibTeX entries"),
    ],
)
def test_unreadable_bib_files_get_a_message(tmp_path, content, message):
    path = tmp_path / "refs.bib"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=message):
        read_bibtex(path)


def test_dot_bibtex_files_use_pandocs_bibtex_reader(tmp_path):
    path = tmp_path / "refs.bibtex"
    path.write_text("@article{x, author = {Roe, Bo}, title = {T}, journal = {J}, year = 2000}")
    export = read_export(path)
    assert export.kind == "bibtex" and export.items[0]["container-title"] == "J"


def test_better_bibtex_names_particles_suffixes_and_institutions():
    path = FIXTURES / "better-bibtex" / "(non-)dropping particle handling #313.biblatex.bib"
    items = {item["id"]: item for item in read_bibtex(path).items}
    assert items["name_FormattingOfParticles"]["author"] == [
        {"family": "Meer", "given": "Gerard", "non-dropping-particle": "van der"}
    ]
    assert items["bennett_citations_2013"]["author"] == [
        {"family": "Bennett", "given": "Frank G.", "suffix": "Jr."}
    ]
    assert items["bugreports_DemoPageFullCiteCruftOnSubsequent"]["author"] == [
        {"literal": "U.S. Bureau of the Census"}
    ]
    assert items["bugreports_AsmJournals"]["title"] == "Bugreports_AsmJournals"
    engine = ChicagoEngine(items)
    note = engine.full_note(Citation("name_ParseNames", "5")).text
    assert note.startswith("Eric van der Vlist and Vincent van Gogh, ")
