"""Topic tags of the default taxonomy on real Vietnamese articles."""

from __future__ import annotations

import numpy as np
import pytest

from vnnews_nlp import EmptyTextError, parse_article
from vnnews_nlp.topics.tagger import Tag, TaggerModel, TopicTagger, ngram_scores, ngram_text, tag

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


DECREE_REPORT = (
    "Từ 1/1/2020, người đi xe máy có nồng độ cồn bị phạt tới 8 triệu đồng\n\n"
    "Chính phủ vừa ban hành Nghị định 100/2019/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông "
    "đường bộ và đường sắt, có hiệu lực từ ngày 1/1/2020. "
    "Theo nghị định, người điều khiển xe máy mà trong máu có nồng độ cồn vượt quá 80 miligam/100 mililít "
    "bị phạt tiền từ 6 triệu đồng đến 8 triệu đồng. "
    "Bộ Công an được giao chủ trì, phối hợp với các bộ, ngành và địa phương triển khai thực hiện nghị định."
)


def test_the_ngram_classifiers_are_part_of_the_evidence(sample_text: str) -> None:
    model = TAGGER.tagger_model
    assert [n.file for n in model.ngrams] == ["topics/mapped-ngrams.safetensors", "topics/dev-ngrams.safetensors"]
    features = TAGGER.features(parse_article(sample_text))
    assert features.shape == (len(model.stacker[0].names),)
    mapped, dev = TAGGER._classifiers()
    assert len(mapped.classes_) == len(model.source_labels) and len(dev.classes_) == len(model.labels)
    tail = features[-len(dev.classes_) :]
    assert dev.classes_[int(np.argmax(tail))] == POLICY  # the development-set classifier reads the sample as policy
    assert TaggerModel.from_dict(model.to_dict()).ngrams == model.ngrams


def test_a_new_decree_is_filed_as_policy() -> None:
    assert tag(DECREE_REPORT)[0].label == POLICY


def test_an_article_with_no_body_gets_zero_ngram_scores() -> None:
    article = parse_article("Ảnh: Đại biểu dự hội nghị tổng kết. (Ảnh: Thu Hà)")
    assert article.title is None and not article.sentences and ngram_text(article) == ""
    mapped, _ = TAGGER._classifiers()
    assert np.array_equal(ngram_scores(mapped, article, 100), np.zeros(len(mapped.classes_)))
