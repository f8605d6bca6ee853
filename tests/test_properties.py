"""Property tests: arbitrary Unicode never crashes the parser and offsets always hold."""

import unicodedata
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnnews_nlp import EmptyTextError, HTMLInputError, LegacyEncodingError, parse_article
from vnnews_nlp.text import normalize

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
news_like = st.lists(
    st.sampled_from(
        list(VIETNAMESE + VIETNAMESE.upper()[:20] + "  \n\n.,;:!?…-–“”\"'()/0123456789")
        + [
            "\u0300",
            "\u0301",
            "\u0323",
            "\u200b",
            "\u00a0",
            "\r\n",
            "\t",
            "TP.",
            "Ảnh: ",
            "Đọc thêm\n",
            "- ",
            "Hoà ",
            "thuý ",
            "Chủ đề Kinh tế\n",
            "Chiều 19/1, ",
        ]
    ),
    max_size=150,
).map("".join)
EXPECTED = (EmptyTextError, HTMLInputError, LegacyEncodingError)


def parse_or_none(text):
    """The parsed article, or None when the text gets one of the documented errors; warnings ignored."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return parse_article(text)
        except EXPECTED:
            return None


def check_offsets(text, article):
    previous_end = 0
    for sentence in article.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.start >= previous_end
        previous_end = sentence.end
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip()
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode_parses_or_raises_a_documented_error(text):
    article = parse_or_none(text)
    if article is not None:
        check_offsets(text, article)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_text_offsets_hold_and_normalised_sentences_match_their_original(text):
    article = parse_or_none(text)
    if article is None:
        return
    check_offsets(text, article)
    for sentence in article.sentences:
        renormalised = normalize(sentence.text).text
        assert renormalised == sentence.norm_text.strip()


@settings(max_examples=100, deadline=None)
@given(news_like)
def test_parsing_is_deterministic(text):
    first = parse_or_none(text)
    if first is not None:
        assert parse_or_none(text).to_dict() == first.to_dict()


@given(st.text(alphabet=st.sampled_from(list(VIETNAMESE)), min_size=1, max_size=50))
def test_nfd_and_nfc_inputs_normalise_alike(text):
    assert normalize(unicodedata.normalize("NFD", text)).text == normalize(text).text


@settings(max_examples=200, deadline=None)
@given(news_like, st.integers(min_value=1, max_value=12))
def test_long_sentence_cutting_keeps_pieces_short_ordered_and_inside_the_text(text, max_words):
    from vnnews_nlp.text import split_sentences

    previous = 0
    for start, end in split_sentences(text, max_words=max_words):
        assert previous <= start < end <= len(text)
        assert len(text[start:end].split()) <= max_words
        previous = end
