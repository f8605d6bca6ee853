"""Directive extraction: clause units from the article's structure, kept or dropped by a learned classifier."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from ..article import Article, parse_article
from ..encoders import Encoder, get_encoder
from ..locking import LazyLoading
from .context import expects_directives
from .deadlines import find_deadlines
from .model import Directive, DirectiveModel, Mention, unit_matrix
from .units import Unit, article_units


class DirectiveExtractor(LazyLoading):
    """Finds who asks whom to do what, by when, in Vietnamese policy and news articles.

    Args:
        encoder: ``None`` (default: lexical features, no embeddings) or an encoder specification /
            :class:`~vnnews_nlp.encoders.Encoder` whose sentence embeddings add e5 features.
        model: a model file from ``training/train_directives.py``, a loaded :class:`DirectiveModel`,
            or ``None`` for the shipped one.
        threshold: keep units whose probability reaches this; ``None`` uses the model's tuned value.

    >>> text = ("Hà Tĩnh tổng kết phong trào Dân vận khéo\\n\\n"
    ...         "Phát biểu kết luận, Phó Bí thư Tỉnh ủy Trần Thế Dũng đề nghị các địa phương, đơn vị "
    ...         "tăng cường đối thoại với Nhân dân; siết chặt kỷ luật, kỷ cương.")
    >>> [(d.action, d.addressee.text) for d in DirectiveExtractor().extract(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('tăng cường đối thoại với Nhân dân', 'các địa phương, đơn vị'),
     ('siết chặt kỷ luật, kỷ cương', 'các địa phương, đơn vị')]
    """

    def __init__(
        self,
        encoder: str | Path | Encoder | None = None,
        *,
        model: str | Path | DirectiveModel | None = None,
        threshold: float | None = None,
        batch_size: int = 32,
    ) -> None:
        if threshold is not None and not 0 <= threshold <= 1:
            raise ValueError(f"threshold must be in [0, 1], not {threshold!r}")
        self.encoder = encoder
        self.model = model
        self.threshold = threshold
        self.batch_size = batch_size
        self._loaded: DirectiveModel | None = None
        self._prototypes: np.ndarray | None = None
        self._lock = threading.Lock()

    @property
    def mode(self) -> str:
        return "lexical" if self.encoder is None else "embedding"

    @property
    def directive_model(self) -> DirectiveModel:
        """The loaded classifier (read on first use)."""
        with self._lock:
            if self._loaded is None:
                self._loaded = self.model if isinstance(self.model, DirectiveModel) else DirectiveModel.load(self.model)
            return self._loaded

    def _prototype_vectors(self) -> np.ndarray:
        with self._lock:
            if self._prototypes is None:
                encoder = get_encoder(self.encoder)  # type: ignore[arg-type]
                assert self._loaded is not None
                centroids = []
                for group in ("directive", "report"):
                    vectors = encoder.encode(self._loaded.prototypes[group], batch_size=self.batch_size)
                    centroid = vectors.mean(axis=0)
                    centroids.append(centroid / np.linalg.norm(centroid))
                self._prototypes = np.stack(centroids)
            return self._prototypes

    def units(self, article: Article) -> list[Unit]:
        """The candidate clause units of ``article`` before classification."""
        return article_units(article, self.directive_model.segmenter)

    def probabilities(self, article: Article, units: list[Unit], embeddings: np.ndarray | None = None) -> np.ndarray:
        """The classifier's probability for each unit; 0 for every unit of an article that holds no directive
        by :func:`~vnnews_nlp.directives.context.expects_directives` (off-topic, naming no state body).

        Args:
            embeddings: unit embeddings of ``article.sentences`` (e.g. from the summarizer's pass), used in
                embedding mode; computed when missing.
        """
        if not units:
            return np.zeros(0)
        if not expects_directives(article):  # foreign news, a trial, sport … naming no state body
            return np.zeros(len(units))
        model = self.directive_model
        matrix = unit_matrix([u.signals for u in units], [u.kind for u in units])
        if self.mode == "embedding":
            if embeddings is None:
                embeddings = get_encoder(self.encoder).encode(  # type: ignore[arg-type]
                    [s.norm_text for s in article.sentences], batch_size=self.batch_size
                )
            similarities = embeddings[[u.sentence.index for u in units]] @ self._prototype_vectors().T
            matrix = np.hstack([matrix, similarities, similarities[:, :1] - similarities[:, 1:]])
        logits = model.models[self.mode].predict(matrix)
        return 1.0 / (1.0 + np.exp(-logits))

    def extract(self, text: str | Article, *, embeddings: np.ndarray | None = None) -> list[Directive]:
        """The directives of one article, in document order.

        Args:
            text: raw article text (title on the first line) or a parsed :class:`~vnnews_nlp.Article`.
            embeddings: sentence embeddings to reuse in embedding mode (one row per content sentence).

        Raises:
            EmptyTextError, TypeError: no text.

        Warns:
            LanguageWarning: the text does not look like Vietnamese (best effort).
        """
        article = text if isinstance(text, Article) else parse_article(text)
        units = self.units(article)
        probabilities = self.probabilities(article, units, embeddings)
        threshold = self.threshold if self.threshold is not None else self.directive_model.thresholds[self.mode]
        kept = [(u, float(p)) for u, p in zip(units, probabilities, strict=True) if p >= threshold]
        return [to_directive(article, u, p) for u, p in _claim_trailing_deadlines(article, kept)]

    def extract_batch(
        self, texts: Iterable[str | Article], *, show_progress_bar: bool = False
    ) -> list[list[Directive]]:
        """:meth:`extract` over many articles."""
        items = list(texts)
        return [self.extract(t) for t in tqdm(items, disable=not show_progress_bar, desc="directives", unit="article")]


def _mention(article: Article, span: tuple[int, int] | None) -> Mention | None:
    if span is None:
        return None
    start, end = article.normalized.to_original(*span)
    return Mention(article.text[start:end], start, end)


def _claim_trailing_deadlines(article: Article, kept: list[tuple[Unit, float]]) -> list[tuple[Unit, float]]:
    """Give a kept unit without a deadline the first deadline written after it in its sentence, before the
    next kept unit: in *diệt lăng quăng, bọ gậy trước ngày 30/8* the comma cuts the clause, and the piece
    holding the deadline is no directive of its own."""
    text = article.normalized.text
    out = []
    for k, (unit, probability) in enumerate(kept):
        if unit.deadline is None:
            following = kept[k + 1][0] if k + 1 < len(kept) else None
            stop = following.start if following is not None and following.sentence is unit.sentence else None
            limit = stop if stop is not None else unit.sentence.norm_end
            after = [d for d in find_deadlines(text, unit.end, limit) if d[0] >= unit.end]
            if after:
                unit = replace(unit, deadline=after[0])
        out.append((unit, probability))
    return out


def to_directive(article: Article, unit: Unit, probability: float) -> Directive:
    """The :class:`Directive` of a clause unit, with offsets into the caller's text."""
    action = _mention(article, (unit.start, unit.end))
    assert action is not None
    sentence = unit.sentence
    return Directive(
        action=action.text,
        start=action.start,
        end=action.end,
        kind=unit.kind,
        issuer=_mention(article, unit.issuer),
        addressee=_mention(article, unit.addressee),
        deadline=_mention(article, unit.deadline),
        sentence=Mention(sentence.text, sentence.start, sentence.end),
        sentence_index=sentence.index,
        confidence=round(probability, 4),
    )


_shared: dict[str, DirectiveExtractor] = {}
_shared_lock = threading.Lock()


def extract_directives(
    text: str | Article, *, encoder: str | Encoder | None = None, threshold: float | None = None
) -> list[Directive]:
    """The directives of an article: action, issuer, addressee, deadline, kind, offsets, confidence.

    >>> ds = extract_directives("Bộ trưởng yêu cầu các sở khẩn trương rà soát hồ sơ trước ngày 30/6.")
    >>> [(d.action, d.issuer.text, d.addressee.text, d.deadline.text, d.kind) for d in ds]
    [('khẩn trương rà soát hồ sơ trước ngày 30/6', 'Bộ trưởng', 'các sở', 'trước ngày 30/6', 'request')]
    """
    key = f"{encoder if not isinstance(encoder, Encoder) else id(encoder)}|{threshold}"
    with _shared_lock:
        extractor = _shared.get(key)
        if extractor is None:
            extractor = _shared[key] = DirectiveExtractor(encoder, threshold=threshold)
    return extractor.extract(text)
