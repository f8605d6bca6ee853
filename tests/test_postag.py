"""The linear-time POS features give underthesea's own tags, word for word."""

from underthesea import pos_tag as underthesea_pos_tag

from vnnews_nlp.text.postag import pos_tag

ODD = [
    "Ông  Nguyễn Văn A nói",  # a double space inside
    "“Dân vận khéo”",
    "123 456",
    "x",
    "TP.HCM, Hà Nội và Đà Nẵng",
]


def test_tags_equal_underthesea_on_every_sentence_of_the_sample_and_odd_strings(sample_article):
    sentences = [s.text for s in sample_article.sentences] + [c.text for c in sample_article.captions] + ODD
    for sentence in sentences:
        assert pos_tag(sentence) == underthesea_pos_tag(sentence), sentence


def test_empty_input_gives_no_words():
    assert pos_tag("") == []
