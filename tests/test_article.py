"""The document model on the canonical sample and on other page layouts."""

import pytest
from conftest import TESTS

from vnnews_nlp import HTMLInputError, LanguageWarning, parse_article

SAMPLE_SENTENCES = (TESTS / "data" / "sample_sentences.txt").read_text(encoding="utf-8").splitlines()
HEADLINE = "Các mô hình “Dân vận khéo” cần hiệu quả, thiết thực với lợi ích của Nhân dân"


def all_spans(article):
    spans = list(article.blocks) + list(article.sentences)
    spans += [t for s in article.sentences for t in s.tokens]
    spans += [p.marker for p in article.paragraphs if p.marker is not None]
    spans += [s for s in (article.title, article.lead, article.source_mark, article.dateline) if s is not None]
    return spans


def test_sample_header_fields(sample_article):
    a = sample_article
    assert a.title.text == HEADLINE
    assert a.source_mark.text == "(Baohatinh.vn)"
    assert a.dateline.text == "Chiều 19/1"
    assert a.source_category == "Chủ trương - Chính sách"
    assert a.lead.text.startswith("(Baohatinh.vn) - Phó Bí thư Thường trực Tỉnh ủy Hà Tĩnh Trần Thế Dũng đề nghị")
    assert a.lead is a.paragraphs[0]


def test_sample_content_sentences_are_the_hand_checked_ones(sample_article):
    # The 19 content sentences: the hand-checked list without title, captions, topic line and tail,
    # and with the lead's source mark "(Baohatinh.vn) - " left out of its sentence.
    got = [s.text for s in sample_article.sentences]
    assert got[0] == SAMPLE_SENTENCES[1].removeprefix("(Baohatinh.vn) - ")
    assert all(s in SAMPLE_SENTENCES for s in got[1:])
    assert len(got) == 19
    assert got[15].startswith("Kết luận hội nghị, Phó Bí thư Thường trực Tỉnh ủy Trần Thế Dũng đề nghị")
    assert got[-1].endswith("tăng cường quản lý nhà nước về tôn giáo...")
    assert [s.index for s in sample_article.sentences] == list(range(19))


def test_sample_captions_include_the_repeated_headline_and_the_caption_after_it(sample_article):
    captions = [c.text for c in sample_article.captions]
    assert captions.count(HEADLINE) == 6
    assert "Hội nghị diễn ra trong 1 buổi." in captions
    assert "Phó Bí thư Thường trực Tỉnh ủy Trần Thế Dũng kết luận hội nghị." in captions
    assert len(captions) == 12
    assert not any(s.text in captions for s in sample_article.sentences)


def test_sample_read_more_tail_and_topic_line_are_set_aside(sample_article):
    roles = [(b.role, b.text[:30]) for b in sample_article.boilerplate]
    assert roles[0] == ("topic_line", "Chủ đề Chủ trương - Chính sách")
    assert roles[1] == ("related", "Đọc thêm")
    assert [r for r, _ in roles[2:]] == ["related"] * 3
    content = " ".join(s.text for s in sample_article.sentences)
    assert "Trần Cẩm Tú" not in content and "Tô Lâm" not in content


def test_every_span_round_trips_to_the_original_string(sample_article, sample_text):
    for span in all_spans(sample_article):
        assert sample_text[span.start : span.end] == span.text
        assert span.text.strip() == span.text and span.text
    starts = [s.start for s in sample_article.sentences]
    assert starts == sorted(starts)


def test_tokens_are_underthesea_words_with_offsets(sample_article, sample_text):
    sentence = sample_article.sentences[15]
    words = [t.text for t in sentence.tokens]
    assert words[:6] == ["Kết luận", "hội nghị", ",", "Phó", "Bí thư", "Thường trực"]
    assert "Trần Thế Dũng" in words
    assert all(sample_text[t.start : t.end] == t.text for t in sentence.tokens)
    assert sentence.tokens is sentence.tokens  # segmented once, then cached


