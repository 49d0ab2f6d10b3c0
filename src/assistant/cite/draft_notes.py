"""The notes of a Pandoc Markdown draft, in order, as the engine's `Note`s.

Small and self-contained on purpose (the essay package has the full Markdown reader): it finds
footnote references `[^id]` with their `[^id]: ...` definitions, inline notes `^[...]`, and
bracketed citations in the body text, which in a note style become notes of their own, as pandoc
makes them. Everything it cannot use is reported, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.cite.model import Note
from assistant.cite.pandoc_syntax import (
    _skip_code,
    interleave_citations,
    matching_bracket,
    scan_citations,
)

__all__ = ["DraftNotes", "note_from_text", "read_draft_notes"]


@dataclass(slots=True)
class DraftNotes:
    notes: list[Note] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "line N: message", in text order


_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?(.*)$")
_FENCE = re.compile(r"^(```|~~~)")
_BARE_KEY = re.compile(r"(?<![\w@\[-])-?@(\w+(?:[:.#$%&\-+?<>~/]+\w+)*)")


def note_from_text(text: str, problems: list[str] | None = None, *, line: int = 1) -> Note:
    """A note's Markdown text as segments: commentary strings and citation groups."""
    groups, issues = scan_citations(text)
    if problems is not None:
        for issue in issues:
            problems.append(f"line {line + text.count(chr(10), 0, issue.offset)}: {issue.message}")
    segments = interleave_citations(text, groups)
    # A note that is only "[@a, 4]." keeps its period in the commentary; the engine adds one
    # anyway, so drop a lone trailing period to avoid "4.." style doubles.
    if len(segments) >= 2 and isinstance(segments[-2], tuple) and segments[-1].strip() == ".":
        segments.pop()
    return Note(tuple(segments))


def _blank_code(text: str) -> str:
    """The text with fenced code blocks and inline code spans blanked (same length)."""
    out = list(text)
    lines = text.split("\n")
    offset = 0
    fence: str | None = None
    for line_text in lines:
        stripped = line_text.lstrip()
        marker = _FENCE.match(stripped)
        if fence is None and marker:
            fence = marker.group(1)
            out[offset : offset + len(line_text)] = " " * len(line_text)
        elif fence is not None:
            out[offset : offset + len(line_text)] = " " * len(line_text)
            if stripped.startswith(fence):
                fence = None
        offset += len(line_text) + 1
    blanked = "".join(out)
    i = 0
    result = list(blanked)
    while i < len(blanked):
        if blanked[i] == "`":
            end = _skip_code(blanked, i)
            if end > i + 1 and blanked[end - 1] == "`":
                result[i:end] = " " * (end - i)
            i = max(end, i + 1)
        else:
            i += 1
    return "".join(result)


def _strip_front_matter(text: str) -> str:
    """YAML front matter becomes blank lines, so line numbers stay true."""
    if not text.startswith("---\n"):
        return text
    end = re.search(r"^(---|\.\.\.)\s*$", text[4:], re.M)
    if not end:
        return text
    stop = 4 + end.end()
    return "\n" * text.count("\n", 0, stop) + text[stop:]


def read_draft_notes(text: str, known_ids: set[str] | None = None) -> DraftNotes:
    """Every note of a draft in reading order.

    `known_ids`, when given, lets the reader flag `@key` written outside brackets (pandoc's
    author-in-text form, which this reader does not turn into a note) instead of ignoring it.
    """
    result = DraftNotes()
    text = _strip_front_matter(text.replace("\r\n", "\n"))

    # 1. Footnote definitions: lifted out of the body (with their indented continuation lines).
    definitions: dict[str, tuple[str, int]] = {}
    body_lines: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = _DEFINITION.match(lines[index])
        if not match:
            body_lines.append(lines[index])
            index += 1
            continue
        label, first = match.group(1), match.group(2)
        start_line = index + 1
        content = [first]
        body_lines.append("")
        index += 1
        while index < len(lines) and (
            lines[index].startswith(("    ", "\t"))
            or (
                not lines[index].strip()
                and index + 1 < len(lines)
                and lines[index + 1].startswith(("    ", "\t"))
            )
        ):
            content.append(lines[index].strip())
            body_lines.append("")
            index += 1
        if label in definitions:
            result.problems.append(
                f"line {start_line}: footnote [^{label}] is defined twice; the first is used"
            )
            continue
        definitions[label] = (" ".join(part for part in content if part).strip(), start_line)
    body = "\n".join(body_lines)
    scan = _blank_code(body)

    # 2. Walk the body: footnote references, inline notes and bracketed citations, in order.
    used: set[str] = set()
    i = 0
    while i < len(scan):
        ch = scan[i]
        line = scan.count("\n", 0, i) + 1
        if ch == "\\":
            i += 2
            continue
        if scan.startswith("^[", i):
            close = matching_bracket(scan, i + 1)
            if close == -1:
                result.problems.append(f"line {line}: inline note '^[' is never closed")
                i += 2
                continue
            result.notes.append(note_from_text(body[i + 2 : close], result.problems, line=line))
            i = close + 1
            continue
        if scan.startswith("[^", i):
            close = scan.find("]", i)
            label = scan[i + 2 : close] if close != -1 else ""
            if close == -1 or not label or any(c.isspace() for c in label):
                i += 2
                continue
            if label in definitions:
                content, def_line = definitions[label]
                if label in used:
                    result.problems.append(
                        f"line {line}: footnote [^{label}] is referenced again; pandoc repeats"
                        " the note"
                    )
                used.add(label)
                result.notes.append(note_from_text(content, result.problems, line=def_line))
            else:
                result.problems.append(
                    f"line {line}: footnote [^{label}] has no definition ([^{label}]: ...)"
                )
            i = close + 1
            continue
        if ch == "[":
            close = matching_bracket(scan, i)
            if close == -1:
                groups, issues = scan_citations(body[i:])
                for issue in issues[:1]:
                    result.problems.append(f"line {line}: {issue.message}")
                i += 1
                continue
            groups, issues = scan_citations(body[i : close + 1])
            if groups and groups[0][0] == 0 and groups[0][1] == close + 1 - i:
                # A citation in the body: pandoc's note styles turn it into a footnote.
                result.notes.append(Note((groups[0][2],)))
                i = close + 1
                continue
            for issue in issues:
                issue_line = line + body.count("\n", i, i + issue.offset)
                result.problems.append(f"line {issue_line}: {issue.message}")
            if issues:
                i = close + 1
                continue
            i += 1
            continue
        if ch == "@" and known_ids is not None:
            match = _BARE_KEY.match(scan, i - 1 if i and scan[i - 1] == "-" else i)
            if match and match.group(1) in known_ids and (i == 0 or not scan[i - 1].isalnum()):
                result.problems.append(
                    f"line {line}: @{match.group(1)} outside brackets is not turned into a note;"
                    f" write [@{match.group(1)}]"
                )
        i += 1

    for label, (_, def_line) in definitions.items():
        if label not in used:
            result.problems.append(f"line {def_line}: footnote [^{label}] is never referenced")
    return result
