"""`assistant notes DRAFT.md --bibliography FILE.json [--format text|html] [--ibid]`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.paths import bundled_corpus_dir

DRAFT = """\
# Stalin and Korea

Stalin changed course in early 1950.[^1] Most historians agree [see @zubok-pleshakov-1996, 62-64].
The telegram^[Quoted in [@shen-2000, 52], with *emphasis* added.] arrived in May.

[^1]: [@shen-2000, 44-68]; but compare [@zubok-pleshakov-1996, 55].

Later [@shen-2000, 52] and [@shuster-2019, chap. 3].
"""


@pytest.fixture
def bibliography(tmp_path: Path) -> Path:
    target = tmp_path / "sources.json"
    shutil.copy(bundled_corpus_dir() / "sources.json", target)
    return target


def _run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], draft: str, *args: str
) -> tuple[int, str, str]:
    path = tmp_path / "draft.md"
    path.write_text(draft, encoding="utf-8")
    code = main(["notes", str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output(
    tmp_path: Path, bibliography: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(tmp_path, capsys, DRAFT, "--bibliography", str(bibliography))
    assert code == 0
    assert err == ""
    assert out.splitlines() == [
        "1. Shen Zhihua, “Sino-Soviet Relations and the Origins of the Korean War: Stalin’s"
        " Strategic Goals in the Far East,” Journal of Cold War Studies 2, no. 2 (2000): 44–68;"
        # A citation inside the note's prose is parenthesised, its parentheses bracketed
        # (CMOS 6.101, 14.35; as Pandoc does it).
        " but compare (Vladislav Zubok and Constantine Pleshakov, Inside the Kremlin’s Cold War:"
        " From Stalin to Khrushchev [Harvard University Press, 1996], 55).",
        "2. See Zubok and Pleshakov, Inside the Kremlin’s Cold War, 62–64.",
        "3. Quoted in (Shen, “Sino-Soviet Relations,” 52), with emphasis added.",
        "4. Shen, “Sino-Soviet Relations,” 52.",
        "5. Jacob Shuster, “Stalin’s Foreign Policy ‘Shift’: Cautious Expansionism, USSR-DPRK"
        " Relations 1945–1950 and the Origins of the Korean War” (major research paper,"
        " University of Windsor, 2019), chap. 3, https://scholar.uwindsor.ca/major-papers/103.",
        "Bibliography",
        "Shen Zhihua. “Sino-Soviet Relations and the Origins of the Korean War: Stalin’s Strategic"
        " Goals in the Far East.” Journal of Cold War Studies 2, no. 2 (2000): 44–68.",
        "Shuster, Jacob. “Stalin’s Foreign Policy ‘Shift’: Cautious Expansionism, USSR-DPRK"
        " Relations 1945–1950 and the Origins of the Korean War.” Major research paper,"
        " University of Windsor, 2019. https://scholar.uwindsor.ca/major-papers/103.",
        "Zubok, Vladislav, and Constantine Pleshakov. Inside the Kremlin’s Cold War: From Stalin"
        " to Khrushchev. Harvard University Press, 1996.",
    ]


def test_html_and_ibid(
    tmp_path: Path, bibliography: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = "A.[@shen-2000, 52] B.[@shen-2000, 53] C.[@shen-2000, 53]\n"
    code, out, _ = _run(
        tmp_path, capsys, draft, "--bibliography", str(bibliography), "--format", "html", "--ibid"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("<i>Journal of Cold War Studies</i> 2, no. 2 (2000): 52.")
    # The same page again is plain "Ibid." (CMOS 14.34).
    assert lines[1:4] == ["2. Ibid., 53.", "3. Ibid.", "Bibliography"]
    assert "<i>Journal of Cold War Studies</i>" in lines[4]


def test_only_cited_sources_are_listed(
    tmp_path: Path, bibliography: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        tmp_path, capsys, "One.[@shuster-2019, 4]\n", "--bibliography", str(bibliography)
    )
    assert code == 0
    assert out.splitlines()[-2:] == ["Bibliography", out.splitlines()[-1]]
    assert out.splitlines()[-1].startswith("Shuster, Jacob.")


def test_unknown_ids_and_syntax_problems_are_reported_not_dropped(
    tmp_path: Path, bibliography: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = "A [@ghost, 4]. B [@shen-2000, 5; oops]. C [@shuster-2019, 12\n"
    code, out, err = _run(tmp_path, capsys, draft, "--bibliography", str(bibliography))
    assert code == 0
    assert out.splitlines()[0] == "1. [unknown source: ghost], 4."
    assert "[unknown source: ghost]" in out.splitlines()
    assert "note 1: no source with id 'ghost' in the bibliography" in err
    assert "line 1: '[@shen-2000, 5; oops]' is not a citation" in err
    assert "line 1: unclosed citation bracket '[@shuster-2019, 12'" in err


def test_draft_without_notes(
    tmp_path: Path, bibliography: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(tmp_path, capsys, "Just prose.\n", "--bibliography", str(bibliography))
    assert code == 0
    assert out == "Bibliography\n"
    assert "no notes or citations found" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON (line 1, column 2"),
        ('{"id": "x"}', "holds a JSON dict; expected a CSL-JSON array"),
        ('[{"type": "book"}]', "item 1 has no 'id'"),
        ('[{"id": "a"}, {"id": "a"}]', "id 'a' appears twice"),
    ],
)
def test_bad_bibliography_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    bib = tmp_path / "bad.json"
    bib.write_text(content, encoding="utf-8")
    code, out, err = _run(tmp_path, capsys, "A [@a].\n", "--bibliography", str(bib))
    assert code == 2
    assert out == ""
    assert message in err
    assert bib.read_text(encoding="utf-8") == content  # never rewritten


def test_missing_files(
    tmp_path: Path, bibliography: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", str(tmp_path / "nope.md"), "--bibliography", str(bibliography)]) == 2
    assert "draft not found" in capsys.readouterr().err
    draft = tmp_path / "d.md"
    draft.write_text("x", encoding="utf-8")
    assert main(["notes", str(draft), "--bibliography", str(tmp_path / "none.json")]) == 2
    assert "bibliography file not found" in capsys.readouterr().err


def test_items_wrapper_object_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = json.loads((bundled_corpus_dir() / "sources.json").read_text(encoding="utf-8"))
    bib = tmp_path / "wrapped.json"
    bib.write_text(json.dumps({"items": items}), encoding="utf-8")
    code, out, _ = _run(tmp_path, capsys, "A [@shen-2000, 3].\n", "--bibliography", str(bib))
    assert code == 0
    assert out.startswith("1. Shen Zhihua,")


def test_bibtex_bibliography(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{gaddis1997,\n  author = {Gaddis, John Lewis},\n  title = {We Now Know},\n"
        "  publisher = {Oxford University Press},\n  year = {1997}\n}\n",
        encoding="utf-8",
    )
    code, out, err = _run(tmp_path, capsys, "A [@gaddis1997, 12].\n", "--bibliography", str(bib))
    assert code == 0, err
    assert out.splitlines() == [
        "1. John Lewis Gaddis, We Now Know (Oxford University Press, 1997), 12.",
        "Bibliography",
        "Gaddis, John Lewis. We Now Know. Oxford University Press, 1997.",
    ]


def test_missing_bibtex_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(tmp_path, capsys, "A.\n", "--bibliography", str(tmp_path / "none.bib"))
    assert code == 2
    assert "bibliography file not found" in err