def test_offsets_refer_to_the_original_even_when_normalisation_changes_lengths(sample_text):
    import unicodedata

    messy = unicodedata.normalize("NFD", sample_text).replace("\n", "\r\n").replace("Dân vận", "Dân\u200b  vận")
    a = parse_article(messy)
    assert len(a.sentences) == 19
    for span in all_spans(a):
        assert messy[span.start : span.end] == span.text
    assert unicodedata.normalize("NFC", a.dateline.text) == "Chiều 19/1"
    assert a.sentences[0].norm_text.startswith("Phó Bí thư Thường trực Tỉnh ủy Hà Tĩnh")


PAGE = """Bộ Y tế yêu cầu các địa phương tăng cường phòng chống dịch sốt xuất huyết
Trang chủ > Thời sự > Chủ trương - Chính sách
TTO - Ngày 5/7, Bộ Y tế có văn bản gửi UBND các tỉnh, thành phố về việc tăng cường phòng chống dịch sốt xuất huyết trong mùa mưa.
Theo Bộ Y tế, từ đầu năm đến nay cả nước ghi nhận hơn 40.000 ca mắc, tăng 20% so với cùng kỳ năm trước.
Lực lượng y tế phun hóa chất diệt muỗi tại một khu dân cư. Ảnh: Thu Hằng
Bộ Y tế đề nghị UBND các tỉnh, thành phố chỉ đạo các đơn vị:
- Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại các hộ gia đình;
- Giám sát chặt chẽ các ổ dịch, xử lý triệt để không để dịch lan rộng;
+ Bảo đảm đủ thuốc, vật tư, trang thiết bị cho công tác điều trị.
PGS.TS. Nguyễn Văn A, Cục trưởng Cục Y tế dự phòng, cho biết TP. Hồ Chí Minh và Hà Nội là hai địa phương có số ca mắc cao nhất.
Ngọc Mai
Chia sẻ Facebook Zalo
Tags: sốt xuất huyết, Bộ Y tế
Tin liên quan
Hà Nội ghi nhận thêm 500 ca mắc sốt xuất huyết trong tuần
"""


def test_a_page_without_blank_lines_with_bullets_byline_credit_share_breadcrumb_tags_and_related_tail():
    a = parse_article(PAGE)
    roles = [b.role for b in a.blocks]
    assert roles == [
        "title",
        "navigation",
        "lead",
        "body",
        "caption",
        "body",
        "list_item",
        "list_item",
        "list_item",
        "body",
        "byline",
        "share",
        "tags",
        "related",
        "related",
    ]
    assert a.source_mark.text == "TTO"
    assert a.dateline.text == "Ngày 5/7"
    assert a.lead.sentences[0].text.startswith("Ngày 5/7, Bộ Y tế có văn bản")
    items = [p for p in a.paragraphs if p.role == "list_item"]
    assert [p.marker.text for p in items] == ["-", "-", "+"]
    assert items[0].sentences[0].text == "Tổ chức chiến dịch diệt lăng quăng, bọ gậy tại các hộ gia đình;"
    last = a.paragraphs[-1].sentences
    assert len(last) == 1 and last[0].text.startswith("PGS.TS. Nguyễn Văn A")
    assert all("500 ca" not in s.text for s in a.sentences)


def test_soft_wrapped_lines_are_joined_into_one_paragraph():
    text = (
        "Hà Tĩnh triển khai nhiệm vụ năm 2022\n\n"
        "Phó Bí thư Thường trực Tỉnh ủy đề nghị các địa phương, đơn vị\n"
        "tiếp tục xây dựng các mô hình dân vận khéo\n"
        "và tăng cường đối thoại với Nhân dân.\n"
    )
    a = parse_article(text)
    assert len(a.paragraphs) == 1 and len(a.sentences) == 1
    assert a.sentences[0].text.endswith("tăng cường đối thoại với Nhân dân.")
    assert "\n" in a.sentences[0].text  # the original line breaks stay in the original text


def test_one_paragraph_without_title():
    a = parse_article("Hội nghị diễn ra trong 1 buổi. Các đại biểu đã thảo luận sôi nổi.")
    assert a.title is None
    assert [s.text for s in a.sentences] == ["Hội nghị diễn ra trong 1 buổi.", "Các đại biểu đã thảo luận sôi nổi."]
    b = parse_article("Hội nghị tổng kết\nNội dung chính của hội nghị.", has_title=False)
    assert b.title is None and len(b.sentences) == 2


