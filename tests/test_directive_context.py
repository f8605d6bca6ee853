"""The article-level gate: foreign news naming no state body holds no directive, a ministry's instruction does."""

from __future__ import annotations

from vnnews_nlp import extract_directives, parse_article
from vnnews_nlp.directives import DirectiveExtractor
from vnnews_nlp.directives.context import authority_share, expects_directives, off_topic_share

FOREIGN_NEWS = (
    "Căng thẳng Nhật - Hàn leo thang\n\n"
    "Quan hệ giữa Tokyo và Seoul đang trong giai đoạn căng thẳng nhất nhiều năm qua. Phía Hàn Quốc yêu cầu các công "
    "ty Nhật Bản phải bồi thường cho những người từng bị bắt làm lao động khổ sai trong chiến tranh. Tháng trước, Nhật "
    "Bản công bố lệnh hạn chế xuất khẩu một số hoá chất dùng trong sản xuất chất bán dẫn sang Hàn Quốc. Tokyo cho rằng "
    "họ phải siết chặt quản lý vì mất niềm tin trong quan hệ với Seoul. Phủ tổng thống Hàn Quốc lên án động thái này "
    "là hành động trả đũa. Ngoại trưởng hai nước dự kiến gặp nhau bên lề hội nghị ASEAN tại Bangkok vào tuần tới. Các "
    "nhà phân tích cho rằng Washington cần đóng vai trò trung gian để hai đồng minh hạ nhiệt. Giới doanh nghiệp Hàn "
    "Quốc lo ngại chuỗi cung ứng điện tử toàn cầu sẽ bị ảnh hưởng."
)
MINISTRY = (
    "Bộ Y tế chỉ đạo phòng dịch\n\n"
    "Bộ trưởng Bộ Y tế yêu cầu các sở y tế tăng cường giám sát dịch bệnh tại cửa khẩu. "
    "Các bệnh viện phải chuẩn bị đủ thuốc và trang thiết bị."
)


def test_foreign_news_naming_no_state_body_holds_no_directive():
    article = parse_article(FOREIGN_NEWS)
    assert authority_share(article) == 0.0 and off_topic_share(article) >= 0.5
    assert not expects_directives(article)
    assert extract_directives(FOREIGN_NEWS) == []
    # the clause units are still proposed (``yêu cầu``, ``phải`` …): only their probabilities are zero
    units = DirectiveExtractor(threshold=0.0).extract(FOREIGN_NEWS)
    assert units and all(d.confidence == 0.0 for d in units)


def test_an_instruction_of_a_ministry_keeps_its_directives():
    article = parse_article(MINISTRY)
    assert authority_share(article) > 0.1 and expects_directives(article)
    actions = [d.action for d in extract_directives(MINISTRY)]
    assert "tăng cường giám sát dịch bệnh tại cửa khẩu" in actions
