"""Benchmark: bringing a library in — a Zotero database, a .bib and a .ris of N items.

Cases, each timed over --repeat runs (median):
- read a Zotero 7 database of N items (built from Zotero's schema, as the tests build it);
- import it into an empty corpus; re-import it unchanged (the no-op every sync pays);
- read an N-entry .bib (the biblatex example database repeated) with Pandoc (this app) and,
  as the peer in the same run, with bibtexparser 2 when it is installed;
- read an N-record .ris with this app's reader (Zotero's tables) and, as the peer, rispy.

    .venv/bin/python benchmarks/bench_import.py [--items 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.library.zotero_db import ZoteroBuilder  # noqa: E402

from assistant.library.bibtex import read_bibtex  # noqa: E402
from assistant.library.corpus import Library  # noqa: E402
from assistant.library.importing import import_source  # noqa: E402
from assistant.library.ris import read_ris  # noqa: E402
from assistant.library.zotero import read_zotero  # noqa: E402

EXAMPLES = ROOT / "tests" / "library" / "fixtures" / "bib" / "biblatex-examples.bib"


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # Pandoc runs as a child
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _median(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (this process and its children)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), _cpu()
        function()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def build_zotero(folder: Path, count: int) -> Path:
    r = random.Random(5)
    z = ZoteroBuilder(folder / "Zotero")
    types = ["book", "journalArticle", "bookSection", "report", "thesis", "newspaperArticle"]
    for n in range(count):
        item_type = types[n % len(types)]
        fields = {"title": f"A study of the Korean War, part {n}", "date": f"{1950 + n % 60}"}
        if item_type == "journalArticle":
            fields.update(publicationTitle="Journal of Cold War Studies", volume=str(n % 30))
        creators = [
            {
                "creatorType": "author",
                "firstName": "Kathryn",
                "lastName": f"Author{r.randint(1, 900)}",
            }
        ]
        parent, _ = z.add_item(item_type, fields, creators)
        if n % 10 == 0:
            z.add_note(parent, f"<p>Reading note {n}.</p>")
    z.close()
    return folder / "Zotero"


def build_bib(folder: Path, count: int) -> Path:
    text = EXAMPLES.read_text(encoding="utf-8")
    strings = "\n".join(re.findall(r"^@string\{.*\}$", text, re.MULTILINE))
    body = re.sub(r"^@string\{.*\}$", "", text, flags=re.MULTILINE)
    entries = re.split(r"\n(?=@)", body)
    entries = [e for e in entries if e.strip().startswith("@") and "@set" not in e]
    out, n = [strings], 0
    while n < count:
        for entry in entries:
            if n >= count:
                break
            # Unique keys and crossrefs per copy.
            out.append(
                re.sub(r"(@\w+\{|crossref\s*=\s*\{)([^,}]+)", rf"\g<1>\g<2>-{n // 90}", entry)
            )
            n += 1
    path = folder / "big.bib"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def build_ris(folder: Path, count: int) -> Path:
    records = []
    for n in range(count):
        records.append(
            "TY  - JOUR\nAU  - Weathersby, Kathryn\nAU  - Zubok, Vladislav\n"
            f"TI  - Soviet aims {n}\n"
            f"T2  - Journal of Cold War Studies\nPY  - {1950 + n % 60}\nVL  - {n % 30}\n"
            "SP  - 12\nEP  - 40\nER  - \n"
        )
    path = folder / "big.ris"
    path.write_text("\n".join(records), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, str, tuple[float, float], int]] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        zotero = build_zotero(folder, args.items)
        rows.append(
            (
                "Zotero database",
                "read (this app)",
                _median(lambda: read_zotero(zotero), args.repeat),
                args.items,
            )
        )

        def fresh_import() -> None:
            corpus = folder / "corpus"
            shutil.rmtree(corpus, ignore_errors=True)
            corpus.mkdir()
            import_source(Library.open(corpus), zotero)

        rows.append(
            (
                "Zotero database",
                "import into an empty corpus",
                _median(fresh_import, args.repeat),
                args.items,
            )
        )
        library = Library.open(folder / "corpus")
        rows.append(
            (
                "Zotero database",
                "re-import, nothing changed",
                _median(lambda: import_source(library, zotero), args.repeat),
                args.items,
            )
        )
        bib = build_bib(folder, args.items)
        count = len(read_bibtex(bib).items)
        rows.append(
            (
                ".bib",
                "Pandoc reader (this app)",
                _median(lambda: read_bibtex(bib), args.repeat),
                count,
            )
        )
        try:
            import bibtexparser

            rows.append(
                (
                    ".bib",
                    "peer: bibtexparser 2 parse only",
                    _median(lambda: bibtexparser.parse_file(str(bib)), args.repeat),
                    count,
                )
            )
        except ImportError:
            pass
        ris = build_ris(folder, args.items)
        rows.append(
            (
                ".ris",
                "Zotero's tables (this app)",
                _median(lambda: read_ris(ris), args.repeat),
                args.items,
            )
        )
        try:
            import rispy

            text = ris.read_text(encoding="utf-8")
            rows.append(
                (".ris", "peer: rispy", _median(lambda: rispy.loads(text), args.repeat), args.items)
            )
        except ImportError:
            pass
    print("| source | reader | items | wall (s) | CPU (s) | items per CPU s |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for source, reader, (wall, cpu), count in rows:
        rate = count / cpu if cpu else float("inf")
        print(f"| {source} | {reader} | {count:,} | {wall:.2f} | {cpu:.2f} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
