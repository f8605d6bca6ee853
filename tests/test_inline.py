"""Photo captions, credits and bylines glued into running text (a page scraped into one line)."""

import unicodedata

import pytest

from vnnews_nlp import parse_article
from vnnews_nlp.inline import content_pieces, inline_furniture

#: An article as some aggregators store it: title, then the whole body on one line, the page's photo
#: captions and credits between its sentences and the reporter's name at the end.
ONE_LINE = (
    "Thủ tướng chỉ đạo khắc phục hậu quả bão số 3\n\n"
    "Người dân Quảng Ninh dọn dẹp sau bão - Ảnh: Minh Hà Sáng 9/9, Thủ tướng Chính phủ đã chủ trì cuộc họp "
    "trực tuyến với các địa phương bị ảnh hưởng của bão số 3. Thủ tướng yêu cầu các bộ, ngành khẩn trương "
    "khôi phục hệ thống điện, nước trước ngày 15/9. Cây xanh đổ chắn ngang đường tại Hạ Long (Ảnh: TTXVN) "
    "Bộ Xây dựng được giao hướng dẫn các địa phương sửa chữa nhà ở cho người dân. "
    "Một góc phố Hải Phòng sau bão. Ảnh: Quang Huy. Theo báo cáo, bão đã làm 5 người chết và 40 người "
    "bị thương. Thu Hằng"
)


def test_captions_credits_and_byline_inside_a_one_line_body_are_not_sentences():
    article = parse_article(ONE_LINE)
    sentences = [s.text for s in article.sentences]
    assert sentences == [
        "Sáng 9/9, Thủ tướng Chính phủ đã chủ trì cuộc họp trực tuyến với các địa phương bị ảnh hưởng của bão số 3.",
        "Thủ tướng yêu cầu các bộ, ngành khẩn trương khôi phục hệ thống điện, nước trước ngày 15/9.",
        "Bộ Xây dựng được giao hướng dẫn các địa phương sửa chữa nhà ở cho người dân.",
        "Theo báo cáo, bão đã làm 5 người chết và 40 người bị thương.",
    ]
    assert [c.text for c in article.captions] == [
        "Người dân Quảng Ninh dọn dẹp sau bão - Ảnh: Minh Hà",
        "Cây xanh đổ chắn ngang đường tại Hạ Long (Ảnh: TTXVN)",
        "Một góc phố Hải Phòng sau bão. Ảnh: Quang Huy.",
    ]
    assert [(b.role, b.text) for b in article.boilerplate] == [("byline", "Thu Hằng")]
    for span in [*article.sentences, *article.captions, *article.boilerplate]:
        assert article.text[span.start : span.end] == span.text


def test_offsets_of_inline_captions_survive_normalisation():
    # decomposed diacritics and a typographic dash change lengths in the normalised text
    text = unicodedata.normalize("NFD", ONE_LINE.replace("dọn dẹp sau bão - Ảnh", "dọn dẹp sau bão – Ảnh"))
    assert len(text) > len(ONE_LINE)  # the decomposed letters really are longer
    article = parse_article(text)
    caption = article.captions[0]
    assert text[caption.start : caption.end] == caption.text
    assert unicodedata.normalize("NFC", caption.text) == "Người dân Quảng Ninh dọn dẹp sau bão – Ảnh: Minh Hà"
    assert unicodedata.normalize("NFC", article.sentences[0].text).startswith("Sáng 9/9")
    assert all(text[s.start : s.end] == s.text for s in article.sentences)


