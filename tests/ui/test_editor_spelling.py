"""Spelling as you type in the real window: marked with the spelling squiggle (not the
quotation mark), quotations and library words left alone, suggestions and add-to-dictionary
on right-click, the essay's language followed."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor

from assistant.check.spelling import personal_dictionary_path
from assistant.paths import user_data_dir


def _wait_ready(window, qtbot, language="en"):
    qtbot.waitUntil(
        lambda: bool(
            window.spelling.speller is not None
            and window.spelling.language() == language
            and window.spelling._library_words
        ),
        timeout=20000,
    )


def _marked(window) -> list[str]:
    """The words the page shows with the spelling squiggle."""
    found = []
    block = window.editor.document.begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            style = fmt_range.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                start = fmt_range.start
                found.append(block.text()[start : start + fmt_range.length])
        block = block.next()
    return found


def _type(window, qtbot, text: str) -> None:
    qtbot.keyClicks(window.editor.text_edit, text)


def test_unknown_words_are_marked_but_not_uncited_quotations_or_library_words(window, qtbot):
    _wait_ready(window, qtbot)
    _type(
        window,
        qtbot,
        'Shtykov recieved the telegram. Shen says "the speach mattered" and "so it went". ',
    )
    assert _marked(window) == ["recieved"]


def test_a_cited_quotation_is_spelt_in_its_sources_language(window, qtbot):
    """A Russian source's quotation, cited by a note, with the Russian dictionary (loaded when
    the quotation first needs it); an English source's with the English one."""
    import json
    from pathlib import Path

    from assistant.cite.model import Citation, Note
    from assistant.essay.model import NoteAnchor

    _wait_ready(window, qtbot)
    folders = [
        window.controller.library.corpus_dir,
        Path(__file__).resolve().parents[1] / "search/relevance/corpus",
    ]

    def sources():
        found = []
        for folder in folders:
            for item in json.loads((folder / "sources.json").read_text(encoding="utf-8")):
                text = (folder / f"{item['id']}.md").read_text(encoding="utf-8")
                found.append((item["id"], item, text))
        return found

    window.spelling.set_library(sources)
    qtbot.waitUntil(lambda: "molotov-ru" in window.spelling.quotations.languages, timeout=20000)
    text_edit = window.editor.text_edit
    text_edit.insertPlainText("Kim returned: “Ким Ир Сен приехал в Москву и полчил согласие”.")
    window.editor.insert_note(NoteAnchor(Note.of(Citation("molotov-ru", "12"))))
    text_edit.insertPlainText(" Shen says “the speach mattered”.")
    window.editor.insert_note(NoteAnchor(Note.of(Citation("shen-2000", "52"))))
    qtbot.waitUntil(lambda: "ru" in window.spelling.quotations.spellers, timeout=20000)
    qtbot.waitUntil(lambda: _marked(window) == ["полчил", "speach"], timeout=5000)
    # Resting the pointer on the word says which dictionary it was looked up in.
    cursor = QTextCursor(window.editor.document)
    cursor.setPosition(text_edit.toPlainText().index("полчил") + 2)
    point = text_edit.cursorRect(cursor).center()
    assert "Russian dictionary" in text_edit.hover_text(point.x(), point.y())
    # Right-click: Russian suggestions, and the word goes into the Russian word list.
    cursor = QTextCursor(window.editor.document)
    cursor.setPosition(text_edit.toPlainText().index("полчил") + 2)
    menu = text_edit.context_menu_at(text_edit.cursorRect(cursor).center())
    texts = [a.text() for a in menu.actions()]
    assert "получил" in texts
    add = next(a for a in menu.actions() if a.objectName() == "spellingAdd")
    assert add.text() == "Add “полчил” to the Russian dictionary"
    add.trigger()
    assert _marked(window) == ["speach"]
    words = personal_dictionary_path(user_data_dir(), "ru").read_text(encoding="utf-8")
    assert "полчил" in words.split()


def test_the_spelling_mark_is_the_squiggle_in_the_schemes_colour(window, qtbot):
    from PySide6.QtGui import QColor

    from assistant.ui import theme

    _wait_ready(window, qtbot)
    spelling = window.spelling.highlighter._format
    assert spelling.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert spelling.underlineColor() == QColor(theme.scheme().spelling)


def test_right_click_offers_suggestions_and_add_to_dictionary(window, qtbot):
    _wait_ready(window, qtbot)
    _type(window, qtbot, "Stalin recieved it.")
    text_edit = window.editor.text_edit
    cursor = QTextCursor(window.editor.document)
    cursor.setPosition(text_edit.toPlainText().index("recieved") + 2)
    point = text_edit.cursorRect(cursor).center()
    menu = text_edit.context_menu_at(point)
    texts = [a.text() for a in menu.actions()]
    assert "received" in texts
    assert "Add “recieved” to the dictionary" in texts
    next(a for a in menu.actions() if a.text() == "received").trigger()
    assert "Stalin received it." in text_edit.toPlainText()
    assert _marked(window) == []
    # Adding a word: no longer marked, and kept in the writer's word list.
    _type(window, qtbot, " Wenzhuoxi")
    assert _marked(window) == ["Wenzhuoxi"]
    cursor.setPosition(text_edit.toPlainText().index("Wenzhuoxi") + 1)
    menu = text_edit.context_menu_at(text_edit.cursorRect(cursor).center())
    next(a for a in menu.actions() if a.objectName() == "spellingAdd").trigger()
    assert _marked(window) == []
    words = personal_dictionary_path(user_data_dir(), "en").read_text(encoding="utf-8")
    assert "wenzhuoxi" in words.split()


