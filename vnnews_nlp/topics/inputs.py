"""Texts and labels from a list, a pandas Series or a ``datasets.Dataset``, checked item by item.

>>> texts_and_labels(["Đội tuyển thắng", "Giá vàng tăng"], ["Thể thao", "Kinh tế"])
(['Đội tuyển thắng', 'Giá vàng tăng'], ['Thể thao', 'Kinh tế'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from ..errors import EmptyTextError
from ..text.validate import ensure_text

LabelValue = str | int


def _is_dataset(data: Any) -> bool:
    return type(data).__module__.startswith("datasets.") and hasattr(data, "column_names")


def _column(dataset: Any, column: str, what: str) -> list[Any]:
    if column not in dataset.column_names:
        raise ValueError(
            f"the dataset has no {what} column {column!r}; its columns are {', '.join(dataset.column_names)} "
            f"(pass {what}_column=...)"
        )
    values = list(dataset[column])
    names = getattr(dataset.features.get(column), "names", None)  # a ClassLabel column holds ids
    if what == "label" and names is not None:
        return [names[v] if isinstance(v, int) and 0 <= v < len(names) else v for v in values]
    return values


def check_texts(texts: Any, text_column: str = "text") -> list[str]:
    """The texts as a list of non-blank strings.

    Args:
        texts: a list or tuple of ``str``, a pandas Series, a numpy array, or a ``datasets.Dataset``
            (its ``text_column`` is read).
        text_column: the column of a dataset that holds the texts.

    Raises:
        TypeError: ``texts`` is a single string, or an item is not a ``str`` (the message gives its index).
        ValueError: an item is ``None``, empty or only whitespace (:class:`~vnnews_nlp.EmptyTextError`).
    """
    if _is_dataset(texts):
        texts = _column(texts, text_column, "text")
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a list of str (or a pandas Series, or a datasets.Dataset), not one string")
    if not isinstance(texts, Iterable):
        raise TypeError(f"texts must be a list of str, not {type(texts).__name__}")
    items = list(texts.tolist() if hasattr(texts, "tolist") else texts)
    for i, item in enumerate(items):
        if item is None:
            raise EmptyTextError(f"texts[{i}] is None")
        ensure_text(item, f"texts[{i}]")
    return items


def check_labels(labels: Any, count: int) -> list[LabelValue]:
    """The labels as a list of ``str`` (or of ``int``), one per text.

    Raises:
        TypeError: a label that is neither ``str`` nor ``int``, or labels of both kinds.
        ValueError: a ``None`` or blank label, or not ``count`` labels.
    """
    if isinstance(labels, (str, bytes)) or not isinstance(labels, Iterable):
        raise TypeError(f"labels must be a list of str or int, not {type(labels).__name__}")
    items = list(labels.tolist() if hasattr(labels, "tolist") else labels)
    items = [label.item() if isinstance(label, np.generic) else label for label in items]  # numpy scalars
    if len(items) != count:
        raise ValueError(f"got {count} texts but {len(items)} labels")
    kinds = set()
    for i, label in enumerate(items):
        if label is None or (isinstance(label, str) and not label.strip()):
            raise ValueError(f"labels[{i}] is {label!r}: every text needs a label")
        if isinstance(label, bool) or not isinstance(label, (str, int)):
            raise TypeError(f"labels[{i}] is {type(label).__name__}; labels must be str or int")
        kinds.add(type(label))
    if len(kinds) > 1:
        raise TypeError("labels mix str and int; use one kind")
    return items


def texts_and_labels(
    texts: Any, labels: Any = None, text_column: str = "text", label_column: str = "label"
) -> tuple[list[str], list[LabelValue]]:
    """Checked texts and labels; with a ``datasets.Dataset`` and no ``labels``, its ``label_column`` is read
    (names, for a ``ClassLabel`` column).

    Raises:
        TypeError, ValueError: see :func:`check_texts` and :func:`check_labels`; also no labels at all.
    """
    if labels is None:
        if not _is_dataset(texts):
            raise ValueError("labels are missing: pass fit(texts, labels), or a datasets.Dataset with a label column")
        labels = _column(texts, label_column, "label")
    items = check_texts(texts, text_column)
    return items, check_labels(labels, len(items))
