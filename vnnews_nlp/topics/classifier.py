"""A supervised topic classifier for Vietnamese news, scikit-learn style, saved without pickle.

The default recipe reads each text as syllable 1–3-grams (sublinear TF-IDF over the 400,000 most frequent
n-grams seen in at least two texts, :mod:`.features`) and fits a one-vs-rest linear SVM. A second view of
character 2–5-grams inside words can be added (``char_ngrams=(2, 5)``): its SVM's scores are added at
``char_weight``. Probabilities are a softmax of the scores with a temperature fitted on held-out training
texts (:mod:`.calibration`), so they are calibrated, sum to one and keep the SVM's ranking. With an
``encoder`` checkpoint, ``fit(..., finetune=True)`` fine-tunes a transformers model instead
(:mod:`.finetune`, ``torch`` extra). VNTC figures (accuracy, fit time, speed) are in BENCHMARKS.md,
section *Topic classification (VNTC)*.

>>> texts = ["Đội tuyển bóng đá thắng 2-0", "Giá vàng tăng mạnh", "Cầu thủ ghi bàn", "Ngân hàng giảm lãi suất"]
>>> clf = TopicClassifier(min_df=1).fit(texts, ["Thể thao", "Kinh tế"] * 2)
>>> clf.predict(["Trận đấu bóng đá tối qua"])
['Thể thao']
>>> clf.predict_proba(["Lãi suất ngân hàng"]).round(2).sum()
np.float32(1.0)
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np

from ..resources import resource_path
from .calibration import fit_temperature, softmax
from .features import NgramView
from .finetune import FineTunedEncoder
from .inputs import LabelValue, check_texts, texts_and_labels
from .storage import read_model, write_model
from .taxonomy import Taxonomy

FORMAT = "vnnews_nlp.topic_classifier"
VERSION = 1
#: Below this many training texts the temperature is fitted on cross-validated scores, above on one split.
CROSS_VALIDATE_BELOW = 5000


class NotFittedError(ValueError, AttributeError):
    """The classifier was used before :meth:`TopicClassifier.fit` (or :meth:`TopicClassifier.load`)."""


class TopicClassifier:
    """Topic classifier: a linear SVM over syllable n-grams (optionally character n-grams), calibrated.

    Follows scikit-learn's conventions: the constructor only stores its arguments, :meth:`fit` learns and
    returns the classifier, fitted attributes end with ``_``.

    Args:
        word_ngrams: range of syllable n-grams.
        char_ngrams: range of character n-grams taken inside words, e.g. ``(2, 5)``, for a second view;
            ``None`` (default) for syllables only.
        max_word_features: keep the most frequent syllable n-grams (bounds the model's size).
        max_char_features: keep the most frequent character n-grams.
        min_df: an n-gram must occur in at least this many training texts.
        C: regularisation of the syllable view's SVM (larger: fits the training texts more closely).
        char_C: regularisation of the character view's SVM.
        char_weight: weight of the character view's scores in the sum (the syllable view's is 1).
        calibration_size: share of the training texts held out to fit the temperature, for training sets
            of at least 5,000 texts; smaller sets use 3-fold cross-validation.
        taxonomy: if given, every label must name one of its labels or aliases and is stored under the
            label's name.
        encoder: a local transformers checkpoint folder (BERT, XLM-R, e5 …; ``torch`` extra) that
            ``fit(..., finetune=True)`` fine-tunes instead of fitting the n-gram SVMs.
        epochs: passes over the training texts when fine-tuning.
        batch_size: texts per optimisation step when fine-tuning.
        learning_rate: AdamW's learning rate when fine-tuning.
        max_length: tokens per text when fine-tuning (longer texts are truncated).
        text_column: the texts' column when a ``datasets.Dataset`` is given.
        label_column: the labels' column when a ``datasets.Dataset`` is given to :meth:`fit`.
        random_state: seed of the SVM solver and of the held-out split; results are deterministic.

    Attributes:
        classes_: the labels, sorted (an array of ``str``, or of ``int`` if fitted on ``int`` labels).
        temperature_: the fitted softmax temperature.
        views_: the fitted :class:`~vnnews_nlp.topics.features.NgramView` s (none when fine-tuned).
        encoder_: the fine-tuned :class:`~vnnews_nlp.topics.finetune.FineTunedEncoder`, or ``None``.
    """

    def __init__(
        self,
        *,
        word_ngrams: tuple[int, int] = (1, 3),
        char_ngrams: tuple[int, int] | None = None,
        max_word_features: int | None = 400_000,
        max_char_features: int | None = 200_000,
        min_df: int = 2,
        C: float = 3.0,
        char_C: float = 1.0,
        char_weight: float = 0.5,
        calibration_size: float = 0.1,
        taxonomy: Taxonomy | None = None,
        text_column: str = "text",
        label_column: str = "label",
        random_state: int = 0,
        encoder: str | Path | None = None,
        epochs: int = 3,
        batch_size: int = 16,
        learning_rate: float = 5e-5,
        max_length: int = 256,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.max_word_features = max_word_features
        self.max_char_features = max_char_features
        self.min_df = min_df
        self.C = C
        self.char_C = char_C
        self.char_weight = char_weight
        self.calibration_size = calibration_size
        self.taxonomy = taxonomy
        self.text_column = text_column
        self.label_column = label_column
        self.random_state = random_state
        self.encoder = encoder
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.max_length = max_length

    def get_params(self) -> dict[str, Any]:
        """The constructor's arguments, as given."""
        return {
            name: getattr(self, name)
            for name in (
                "word_ngrams",
                "char_ngrams",
                "max_word_features",
                "max_char_features",
                "min_df",
                "C",
                "char_C",
                "char_weight",
                "calibration_size",
                "taxonomy",
                "text_column",
                "label_column",
                "random_state",
                "encoder",
                "epochs",
                "batch_size",
                "learning_rate",
                "max_length",
            )
        }

    def __repr__(self) -> str:
        fitted = f", {len(self.classes_)} classes" if hasattr(self, "classes_") else ", not fitted"
        return f"TopicClassifier(word_ngrams={self.word_ngrams}, char_ngrams={self.char_ngrams}{fitted})"

    # -- fitting ---------------------------------------------------------------------------------------

    def fit(self, texts: Any, labels: Any = None, *, finetune: bool = False) -> TopicClassifier:
        """Learn the topics of ``texts``.

        Args:
            texts: a list of ``str``, a pandas Series, or a ``datasets.Dataset`` (then ``labels`` may be
                left out and are read from its ``label_column``; a ``ClassLabel`` column gives names).
            labels: one label (``str`` or ``int``) per text.
            finetune: fine-tune the ``encoder`` checkpoint with a linear head (``torch`` extra) instead of
                fitting the n-gram SVMs; the temperature is fitted on the held-out ``calibration_size``.

        Returns:
            The classifier itself.

        Raises:
            TypeError: a text or label of the wrong type (the message gives its index).
            ValueError: a ``None`` or blank text or label (the message gives its index), as many labels
                as texts not given, fewer than two classes, a label outside ``taxonomy``, or
                ``finetune=True`` without an ``encoder``.
            ImportError: ``finetune=True`` without torch and transformers.
        """
        items, targets = texts_and_labels(texts, labels, self.text_column, self.label_column)
        if self.taxonomy is not None:
            targets = self._taxonomy_names(targets)
        classes = sorted(set(targets))  # type: ignore[type-var]
        if len(classes) < 2:
            found = f"all {len(items)} are {classes[0]!r}" if classes else "no texts were given"
            raise ValueError(f"fit needs texts of at least two classes; {found}")
        index = {label: i for i, label in enumerate(classes)}
        y = np.array([index[label] for label in targets])
        if finetune:
            return self._finetune(items, y, classes)

        views = self._fit_views(items)
        matrices = [matrix for _, matrix in views]
        held_out = self._held_out_scores(matrices, y, len(classes))
        self.views_ = [view for view, _ in views]
        self.weights_ = [
            self._svm(matrix, y, len(classes), C) for matrix, C in zip(matrices, self._view_Cs(), strict=True)
        ]
        self.encoder_: FineTunedEncoder | None = None
        self.classes_ = np.array(classes)
        self.temperature_ = fit_temperature(*held_out) if held_out is not None else 1.0
        return self

    def _finetune(self, texts: list[str], y: np.ndarray, classes: list[LabelValue]) -> TopicClassifier:
        if self.encoder is None:
            raise ValueError("fit(..., finetune=True) needs TopicClassifier(encoder=CHECKPOINT_FOLDER)")
        split = self._holdout(y)
        train = split[0] if split is not None else np.arange(len(y))
        encoder = FineTunedEncoder.train(
            self.encoder,
            [texts[i] for i in train],
            y[train],
            len(classes),
            epochs=self.epochs,
            batch_size=self.batch_size,
            learning_rate=self.learning_rate,
            max_length=self.max_length,
            seed=self.random_state,
        )
        self.views_, self.weights_, self.encoder_ = [], [], encoder
        self.classes_ = np.array(classes)
        held = split[1] if split is not None else None
        self.temperature_ = (
            fit_temperature(encoder.scores([texts[i] for i in held]), y[held]) if held is not None else 1.0
        )
        return self

    def _holdout(self, y: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """A stratified ``(train, held-out)`` split with every class on both sides, or ``None`` if too few texts."""
        from sklearn.model_selection import StratifiedShuffleSplit

        n_classes = int(y.max()) + 1
        size = max(round(self.calibration_size * len(y)), n_classes)
        if np.bincount(y).min() < 2 or len(y) - size < n_classes:
            return None
        splitter = StratifiedShuffleSplit(1, test_size=size, random_state=self.random_state)
        return next(splitter.split(np.zeros(len(y)), y))

    def _taxonomy_names(self, labels: list[LabelValue]) -> list[LabelValue]:
        assert self.taxonomy is not None
        names: list[LabelValue] = []
        for i, label in enumerate(labels):
            try:
                names.append(self.taxonomy.get(str(label)).name)
            except KeyError:
                raise ValueError(
                    f"labels[{i}] is {label!r}, not a label of the taxonomy {self.taxonomy.name!r} "
                    f"({', '.join(self.taxonomy.labels)})"
                ) from None
        return names

    def _view_specs(self) -> list[tuple[str, tuple[int, int], int | None]]:
        specs = [("word", tuple(self.word_ngrams), self.max_word_features)]
        if self.char_ngrams is not None:
            specs.append(("char_wb", tuple(self.char_ngrams), self.max_char_features))
        return specs  # type: ignore[return-value]

    def _view_Cs(self) -> list[float]:
        return [self.C, self.char_C][: len(self._view_specs())]

    def _fit_views(self, texts: list[str]) -> list[tuple[NgramView, Any]]:
        return [
            NgramView.fit(texts, analyzer, ngrams, min_df=self.min_df, max_features=limit)
            for analyzer, ngrams, limit in self._view_specs()
        ]

    def _svm(self, matrix: Any, y: np.ndarray, n_classes: int, C: float) -> tuple[np.ndarray, np.ndarray]:
        """One-vs-rest linear SVM weights ``(coef (classes x features) float16, intercept float32)``."""
        from sklearn.svm import LinearSVC

        svm = LinearSVC(C=C, random_state=self.random_state, max_iter=5000).fit(matrix, y)
        coef, intercept = svm.coef_, svm.intercept_
        if n_classes == 2:  # sklearn keeps one row for two classes: the score of the second
            coef, intercept = np.vstack([-coef, coef]) / 2, np.array([-intercept[0], intercept[0]]) / 2
        return coef.astype(np.float16), intercept.astype(np.float32)

    def _held_out_scores(
        self, matrices: list[Any], y: np.ndarray, n_classes: int
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """Scores of texts by SVMs fitted without them: one stratified split, or 3-fold on small sets."""
        from sklearn.model_selection import StratifiedKFold

        smallest = int(np.bincount(y).min())
        if len(y) >= CROSS_VALIDATE_BELOW:
            split = self._holdout(y)
            splits = [split] if split is not None else []
        elif smallest >= 2:
            splits = list(StratifiedKFold(min(3, smallest), shuffle=True, random_state=self.random_state).split(y, y))
        else:
            splits = []
        if not splits:
            return None
        scores, targets = [], []
        for train, held in splits:
            weights = [
                self._svm(m[train], y[train], n_classes, C) for m, C in zip(matrices, self._view_Cs(), strict=True)
            ]
            scores.append(self._scores([m[held] for m in matrices], weights))
            targets.append(y[held])
        return np.vstack(scores), np.concatenate(targets)

    def _scores(self, matrices: list[Any], weights: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        total: np.ndarray | None = None
        factors = [1.0, self.char_weight][: len(matrices)]
        for matrix, (coef, intercept), factor in zip(matrices, weights, factors, strict=True):
            part = (matrix @ coef.astype(np.float32).T + intercept) * np.float32(factor)
            total = part if total is None else total + part
        assert total is not None
        return np.asarray(total, dtype=np.float32)

    # -- predicting ------------------------------------------------------------------------------------

    def _check_fitted(self) -> None:
        if not hasattr(self, "classes_"):
            raise NotFittedError("this TopicClassifier is not fitted yet: call fit(texts, labels) or load(path) first")

    def decision_function(self, texts: Any) -> np.ndarray:
        """The summed SVM scores, ``(len(texts), len(classes_))`` float32; higher is more likely.

        Raises:
            NotFittedError: before :meth:`fit`.
            TypeError, ValueError: a text that is not a non-blank ``str`` (the message gives its index).
        """
        self._check_fitted()
        items = check_texts(texts, self.text_column)
        if not items:
            return np.zeros((0, len(self.classes_)), dtype=np.float32)
        if self.encoder_ is not None:
            return self.encoder_.scores(items)
        return self._row_scores(items)

    def _row_scores(self, texts: list[str]) -> np.ndarray:
        """:meth:`_scores` text by text, from :meth:`NgramView.row`: no scikit-learn or scipy needed."""
        if getattr(self, "_float_weights", (None,))[0] is not self.weights_:
            self._float_weights = (
                self.weights_,
                [np.ascontiguousarray(c.astype(np.float32).T) for c, _ in self.weights_],
            )
        tables = self._float_weights[1]
        factors = [1.0, self.char_weight][: len(self.views_)]
        total = np.zeros((len(texts), len(self.classes_)), dtype=np.float32)
        for view, table, (_, intercept), factor in zip(self.views_, tables, self.weights_, factors, strict=True):
            for i, text in enumerate(texts):
                columns, values = view.row(text)
                total[i] += (values @ table[columns] + intercept) * np.float32(factor)
        return total

    def predict_proba(self, texts: Any) -> np.ndarray:
        """Calibrated class probabilities, ``(len(texts), len(classes_))``; each row sums to 1."""
        return softmax(self.decision_function(texts) / np.float32(self.temperature_))

    def predict(self, texts: Any) -> list[LabelValue]:
        """The most likely label of each text.

        >>> clf = TopicClassifier(min_df=1)
        >>> clf.fit(["bóng đá", "giá vàng", "cầu thủ", "lãi suất"], ["Thể thao", "Kinh tế"] * 2).predict(["bóng đá"])
        ['Thể thao']
        """
        scores = self.decision_function(texts)
        return self.classes_[scores.argmax(axis=1)].tolist() if len(scores) else []

    # -- saving ----------------------------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the fitted classifier to ``path`` (safetensors: JSON vocabulary and configuration, float16
        SVM weights, the sha256 of it all); :meth:`load` gives back a classifier that predicts the same.
        """
        self._check_fitted()
        params = self.get_params()
        params["taxonomy"] = self.taxonomy.to_dict() if self.taxonomy is not None else None
        params["encoder"] = str(self.encoder) if self.encoder is not None else None
        config: dict[str, Any] = {
            "params": params,
            "classes": self.classes_.tolist(),
            "temperature": self.temperature_,
            "views": [{"analyzer": v.analyzer, "ngram_range": list(v.ngram_range)} for v in self.views_],
        }
        arrays: dict[str, np.ndarray] = {}
        for i, (view, (coef, intercept)) in enumerate(zip(self.views_, self.weights_, strict=True)):
            vocabulary = json.dumps(view.vocabulary, ensure_ascii=False).encode("utf-8")
            arrays[f"view{i}.vocabulary"] = np.frombuffer(vocabulary, dtype=np.uint8)
            arrays[f"view{i}.idf"] = view.idf
            arrays[f"view{i}.coef"] = coef
            arrays[f"view{i}.intercept"] = intercept
        config["finetuned"] = None
        if self.encoder_ is not None:
            config["finetuned"], encoder_arrays = self.encoder_.to_arrays()
            arrays.update(encoder_arrays)
        write_model(path, FORMAT, VERSION, config, arrays)

    @classmethod
    def load(cls, path: str | Path) -> TopicClassifier:
        """Read a classifier written by :meth:`save`.

        Raises:
            FileNotFoundError: no such file.
            ValueError: not a topic classifier file, another format version, or a payload whose sha256
                differs from the recorded one (a damaged or edited file).
        """
        config, arrays = read_model(path, FORMAT, VERSION)
        params = dict(config["params"])
        params["word_ngrams"] = tuple(params["word_ngrams"])
        params["char_ngrams"] = tuple(params["char_ngrams"]) if params["char_ngrams"] is not None else None
        params["taxonomy"] = Taxonomy.from_dict(params["taxonomy"]) if params["taxonomy"] is not None else None
        model = cls(**params)
        model.views_ = [
            NgramView(
                spec["analyzer"],
                (int(spec["ngram_range"][0]), int(spec["ngram_range"][1])),
                json.loads(arrays[f"view{i}.vocabulary"].tobytes().decode("utf-8")),
                arrays[f"view{i}.idf"],
            )
            for i, spec in enumerate(config["views"])
        ]
        model.weights_ = [(arrays[f"view{i}.coef"], arrays[f"view{i}.intercept"]) for i in range(len(model.views_))]
        model.encoder_ = FineTunedEncoder.from_arrays(config["finetuned"], arrays) if config["finetuned"] else None
        model.classes_ = np.array(config["classes"])
        model.temperature_ = float(config["temperature"])
        return model


_shipped: dict[str, TopicClassifier] = {}
_shipped_lock = threading.Lock()


def shipped_classifier(name: str) -> TopicClassifier:
    """The classifier shipped as ``models/<name>``, loaded once per process and shared (it is only read).

    >>> clf = shipped_classifier("topics/mapped-ngrams.safetensors")
    >>> clf is shipped_classifier("topics/mapped-ngrams.safetensors")
    True
    """
    with _shipped_lock:
        if name not in _shipped:
            _shipped[name] = TopicClassifier.load(resource_path(name))
        return _shipped[name]
