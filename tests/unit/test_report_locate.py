"""Line/column numbers and context snippets (copydesk.report.locate)."""

from copydesk.report.locate import TextIndex, snippet


def test_first_character_is_line_1_column_1():
    assert TextIndex("abc\ndef").position(0) == (1, 1)


def test_position_after_newline_starts_next_line():
    assert TextIndex("abc\ndef").position(4) == (2, 1)


def test_columns_count_characters_not_bytes():
    text = "Zürich “quoted” x"
    assert TextIndex(text).position(text.index("x")) == (1, 17)


def test_label_on_third_line():
    text = "one\n\nthree four"
    assert TextIndex(text).label(text.index("four")) == "3:7"


def test_offset_at_end_of_text_is_allowed():
    assert TextIndex("ab\n").position(3) == (2, 1)


def test_snippet_marks_the_span_within_its_line():
    text = "First line.\nUnion leaders said its too late.\nLast line."
    start = text.index("its")
    piece = snippet(text, start, start + 3)
    assert (piece.before, piece.marked, piece.after) == ("Union leaders said ", "its", " too late.")


def test_snippet_of_long_line_is_cut_with_ellipsis_and_keeps_span():
    text = "word " * 100 + "TARGET" + " word" * 100
    start = text.index("TARGET")
    piece = snippet(text, start, start + 6, width=60)
    assert piece.marked == "TARGET"
    assert piece.text.startswith("…") and piece.text.endswith("…")
    assert len(piece.text) <= 62


def test_snippet_of_span_across_lines_stays_on_one_line():
    text = "the end of\na sentence"
    piece = snippet(text, text.index("of"), text.index("a sentence") + 1)
    assert "\n" not in piece.text and piece.marked == "of a"
