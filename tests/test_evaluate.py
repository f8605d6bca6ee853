"""Syllable-level ROUGE on hand-computed cases."""

import unicodedata

import pytest

from vnnews_nlp.evaluate import lcs_length, oracle, rouge, rouge_n, syllables


def test_syllables_are_nfc_lowercase_without_punctuation():
    decomposed = unicodedata.normalize("NFD", "“Dân vận KHÉO”, năm 2022!")
    assert syllables(decomposed) == ["dân", "vận", "khéo", "năm", "2022"]
    assert syllables("...") == []


def test_syllables_outside_the_basic_plane_keep_letters_and_drop_punctuation():
    # U+10100 AEGEAN WORD SEPARATOR LINE is punctuation (Po); an emoji (So) and a math letter are kept
    assert syllables("Hà\U00010100Nội 😀 𝐀x, «Đà» — ‘Nẵng’") == ["hà", "nội", "😀", "𝐀x", "đà", "nẵng"]


def test_rouge_by_hand():
    # candidate: hội nghị tổng kết phong trào (6); reference: tỉnh tổng kết phong trào thi đua (7)
    # unigrams in common: tổng kết phong trào = 4 → P 4/6, R 4/7, F1 = 8/13
    # bigrams in common: tổng kết, kết phong, phong trào = 3 of 5 and 6 → F1 = 6/11
    # LCS = 4 → F1 = 8/13
    score = rouge("Hội nghị tổng kết phong trào.", "Tỉnh tổng kết phong trào thi đua")
    assert score.rouge1 == pytest.approx(8 / 13)
    assert score.rouge2 == pytest.approx(6 / 11)
    assert score.rougeL == pytest.approx(8 / 13)


def test_counts_are_clipped_and_order_matters_only_for_bigrams_and_lcs():
    # "dân dân dân" vs "dân vận": one "dân" matches → P 1/3, R 1/2 → F1 0.4
    assert rouge_n(["dân", "dân", "dân"], ["dân", "vận"], 1) == pytest.approx(0.4)
    shuffled = rouge("khéo vận dân", "dân vận khéo")
    assert shuffled.rouge1 == pytest.approx(1.0)
    assert shuffled.rouge2 == 0.0
    assert shuffled.rougeL == pytest.approx(1 / 3)
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4


def test_empty_sides_score_zero():
    assert rouge("", "Hội nghị") == rouge("Hội nghị", "") == rouge("", "")
    assert rouge("", "Hội nghị").rouge1 == 0.0


def test_oracle_picks_the_sentences_that_cover_the_reference_in_document_order():
    sentences = [
        "Chiều 19/1, tỉnh tổ chức hội nghị tổng kết phong trào Dân vận khéo.",
        "Trời mưa to suốt buổi chiều.",
        "Phó Bí thư đề nghị các địa phương tiếp tục nhân rộng mô hình.",
        "Hội nghị diễn ra trong 1 buổi.",
    ]
    reference = "Tỉnh tổng kết phong trào Dân vận khéo; Phó Bí thư đề nghị tiếp tục nhân rộng mô hình"
    assert oracle(sentences, reference) == [0, 2]
    assert oracle(sentences, reference, max_sentences=1) in ([0], [2])
    assert oracle([], reference) == []
