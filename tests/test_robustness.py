"""analyze() on bad and odd input: a clear typed error or a documented result, never a crash."""

import unicodedata
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import news_like

from vnnews_nlp import (
    Analyzer,
    EmptyTextError,
    HTMLInputError,
    InvalidCharacterError,
    LanguageWarning,
    LegacyEncodingError,
    MojibakeWarning,
    TextTooLongError,
)
from vnnews_nlp.article import MAX_SENTENCE_WORDS

REPORT = (
    "UBND tỉnh họp bàn phòng chống hạn hán\n\n"
    "Sáng 3/4, UBND tỉnh tổ chức cuộc họp bàn giải pháp phòng chống hạn hán, xâm nhập mặn. "
    "Chủ tịch UBND tỉnh yêu cầu các sở, ngành và địa phương chủ động phương án cấp nước sinh hoạt cho người dân. "
    "Sở Nông nghiệp và Phát triển nông thôn phải hoàn thành việc nạo vét kênh mương trước ngày 30/4."
)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


def check_offsets(analysis):
    text = analysis.text
    for k in analysis.summary:
        assert 0 <= k.start < k.end <= len(text) and text[k.start : k.end] == k.text
    for d in analysis.directives:
        assert text[d.start : d.end] == d.action
        for m in (d.issuer, d.addressee, d.deadline, d.sentence):
            assert m is None or text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (None, TypeError, "must be str, not NoneType"),
        (REPORT.encode("utf-8"), TypeError, "decode it first"),
        (42, TypeError, "must be str, not int"),
        ("", EmptyTextError, "empty"),
        (" \n\t\u200b\u00a0 ", EmptyTextError, "empty"),
    ],
    ids=["None", "bytes", "int", "empty", "whitespace"],
)
def test_non_text_and_empty_input_get_a_typed_error(analyzer, value, error, message):
    with pytest.raises(error, match=message):
        analyzer.analyze(value)


