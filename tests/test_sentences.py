import pytest

from vnnews_nlp.text import normalize, split_sentences
from vnnews_nlp.text.sentences import split_long


def split(text, **kwargs):
    return [text[s:e] for s, e in split_sentences(text, **kwargs)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tại TP. Hồ Chí Minh, hội nghị diễn ra. Đại biểu thảo luận.",
            ["Tại TP. Hồ Chí Minh, hội nghị diễn ra.", "Đại biểu thảo luận."],
        ),
        (
            "Theo ông Th. Nguyễn, mô hình hiệu quả. Tỉnh tiếp tục nhân rộng.",
            ["Theo ông Th. Nguyễn, mô hình hiệu quả.", "Tỉnh tiếp tục nhân rộng."],
        ),
        ("PGS.TS. Trần Văn B phát biểu. Hội nghị bế mạc.", ["PGS.TS. Trần Văn B phát biểu.", "Hội nghị bế mạc."]),
        (
            "(Baohatinh.vn) - Toàn tỉnh có hơn 1.800 mô hình. Chiều 19/1, hội nghị khai mạc.",
            ["(Baohatinh.vn) - Toàn tỉnh có hơn 1.800 mô hình.", "Chiều 19/1, hội nghị khai mạc."],
        ),
        (
            "Bị can là chị Huyền Tr. (SN 1997) ở huyện Đắk Mil. Vụ án đang được điều tra.",
            ["Bị can là chị Huyền Tr. (SN 1997) ở huyện Đắk Mil.", "Vụ án đang được điều tra."],
        ),
        (
            "Điều 1. Phê duyệt đề án. Điều 2. Giao Sở Y tế chủ trì.",
            ["Điều 1. Phê duyệt đề án.", "Điều 2. Giao Sở Y tế chủ trì."],
        ),
        ("1. Tăng cường kiểm tra. 2. Đẩy mạnh tuyên truyền.", ["1. Tăng cường kiểm tra.", "2. Đẩy mạnh tuyên truyền."]),
        ('Ông nói: "Phải làm ngay." Sau đó hội nghị bế mạc!', ['Ông nói: "Phải làm ngay."', "Sau đó hội nghị bế mạc!"]),
        (
            "Siết chặt kỷ luật, kỷ cương... Tăng cường đối thoại.",
            ["Siết chặt kỷ luật, kỷ cương...", "Tăng cường đối thoại."],
        ),
        ("Có bao nhiêu mô hình? Hơn 1.800 mô hình.", ["Có bao nhiêu mô hình?", "Hơn 1.800 mô hình."]),
        (
            "Giá tăng 2.5 lần so với năm 2021. vẫn chưa dừng lại",
            ["Giá tăng 2.5 lần so với năm 2021. vẫn chưa dừng lại"],
        ),
        ("Hội nghị diễn ra trong 1 buổi", ["Hội nghị diễn ra trong 1 buổi"]),
    ],
)
def test_abbreviations_numbers_quotes_and_lists(text, expected):
    assert split(text) == expected


def test_offsets_stay_inside_the_requested_range_and_are_trimmed():
    text = "Tiêu đề\n  Câu thứ nhất. Câu thứ hai.  \nDòng khác."
    start, end = text.index("  Câu"), text.index("\nDòng")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Câu thứ nhất.", "Câu thứ hai."]
    assert all(start <= s < e <= end for s, e in spans)


def test_extra_abbreviations_for_one_call():
    text = "Ông Lê An, Ptgđ. Công ty Sông Đà, trình bày. Hết."
    assert split(text) == ["Ông Lê An, Ptgđ.", "Công ty Sông Đà, trình bày.", "Hết."]
    assert split(text, abbreviations=["Ptgđ"]) == ["Ông Lê An, Ptgđ. Công ty Sông Đà, trình bày.", "Hết."]


def test_underthesea_splits_the_source_mark_and_ignores_line_breaks_where_ours_does_not(sample_text):
    from underthesea import sent_tokenize

    theirs = sent_tokenize(sample_text)
    assert theirs[0].endswith("(Baohatinh.")  # the documented weakness this splitter fixes
    norm = normalize(sample_text).text
    lead = norm.splitlines()[2]
    assert split(lead) == [lead]


def test_a_line_with_no_sentence_boundary_is_cut_at_clause_punctuation(sample_article):
    clauses = [s.text.rstrip(".") for s in sample_article.sentences]
    line = " ".join(f"{c}," for c in clauses * 8)  # about 3,000 words, commas only, no full stop
    assert len(line.split()) > 3000
    spans = split_sentences(line, max_words=80)
    assert len(spans) > 30
    for s, e in spans:
        piece = line[s:e]
        assert len(piece.split()) <= 80 and piece[-1] in ",;:"
    covered = " ".join(line[s:e] for s, e in spans)
    assert covered == line.rstrip()


def test_cutting_without_any_punctuation_falls_back_to_word_boundaries():
    line = " ".join(["tăng cường đối thoại với Nhân dân"] * 100)  # 700 words
    spans = split_sentences(line, max_words=50)
    assert [len(line[s:e].split()) for s, e in spans] == [50] * 14
    assert " ".join(line[s:e] for s, e in spans) == line
    with pytest.raises(ValueError):
        split_sentences(line, max_words=0)


def test_short_pieces_come_back_whole_and_trimmed():
    text = "  Tăng cường đối thoại với Nhân dân.\u00a0 "
    assert split_long(text, 0, len(text), 40) == [(2, len(text) - 2)]
    assert split_long(text, 0, 2, 40) == []
    assert [text[s:e] for s, e in split_long(text, 0, len(text), 3)] == ["Tăng cường đối", "thoại với Nhân", "dân."]
