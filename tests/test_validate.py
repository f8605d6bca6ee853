import pytest

import vnnews_nlp
from vnnews_nlp import EmptyTextError, parse_article
from vnnews_nlp.text import normalize


@pytest.mark.parametrize("value, type_name", [(None, "NoneType"), (42, "int"), (["Hà Nội"], "list")])
def test_non_str_input_raises_type_error_naming_the_type(value, type_name):
    with pytest.raises(TypeError, match=type_name):
        parse_article(value)


def test_bytes_raise_type_error_that_says_how_to_decode():
    with pytest.raises(TypeError, match=r"bytes.*decode"):
        parse_article("Hội nghị tổng kết".encode())


@pytest.mark.parametrize("value", ["", "   ", "\n\t \n", "\u200b\u00a0\ufeff "])
def test_blank_input_raises_empty_text_error_which_is_a_value_error(value):
    with pytest.raises(EmptyTextError):
        parse_article(value)
    with pytest.raises(ValueError):
        normalize(value)


def test_public_api_exports_the_documented_names():
    for name in ("Article", "parse_article", "Sentence", "LanguageWarning", "normalize", "split_sentences"):
        assert hasattr(vnnews_nlp, name)