def test_five_megabytes_are_refused_at_once_with_the_limit_named(analyzer):
    huge = (REPORT + "\n\n") * (5_000_000 // len(REPORT))
    with pytest.raises(TextTooLongError, match="limit of 200,000") as caught:
        analyzer.analyze(huge)
    assert caught.value.length == len(huge) and isinstance(caught.value, ValueError)


def test_a_long_web_page_is_judged_by_its_article_not_its_markup():
    pytest.importorskip("trafilatura")
    article = "<p>UBND tỉnh yêu cầu các huyện chủ động phương án cấp nước sinh hoạt cho người dân.</p>"
    page = f"<html><head><title>Chống hạn</title><style>{'x' * 300_000}</style></head><body><article>{article}"
    analysis = Analyzer(encoder=None, tagger=None).analyze(html=page + "</article></body></html>")
    assert analysis.directives[0].addressee.text == "các huyện"
    with pytest.raises(TextTooLongError, match="the HTML page has"):
        Analyzer(encoder=None, tagger=None, max_chars=10_000).analyze(html=page)


def test_unpaired_surrogates_are_refused_before_any_model_sees_them(analyzer):
    with pytest.raises(InvalidCharacterError, match="U\\+D800"):
        analyzer.analyze("Bộ Y tế đề nghị các địa phương \ud800 tăng cường phòng dịch.")


def test_a_caption_alone_gets_no_summary_no_directive_and_no_tag(analyzer):
    analysis = analyzer.analyze("Ảnh: TTXVN")
    assert (analysis.summary, analysis.directives, analysis.tags) == ([], [], [])


def test_an_html_page_passed_as_text_is_refused_with_the_way_out(analyzer):
    page = "<!DOCTYPE html><html><body><p>" + REPORT + "</p></body></html>"
    with pytest.raises(HTMLInputError, match="from_html"):
        analyzer.analyze(page)


def test_legacy_font_encoding_is_refused(analyzer):
    tcvn3 = "Héi nghÞ tæng kÕt c«ng t¸c n¨m 2021 cña tØnh. Chñ tÞch UBND tØnh ®Ò nghÞ c¸c së thùc hiÖn tèt."
    with pytest.raises(LegacyEncodingError):
        analyzer.analyze(tcvn3)


def test_mojibake_is_repaired_and_gives_the_clean_texts_analysis(analyzer):
    broken = REPORT.encode("utf-8").decode("cp1252", errors="replace")
    clean = analyzer.analyze(REPORT)
    with pytest.warns(MojibakeWarning, match="repaired"):  # a few bytes cp1252 cannot hold were lost
        repaired = analyzer.analyze(broken)
    assert repaired.article.normalized.repaired_mojibake
    assert [k.index for k in repaired.summary] == [k.index for k in clean.summary]
    assert len(repaired.directives) == len(clean.directives)
    check_offsets(repaired)


def test_nfd_text_gives_the_nfc_texts_analysis_with_offsets_into_the_nfd_string(analyzer):
    nfd = unicodedata.normalize("NFD", REPORT)
    assert nfd != REPORT
    a, b = analyzer.analyze(nfd), analyzer.analyze(REPORT)
    check_offsets(a)
    assert [unicodedata.normalize("NFC", d.action) for d in a.directives] == [d.action for d in b.directives]
    assert [t.label for t in a.tags] == [t.label for t in b.tags]


def test_zero_width_characters_do_not_change_the_result(analyzer):
    sprinkled = REPORT.replace("yêu cầu", "yêu\u200b cầu").replace("Sở Nông", "Sở\u200d Nông").replace(". ", ".\ufeff ")
    a, b = analyzer.analyze(sprinkled), analyzer.analyze(REPORT)
    check_offsets(a)
    visible = [d.addressee.text.replace("\u200d", "") if d.addressee else None for d in a.directives]
    assert visible == [d.addressee.text if d.addressee else None for d in b.directives]
    assert [k.index for k in a.summary] == [k.index for k in b.summary]


@pytest.mark.parametrize(
    "text",
    [
        "Ministry asks provinces to act\n\nThe Ministry of Health asked all provinces to act quickly. Hospitals must "
        "report every case by Friday.",
        "卫生部要求各省加强防控\n\n卫生部要求各省加强登革热防控工作。各地医院须每周报告病例。",
        "2021 2022 2023\n\n123 456 789 1.000 2.500",
    ],
    ids=["English", "Chinese", "numbers"],
)
def test_other_languages_and_numbers_warn_and_give_a_best_effort_result(analyzer, text):
    with pytest.warns(LanguageWarning):
        analysis = analyzer.analyze(text)
    check_offsets(analysis)
    assert analysis.summary  # every text with a sentence gets one back
    assert analysis.tags is not None and len(analysis.tags) >= 1


def test_a_3000_word_line_without_punctuation_is_cut_into_pieces(analyzer):
    words = ("ủy ban nhân dân tỉnh yêu cầu các sở ngành tăng cường kiểm tra việc thực hiện quy định " * 200).split()
    line = " ".join(words[:3000])
    analysis = analyzer.analyze(line)
    check_offsets(analysis)
    assert len(analysis.article.sentences) >= 3000 // MAX_SENTENCE_WORDS
    assert all(len(s.text.split()) <= MAX_SENTENCE_WORDS for s in analysis.article.sentences)
    assert analysis.summary and all(len(k.text.split()) <= MAX_SENTENCE_WORDS for k in analysis.summary)


lexical = Analyzer(encoder=None, tagger=None)


def analyze_or_none(analyzer, text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return analyzer.analyze(text)
        except (EmptyTextError, HTMLInputError, LegacyEncodingError):
            return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_lexical_analysis_of_news_like_text_has_valid_offsets_and_is_deterministic(text):
    first = analyze_or_none(lexical, text)
    if first is None:
        return
    check_offsets(first)
    assert analyze_or_none(lexical, text).to_dict() == first.to_dict()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=200))
def test_analysis_with_the_encoder_of_arbitrary_unicode_holds_its_offsets(text):
    analysis = analyze_or_none(Analyzer(), text)
    if analysis is not None:
        check_offsets(analysis)
        assert analyze_or_none(Analyzer(), text).to_dict() == analysis.to_dict()
