"""vnnews_nlp: key directives, summaries and topic tags for Vietnamese policy and news articles.

>>> import vnnews_nlp
>>> article = vnnews_nlp.parse_article("Tiêu đề bài báo\\n\\nNội dung thứ nhất. Nội dung thứ hai.")
>>> [s.text for s in article.sentences]
['Nội dung thứ nhất.', 'Nội dung thứ hai.']
"""

from .analysis import Analysis
from .analyzer import Analyzer, analyze
from .article import Article, parse_article
from .directives import Directive, DirectiveExtractor, extract_directives
from .errors import (
    EmptyTextError,
    HTMLInputError,
    InvalidCharacterError,
    LanguageWarning,
    LegacyEncodingError,
    MojibakeWarning,
    TextTooLongError,
)
from .spans import Block, Paragraph, Sentence, Span, Token
from .summarize import KeySentence, Summarizer, summarize, summarize_cluster
from .tables import analyze_dataset, analyze_frame, directives_frame, to_frame
from .text import normalize, split_sentences
from .topics import Tag, Taxonomy, TopicClassifier, TopicTagger, tag

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Analyzer",
    "Article",
    "Block",
    "Directive",
    "DirectiveExtractor",
    "EmptyTextError",
    "HTMLInputError",
    "InvalidCharacterError",
    "KeySentence",
    "LanguageWarning",
    "LegacyEncodingError",
    "MojibakeWarning",
    "Paragraph",
    "Sentence",
    "Span",
    "Summarizer",
    "Tag",
    "TextTooLongError",
    "Taxonomy",
    "Token",
    "TopicClassifier",
    "TopicTagger",
    "analyze",
    "analyze_dataset",
    "analyze_frame",
    "directives_frame",
    "extract_directives",
    "normalize",
    "parse_article",
    "split_sentences",
    "summarize",
    "summarize_cluster",
    "tag",
    "to_frame",
    "__version__",
]
