"""The comma model's features, checked by hand on short Vietnamese sentences."""

import math

import pytest

from vnnews_nlp.directives.commas import COMMA_FEATURES, comma_features
from vnnews_nlp.directives.model import DirectiveModel
from vnnews_nlp.text.words import tag_words


def features_at(text: str, comma_before: str) -> dict[str, float]:
    comma = text.index(comma_before) + len(comma_before)
    assert text[comma] == ","
    values = comma_features(text, 0, len(text), tag_words(text), comma)
    assert len(values) == len(COMMA_FEATURES)
    return dict(zip(COMMA_FEATURES, values, strict=True))


def test_lengths_ends_and_one_hot_groups():
    f = features_at("Bộ Công an tăng cường kiểm tra, xử lý nghiêm vi phạm.", "kiểm tra")
    assert f["log_after_words"] == pytest.approx(math.log1p(5))  # xử lý nghiêm vi phạm
    assert f["log_before_words"] == pytest.approx(math.log1p(7))  # Bộ Công an tăng cường kiểm tra
    assert (f["short_after"], f["short_before"]) == (0.0, 0.0)
    assert (f["after_ends_sentence"], f["after_ends_semicolon"]) == (1.0, 0.0)
    assert (f["next_capitalised"], f["previous_chu_tri"], f["next_negation"]) == (0.0, 0.0, 0.0)
    tags = {"V", "N", "A", "R", "C", "E", "L", "M", "Np", "CH", "other"}
    for group in ("next", "second", "previous"):  # one part-of-speech tag each
        assert sum(v for k, v in f.items() if k.split("_", 1) in [[group, t] for t in tags]) == 1.0


def test_cue_words_around_the_comma():
    lead = features_at("Giao Sở Y tế chủ trì, phối hợp với các sở liên quan; không để dịch lây lan.", "chủ trì")
    assert lead["previous_chu_tri"] == 1.0
    assert lead["after_ends_semicolon"] == 1.0
    negation = features_at("Các địa phương tăng cường giám sát, không để dịch lây lan.", "giám sát")
    assert negation["next_negation"] == 1.0
    purpose = features_at("Các địa phương sửa chữa đê điều, tránh lãng phí.", "đê điều")
    assert purpose["next_elaboration"] == 1.0
    assert purpose["short_after"] == 1.0  # tránh lãng phí: three syllables


def test_the_shipped_comma_model_parts_a_list_of_actions_but_not_a_list_of_objects():
    segmenter = DirectiveModel.load().segmenter
    objects = "Các địa phương kiểm tra hệ thống đê, kè, cống, hồ, đập trên địa bàn."
    assert segmenter.opening(objects, 0, len(objects), tag_words(objects)) == set()
    actions = "Các địa phương tăng cường giám sát dịch bệnh tại cửa khẩu, không để dịch lây lan trong cộng đồng."
    cut = actions.index(", không")
    assert segmenter.opening(actions, 0, len(actions), tag_words(actions)) == {cut}
