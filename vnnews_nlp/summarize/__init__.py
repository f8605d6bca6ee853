"""Summaries of Vietnamese news and policy articles.

* :func:`summarize` / :class:`Summarizer`: the article's key sentences (extractive), with offsets.
* :func:`summarize_cluster`: key sentences of several articles about one event.
* :class:`Seq2SeqSummarizer`: abstractive summaries from a local ViT5 / BARTpho checkpoint (``torch`` extra).

>>> text = "Hà Tĩnh tổng kết phong trào\\n\\nChiều 19/1, Tỉnh ủy tổng kết phong trào. Hội nghị diễn ra trong 1 buổi."
>>> summarize(text, max_sentences=1, encoder=None)[0].start
29
"""

from .cluster import ClusterSentence, summarize_cluster
from .extractive import KeySentence, Summarizer, summarize
from .model import SummaryModel
from .seq2seq import Seq2SeqSummarizer

__all__ = [
    "ClusterSentence",
    "KeySentence",
    "Seq2SeqSummarizer",
    "SummaryModel",
    "Summarizer",
    "summarize",
    "summarize_cluster",
]
