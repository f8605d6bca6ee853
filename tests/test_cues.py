"""Directive cue lookup: whole syllables, any case, the same answers as the bare patterns."""

from __future__ import annotations

import pytest

from vnnews_nlp.cues import (
    FUTURE_PATTERN,
    IMPERATIVE_PATTERN,
    MODAL_PATTERN,
    PAST_PATTERN,
    REQUEST_PATTERN,
    cue_hits,
)

SENTENCES = [
    "Phó Bí thư Thường trực Tỉnh ủy đề nghị các địa phương tiếp tục xây dựng mô hình “Dân vận khéo”.",
    "CHỦ TỊCH UBND TỈNH YÊU CẦU CÁC SỞ, NGÀNH KHẨN TRƯƠNG THỐNG KÊ THIỆT HẠI.",
    "Thời gian tới, các đơn vị cần tăng cường đối thoại với Nhân dân.",
    "Năm 2021, phong trào đã có hơn 2.000 mô hình được công nhận.",
    "Người dân nhận bàn giao nhà và đất theo quy định.",
    "Cần sa bị thu giữ tại hiện trường.",
    "ſắp tới, tỉnh sẽ tổ chức hội nghị.",  # long s: re.IGNORECASE equates it with s
    "Hội nghị diễn ra trong một buổi.",
    "Các nội dung trong phong trào đã bám sát yêu cầu thực tiễn và đáp ứng yêu cầu của Nhân dân.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_cue_hits_agree_with_the_patterns(text: str) -> None:
    hits = cue_hits(text)
    assert hits.request == (REQUEST_PATTERN.search(text) is not None)
    assert hits.modal == (MODAL_PATTERN.search(text) is not None)
    assert hits.imperative == (IMPERATIVE_PATTERN.search(text) is not None)
    assert hits.future == (FUTURE_PATTERN.search(text) is not None)
    assert hits.past == (PAST_PATTERN.search(text) is not None)


def test_cue_hits_on_real_sentences() -> None:
    assert cue_hits(SENTENCES[0]).request and cue_hits(SENTENCES[0]).directive_like
    assert cue_hits(SENTENCES[1]).request  # upper case
    assert cue_hits(SENTENCES[2]).modal and cue_hits(SENTENCES[2]).future
    assert cue_hits(SENTENCES[3]).past and not cue_hits(SENTENCES[3]).directive_like
    assert not cue_hits(SENTENCES[4]).request  # "bàn giao" is a handover, not a request
    assert not cue_hits(SENTENCES[5]).modal  # "cần sa" is cannabis
    assert cue_hits(SENTENCES[6]).future
    assert cue_hits(SENTENCES[7]) == cue_hits("hội nghị diễn ra trong một buổi")
    assert not cue_hits(SENTENCES[8]).request  # "bám sát yêu cầu", "đáp ứng yêu cầu": a requirement, no request
