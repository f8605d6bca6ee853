"""vnnews_nlp: key directives, summaries and topic tags for Vietnamese policy and news articles.

>>> import vnnews_nlp
>>> article = vnnews_nlp.parse_article("Tiêu đề bài báo\\n\\nNội dung thứ nhất. Nội dung thứ hai.")
>>> [s.text for s in article.sentences]
['Nội dung thứ nhất.', 'Nội dung thứ hai.']
"""

from .article import Article, parse_article
from .errors import (
    EmptyTextError,
    HTMLInputError,
    LanguageWarning,
    LegacyEncodingError,
    MojibakeWarning,
)
from .spans import Block, Paragraph, Sentence, Span, Token
from .text import normalize, split_sentences

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "EmptyTextError",
    "HTMLInputError",
    "LanguageWarning",
    "LegacyEncodingError",
    "MojibakeWarning",
    "Paragraph",
    "Sentence",
    "Span",
    "Token",
    "normalize",
    "parse_article",
    "split_sentences",
    "__version__",
]