@pytest.mark.parametrize(
    ("paragraph", "furniture", "kept"),
    [
        # a name in capitals glued to the next sentence, as pages lose line breaks
        (
            "Cử tri phát biểu tại buổi tiếp xúc - Ảnh: TỰ TRUNGCác cử tri kiến nghị sớm bồi thường.",
            ["Cử tri phát biểu tại buổi tiếp xúc - Ảnh: TỰ TRUNG"],
            ["Các cử tri kiến nghị sớm bồi thường."],
        ),
        # initials are part of the name; the capitalised word before a lower-case one opens the sentence
        (
            "Ảnh: Q. Định Hội thảo diễn ra tại TP HCM.",
            ["Ảnh: Q. Định"],
            ["Hội thảo diễn ra tại TP HCM."],
        ),
        (
            "Ảnh: CNN Bộ trưởng cũng yêu cầu cơ quan tình báo điều tra.",
            ["Ảnh: CNN"],
            ["Bộ trưởng cũng yêu cầu cơ quan tình báo điều tra."],
        ),
        # a paper's name with lower-case words, closing the paragraph
        (
            "Israel tuyên bố không tham gia các cuộc đàm phán mới. Người dân biểu tình ở Tel Aviv. Ảnh: Times of Israel",
            ["Ảnh: Times of Israel"],
            ["Israel tuyên bố không tham gia các cuộc đàm phán mới. Người dân biểu tình ở Tel Aviv."],
        ),
        # a bare "illustration" credit
        # a name followed by a sentence that opens with a time; "provided by" belongs to the credit
        (
            "Ảnh: Xuân Mai Khoảng 11h30 ngày 1/11, hai xe máy va chạm trên quốc lộ 56.",
            ["Ảnh: Xuân Mai"],
            ["Khoảng 11h30 ngày 1/11, hai xe máy va chạm trên quốc lộ 56."],
        ),
        (
            "Lãi suất cho vay giảm từ tháng 5 (Ảnh: Vietinbank cung cấp) Ngân hàng cho biết sẽ tiếp tục giảm lãi suất.",
            ["Lãi suất cho vay giảm từ tháng 5 (Ảnh: Vietinbank cung cấp)"],
            ["Ngân hàng cho biết sẽ tiếp tục giảm lãi suất."],
        ),
        (
            "Đoàn công tác kiểm tra đê biển. Ảnh: Vietinbank cung cấp. Tỉnh sẽ nâng cấp 5 km đê trong năm nay.",
            ["Đoàn công tác kiểm tra đê biển. Ảnh: Vietinbank cung cấp."],
            ["Tỉnh sẽ nâng cấp 5 km đê trong năm nay."],
        ),
        (
            "Ảnh minh họa Ngày 23/10, Thanh tra Chính phủ công bố quyết định thanh tra.",
            ["Ảnh minh họa"],
            ["Ngày 23/10, Thanh tra Chính phủ công bố quyết định thanh tra."],
        ),
        # a credit that closes a paragraph of several sentences goes alone
        (
            "Hội nghị bế mạc chiều nay. Các đại biểu biểu quyết thông qua nghị quyết. Ảnh: Thu Hằng",
            ["Ảnh: Thu Hằng"],
            ["Hội nghị bế mạc chiều nay. Các đại biểu biểu quyết thông qua nghị quyết."],
        ),
    ],
)
def test_inline_furniture_cases(paragraph, furniture, kept):
    pieces, found = content_pieces(paragraph, 0, len(paragraph))
    assert [paragraph[f.start : f.end] for f in found] == furniture
    assert [paragraph[s:e].strip() for s, e in pieces] == kept


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ảnh hưởng của bão số 3 làm 5 người chết. Ông Nguyễn Văn A cho biết như vậy.",
        "Số liệu năm nay tăng 5% (nguồn: Tổng cục Thống kê). Đây là mức tăng cao nhất.",
        "Mỗi tháng ban giám khảo chọn 3 tác phẩm (ảnh bìa) và 3 bộ tác phẩm (ảnh bộ) tốt nhất.",
        # a gallery heading after "Ảnh:" is not a photographer's name
        "Ảnh: Các tỉnh Tây Bắc chìm trong biển nước",
    ],
)
def test_words_about_photos_that_are_not_credits_stay(paragraph):
    assert inline_furniture(paragraph, 0, len(paragraph)) == []