def test_html_page_is_refused_with_a_pointer_to_from_html():
    html = "<!DOCTYPE html><html><body><p>Hội nghị tổng kết phong trào</p></body></html>"
    with pytest.raises(HTMLInputError, match="from_html"):
        parse_article(html)
    with pytest.raises(ValueError):
        parse_article("<div><p>Hội nghị</p><p>tổng kết</p><br/></div>")


def test_from_html_extracts_the_article_with_trafilatura(sample_text):
    pytest.importorskip("trafilatura")
    from vnnews_nlp import Article

    lines = [line for line in sample_text.splitlines() if line.strip()]
    paragraphs = "".join(f"<p>{line}</p>\n" for line in lines[1:30])
    html = (
        f"<html><head><title>{lines[0]}</title></head><body><nav><a href='/'>Trang chủ</a></nav>"
        f"<article><h1>{lines[0]}</h1>{paragraphs}</article><footer>Bản quyền thuộc Báo Hà Tĩnh</footer></body></html>"
    )
    a = Article.from_html(html)
    assert a.title.text == lines[0]
    assert any(s.text.startswith("Kết luận hội nghị, Phó Bí thư") for s in a.sentences)
    assert all(a.text[s.start : s.end] == s.text for s in a.sentences)


@pytest.mark.parametrize(
    "text",
    [
        "The Prime Minister asked all ministries and localities to speed up the disbursement of public investment.",
        "国务院总理要求各部委和地方加快公共投资支出进度，确保完成全年目标任务。",
        "Thu tuong yeu cau cac bo nganh va dia phuong day nhanh giai ngan von dau tu cong trong nam nay.",
    ],
)
def test_non_vietnamese_text_warns_and_is_parsed_best_effort(text):
    with pytest.warns(LanguageWarning):
        a = parse_article(text)
    assert not a.language.is_vietnamese
    assert a.sentences and a.text[a.sentences[0].start : a.sentences[0].end] == a.sentences[0].text


def test_to_dict_is_json_ready_and_carries_offsets(sample_article):
    import json

    data = json.loads(sample_article.to_json())
    assert data["source_category"] == "Chủ trương - Chính sách"
    first = data["paragraphs"][0]["sentences"][0]
    assert sample_article.text[first["start"] : first["end"]] == first["text"]
    assert {b["role"] for b in data["boilerplate"]} == {"topic_line", "related"}


def test_photo_captions_that_place_people_are_not_content():
    text = (
        "Thủ tướng hội kiến Chủ tịch Trung Quốc\n\n"
        "Thủ tướng Nguyễn Xuân Phúc (trái) hội kiến Chủ tịch Trung Quốc Tập Cận Bình tại Bắc Kinh hôm nay.\n\n"
        "Chiều 12/9, tại Bắc Kinh, Thủ tướng Nguyễn Xuân Phúc đã hội kiến Chủ tịch Trung Quốc Tập Cận Bình. "
        "Hai bên nhất trí tăng cường hợp tác kinh tế.\n\n"
        "Lễ đón Thủ tướng (thứ ba từ phải sang) tại sân bay.\n\n"
        "Thủ tướng đề nghị hai bên sớm ký kết các thỏa thuận đã đạt được. "
        "Ông Tập Cận Bình (phải) cho biết Trung Quốc coi trọng quan hệ với Việt Nam, "
        "và hai bên cần giữ gìn hòa bình ở Biển Đông."
    )
    a = parse_article(text)
    captions = [c.text for c in a.captions]
    assert captions == [
        "Thủ tướng Nguyễn Xuân Phúc (trái) hội kiến Chủ tịch Trung Quốc Tập Cận Bình tại Bắc Kinh hôm nay.",
        "Lễ đón Thủ tướng (thứ ba từ phải sang) tại sân bay.",
    ]
    # a paragraph of two sentences that names a side is prose, not a caption
    assert any(s.text.startswith("Ông Tập Cận Bình (phải) cho biết") for s in a.sentences)
    assert a.sentences[0].text.startswith("Chiều 12/9, tại Bắc Kinh")