def test_the_essays_language_is_used_and_saved(window, qtbot, tmp_path):
    _wait_ready(window, qtbot)
    window.set_essay_language("ru")
    _wait_ready(window, qtbot, "ru")
    window.editor.text_edit.insertPlainText("Сталин получил телеграму")
    assert _marked(window) == ["телеграму"]
    path = tmp_path / "ru.essay"
    assert window.session.save_essay(path)
    from assistant.essay.store import load_essay

    assert load_essay(path).language == "ru"
    assert window.actions.language_actions["ru"].isChecked()


def test_spelling_can_be_turned_off(window, qtbot):
    _wait_ready(window, qtbot)
    _type(window, qtbot, "mispeled")
    assert _marked(window) == ["mispeled"]
    window.actions.spell_check.setChecked(False)
    assert _marked(window) == []


def test_the_quote_checkers_finding_reaches_spelling(window, qtbot):
    """A quotation the checker finds word for word in another source than the cited one is
    spelt in that source's language: the window hands the finding over."""
    from assistant.essay.markdown import read_markdown

    quote = (
        "in light of the altered international situation, we agree with the proposal of the "
        "Koreans to move toward reunification"
    )
    draft = f"Stalin wrote “{quote}”.[@shuster-2019, 12]\n"
    window.editor.set_essay(read_markdown(draft).essay)
    with qtbot.waitSignal(window.check_pane.checkFinished, timeout=20000):
        window.check_draft()
    assert [p.kind for p in window.check_pane.problems][:1] == ["wrong-source"]
    assert window.spelling.quotations.found_in == {quote: "shen-2000"}


def test_a_block_quotation_is_spelt_in_the_language_of_its_note(qtbot):
    """Block quotation paragraphs are quoted words: spelt in the language of the source the
    note at their end cites, not in the essay's (and left alone without a note)."""
    from pathlib import Path

    from assistant.check.spelling import Speller, words_of
    from assistant.cite.model import Citation, Note
    from assistant.essay.model import NoteAnchor
    from assistant.ui.editor import DraftEditor
    from assistant.ui.editor.spelling import SpellHighlighter

    editor = DraftEditor()
    qtbot.addWidget(editor)
    highlighter = SpellHighlighter(editor.document)
    highlighter.speller = Speller.load("en")
    highlighter.quotations.languages = {"molotov-ru": "ru"}
    russian = Speller.load("ru")
    corpus = Path(__file__).resolve().parents[1] / "search/relevance/corpus"
    russian.add_known(words_of((corpus / "molotov-ru.md").read_text(encoding="utf-8")))
    highlighter.quotations.spellers = {"ru": russian}
    text = editor.text_edit
    text.insertPlainText("Shtykov reported:")
    text.textCursor().insertBlock()
    text.insertPlainText(
        "Посол Штыков регулярно сообщал в Москву о настроениях северокорейского руководтсва."
    )
    text.textCursor().insertBlock()
    text.insertPlainText("В шифртелеграмме от 19 января 1950 года он передал слова Ким Ир Сена.")
    cursor = text.textCursor()
    cursor.setPosition(len("Shtykov reported:") + 1)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.toggle_blockquote()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    text.setTextCursor(cursor)
    highlighter.rehighlight()

    class _Window:  # what _marked reads
        pass

    window = _Window()
    window.editor = editor
    assert _marked(window) == ["Shtykov"]  # no note yet: the quotation is left alone
    editor.insert_note(NoteAnchor(Note.of(Citation("molotov-ru", "3"))))
    highlighter.rehighlight()
    assert _marked(window) == ["Shtykov", "руководтсва"]


def test_a_note_ending_a_block_quotation_rechecks_its_first_paragraphs(window, qtbot):
    from assistant.cite.model import Citation, Note
    from assistant.essay.model import NoteAnchor

    _wait_ready(window, qtbot)
    text = window.editor.text_edit
    text.insertPlainText("the speach was short, and the")
    text.textCursor().insertBlock()
    text.insertPlainText("reply came soon.")
    cursor = text.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.toggle_blockquote()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    text.setTextCursor(cursor)
    assert _marked(window) == []  # quoted, and no note says from where
    window.editor.insert_note(NoteAnchor(Note.of(Citation("shen-2000", "52"))))
    assert _marked(window) == ["speach"]
