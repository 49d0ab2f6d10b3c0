"""Build a large benchmark corpus from the bundled one (used by bench_search.py).

Each copy keeps the shape of its original (headings, numbered and superscript notes, front
matter) but shuffles the order of paragraphs within each document and swaps about one word in
twenty for another word of the corpus, so copies are not identical and the term statistics
stay those of real prose.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

WORD = re.compile(r"[A-Za-z]{4,}")


def build_corpus(source_dir: Path, target_dir: Path, min_words: int, seed: int = 1950) -> int:
    """Write copies of the corpus into target_dir until it holds min_words; returns words."""
    rng = random.Random(seed)
    target_dir.mkdir(parents=True, exist_ok=True)
    originals = sorted(source_dir.glob("*.md"))
    texts = {path.stem: path.read_text(encoding="utf-8") for path in originals}
    vocabulary = sorted({w for text in texts.values() for w in WORD.findall(text)})
    items = {item["id"]: item for item in json.loads((source_dir / "sources.json").read_text())}
    words = 0
    copy = 0
    new_items = []
    while words < min_words:
        for stem, text in texts.items():
            new_id = stem if copy == 0 else f"{stem}-copy{copy:03d}"
            if copy == 0:
                out = text
            else:
                paragraphs = re.split(r"\n[ \t]*\n", text)
                head, body = paragraphs[:8], paragraphs[8:]
                # Shuffle runs of paragraphs, not single ones, so notes stay near their text.
                runs = [body[i : i + 6] for i in range(0, len(body), 6)]
                rng.shuffle(runs)
                body = [p for run in runs for p in run]

                def swap(match: re.Match[str]) -> str:
                    return rng.choice(vocabulary) if rng.random() < 0.05 else match.group(0)

                out = "\n\n".join(head + [WORD.sub(swap, p) for p in body])
            (target_dir / f"{new_id}.md").write_text(out, encoding="utf-8")
            item = dict(items.get(stem, {"type": "document"}))
            item["id"] = new_id
            new_items.append(item)
            words += len(out.split())
        copy += 1
    (target_dir / "sources.json").write_text(json.dumps(new_items, indent=1), encoding="utf-8")
    return words


def copy_bundled(source_dir: Path, target_dir: Path) -> int:
    shutil.copytree(source_dir, target_dir)
    for path in target_dir.iterdir():
        path.chmod(0o644)
    return sum(len(p.read_text(encoding="utf-8").split()) for p in target_dir.glob("*.md"))
