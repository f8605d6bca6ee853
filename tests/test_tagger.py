"""Topic tags of the default taxonomy on real Vietnamese articles."""

from __future__ import annotations

import pytest

from vnnews_nlp import EmptyTextError, parse_article
from vnnews_nlp.topics.tagger import Tag, TopicTagger, tag

TAGGER = TopicTagger()
POLICY = "Chủ trương - Chính sách"

MATCH_REPORT = (
    "U23 Việt Nam thắng đậm Myanmar\n\n"
    "Tối 12/6, U23 Việt Nam đánh bại U23 Myanmar 3-0 ở lượt trận thứ hai vòng bảng giải bóng đá U23 Đông Nam Á. "
    "Tiền đạo Văn Tùng mở tỷ số ở phút 20, Văn Khang và Tuấn Hải ghi thêm hai bàn trong hiệp hai. "
    "Huấn luyện viên cho biết các cầu thủ đã chơi đúng chiến thuật."
)
CRIME_REPORT = (
    "Bắt giữ đối tượng trộm cắp tài sản\n\n"
    "Công an quận Hoàng Mai vừa khởi tố vụ án, bắt tạm giam đối tượng Nguyễn Văn A về hành vi trộm cắp tài sản. "
    "Theo cơ quan điều tra, đối tượng đã đột nhập nhiều cửa hàng điện thoại và lấy đi tài sản trị giá hơn 300 triệu đồng. "
    "Vụ án đang được mở rộng điều tra."
)


def test_sample_is_policy_then_politics(sample_text: str) -> None:
    tags = TAGGER.tag(sample_text)
    assert tags[0].label == POLICY
    assert "Chính trị" in [t.label for t in tags[1:]]


def test_sample_without_its_topic_line(sample_text: str) -> None:
    article = parse_article(sample_text)
    assert article.source_category == POLICY
    line = next(b for b in article.boilerplate if b.role == "topic_line")
    stripped = sample_text[: line.start] + sample_text[line.end :]
    assert parse_article(stripped).source_category is None
    tags = TAGGER.tag(stripped)
    assert tags[0].label == POLICY
    assert "Chính trị" in [t.label for t in tags[1:]]


def test_other_sections() -> None:
    assert tag(MATCH_REPORT)[0].label == "Thể thao"
    assert tag(CRIME_REPORT)[0].label == "Pháp luật"


def test_scores_top_k_and_determinism(sample_text: str) -> None:
    tags = TAGGER.tag(sample_text, top_k=5)
    assert len(tags) == 5 and all(isinstance(t, Tag) for t in tags)
    assert [t.score for t in tags[1:]] == sorted((t.score for t in tags[1:]), reverse=True)
    assert all(0.0 <= t.score <= 1.0 for t in tags)
    assert len({t.label for t in tags}) == 5
    assert TAGGER.tag(sample_text, top_k=5) == tags
    primary, applies = TAGGER.scores(parse_article(sample_text))
    assert primary.shape == applies.shape == (14,) and abs(primary.sum() - 1) < 1e-6


def test_bad_input() -> None:
    with pytest.raises(EmptyTextError):
        tag("   ")
    with pytest.raises(TypeError):
        tag(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        tag(MATCH_REPORT, top_k=0)
