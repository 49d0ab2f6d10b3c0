"""Property: any essay survives essay -> editor document -> essay unchanged (in normal form)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, Inline, NoteAnchor, PassageLink, Span
from assistant.ui.editor.convert import document_to_essay, essay_to_document
from assistant.ui.editor.document import DraftDocument

# Text the editor keeps as typed: printable characters, spaces, "\n" as a manual line break.
# (Tabs and U+FFFC are not essay text; paragraph separators are block boundaries.)
_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        blacklist_characters="\ufffc\u2028\u2029",
    )
    | st.just("\n"),
    min_size=1,
    max_size=12,
)
_citation = st.builds(
    Citation,
    item_id=st.sampled_from(["shen-2000", "shuster-2019", "zubok-pleshakov-1996", "lost-1"]),
    locator=st.sampled_from(["", "52", "33–35", "iv"]),
    prefix=st.sampled_from(["", "see"]),
)
_note = st.one_of(
    st.builds(lambda cs: Note((tuple(cs),)), st.lists(_citation, min_size=1, max_size=3)),
    st.builds(lambda c, t: Note((t, (c,), ".")), _citation, st.sampled_from(["On this, ", "Cf. "])),
)
_anchor = st.builds(
    NoteAnchor,
    note=_note,
    passage=st.one_of(st.none(), st.builds(PassageLink, st.just("shen-2000"), st.integers(0, 99))),
)
_span = st.builds(Span, _text, bold=st.booleans(), italic=st.booleans())
_block = st.one_of(
    st.builds(
        lambda inl, lv: Block("heading", inl, lv),
        st.lists(st.one_of(_span, _anchor), min_size=1, max_size=4),
        st.integers(1, 6),
    ),
    st.builds(
        lambda kind, inl: Block(kind, inl),
        st.sampled_from(["paragraph", "blockquote"]),
        st.lists(st.one_of(_span, _anchor), min_size=1, max_size=6),
    ),
)


def _normal(block: Block) -> Block | None:
    """What the editor is documented to keep: adjacent same-style spans merged, bold dropped
    in headings (it is the heading's style), and blocks without words or notes dropped."""
    inlines: list[Inline] = []
    for inline in block.inlines:
        if isinstance(inline, Span):
            bold = inline.bold and block.kind != "heading"
            last = inlines[-1] if inlines else None
            if isinstance(last, Span) and (last.bold, last.italic) == (bold, inline.italic):
                inlines[-1] = Span(last.text + inline.text, last.bold, last.italic)
            else:
                inlines.append(Span(inline.text, bold, inline.italic))
        else:
            inlines.append(inline)
    keep = any(isinstance(i, NoteAnchor) or i.text.strip() for i in inlines)
    return Block(block.kind, inlines, block.level) if keep else None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_block, max_size=6))
def test_any_essay_round_trips_through_the_editor(qapp, blocks):
    essay = Essay(blocks=blocks)
    doc = DraftDocument()
    essay_to_document(essay, doc)
    back = document_to_essay(doc)
    expected = [b for b in (_normal(block) for block in blocks) if b is not None]
    assert back.blocks == expected
    assert [a.id for a in doc.anchors()] == [a.id for a in essay.anchors()]