def test_a_link_to_a_photo_story_is_a_related_link_not_a_credit():
    paragraph = "Xe khách lao xuống vực ở Kon Tum. > > Ảnh: Hiện trường vụ tai nạn khiến 12 người chết"
    assert [(f.role, paragraph[f.start : f.end]) for f in inline_furniture(paragraph, 0, len(paragraph))] == [
        ("related", "> > Ảnh: Hiện trường vụ tai nạn khiến 12 người chết")
    ]


def test_a_last_sentence_that_is_not_a_name_is_not_a_byline():
    article = parse_article(
        "Hà Nội mở rộng đường Vành đai 4\n\n"
        "Thành phố sẽ khởi công dự án trong tháng 6. Theo kế hoạch, dự án hoàn thành năm 2027."
    )
    assert article.sentences[-1].text == "Theo kế hoạch, dự án hoàn thành năm 2027."
    assert article.boilerplate == []


def test_related_article_links_inside_a_paragraph_are_set_apart():
    article = parse_article(
        "Quốc hội thảo luận dự án Luật Thi đua, khen thưởng\n\n"
        "Sáng 25/10, Quốc hội thảo luận dự án Luật sửa đổi một số điều của Luật Thi đua, khen thưởng. "
        ">> Chưa nên đặt mục tiêu phục hồi tăng trưởng nhanh >> Nhiều dự luật quan trọng sắp được thông qua "
        "Nhiều đại biểu đề nghị nâng thời hạn xét tặng danh hiệu thi đua để bảo đảm tính tiêu biểu của giải "
        "thưởng và tránh chạy theo thành tích trong các cơ quan nhà nước."
    )
    related = [b.text for b in article.boilerplate if b.role == "related"]
    assert related == [">> Chưa nên đặt mục tiêu phục hồi tăng trưởng nhanh >> "]
    assert article.sentences[0].text.startswith("Sáng 25/10, Quốc hội thảo luận")
    # the last headline runs into the article's sentence without a stop: that stretch stays content
    assert article.sentences[-1].text.startswith("Nhiều dự luật quan trọng sắp được thông qua Nhiều đại biểu")
    assert all(">>" not in s.text for s in article.sentences)


def test_a_line_of_links_between_paragraphs_is_a_related_block():
    article = parse_article(
        "Nga tập trận lớn ở Bắc Cực\n\n"
        "Hải quân Nga bắt đầu cuộc tập trận kéo dài một tuần ở vùng Bắc Cực.\n\n"
        "Xem thêm > > Mỹ điều tàu sân bay tới Biển Bắc\n\n"
        "Cuộc tập trận có sự tham gia của 20 tàu chiến và 5.000 binh sĩ."
    )
    assert [s.text for s in article.sentences] == [
        "Hải quân Nga bắt đầu cuộc tập trận kéo dài một tuần ở vùng Bắc Cực.",
        "Cuộc tập trận có sự tham gia của 20 tàu chiến và 5.000 binh sĩ.",
    ]
    assert [(b.role, b.text) for b in article.boilerplate] == [
        ("related", "Xem thêm > > Mỹ điều tàu sân bay tới Biển Bắc")
    ]
    assert len(article.paragraphs) == 2


def test_a_paragraph_that_is_only_a_glued_caption_is_a_caption_block():
    article = parse_article(
        "Philippines mua 12 máy bay FA-50\n\n"
        "(Trong ảnh: Máy bay FA-50 của Indonesia)\n\n"
        "Philippines ký hợp đồng mua 12 máy bay chiến đấu hạng nhẹ FA-50 của Hàn Quốc."
    )
    assert [(b.role, b.text) for b in article.blocks[1:2]] == [("caption", "(Trong ảnh: Máy bay FA-50 của Indonesia)")]
    assert [s.text for s in article.sentences] == [
        "Philippines ký hợp đồng mua 12 máy bay chiến đấu hạng nhẹ FA-50 của Hàn Quốc."
    ]
