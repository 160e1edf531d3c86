"""Quotation-mark pairing (no spaCy model needed)."""

from pipelines.nlp.quotes.marks import find_quoted_spans


def _texts(text):
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


def test_straight_and_curly_double_quotes():
    text = 'He said "we will win," and she said “no way, not this year.”'
    assert _texts(text) == ['"we will win,"', "“no way, not this year.”"]


def test_guillemets_and_doubled_apostrophes():
    text = "Il a dit «nous gagnerons». ''This isn't reform,'' said Mr. Holtz."
    assert _texts(text) == ["«nous gagnerons»", "''This isn't reform,''"]


def test_nested_quotes_stay_inside_the_outer_quotation():
    text = '"He told me \'never again\' and I said “fine,” then left," she recalled.'
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end].endswith('left,"')


def test_apostrophes_are_not_single_quotes():
    text = "Clinton’s team didn’t say it. The ’90s rock ’n’ roll era ended."
    assert _texts(text) == []


def test_single_quote_quotation():
    text = "Voters are worried; it’s ‘in their heads,’ the pollster said."
    assert _texts(text) == ["‘in their heads,’"]


def test_multi_paragraph_quotation_shares_a_group():
    text = "He wrote:\n\n“The first part goes on.\n\n“The second part ends here.”\n\nAfter that, silence."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["“The first part goes on.", "“The second part ends here.”"]
    assert spans[0].continues and not spans[0].closed
    assert spans[0].group == spans[1].group


def test_unbalanced_mark_ends_with_its_paragraph():
    text = 'A stray "mark that never closes here\n\nNext paragraph has no marks.'
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == '"mark that never closes here'
    assert not spans[0].closed and not spans[0].continues


def test_separate_quotations_are_separate_groups():
    text = '"One two three," he said. "Four five six."'
    spans = find_quoted_spans(text)
    assert len(spans) == 2 and spans[0].group != spans[1].group


def test_pathological_input_is_linear_and_safe():
    text = ('"' * 5000) + ("’' “”«» " * 5000) + "\n" * 100 + ("word " * 20000)
    for span in find_quoted_spans(text):
        assert 0 <= span.start < span.end <= len(text)
