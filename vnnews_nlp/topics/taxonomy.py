"""Topic tag sets: labels with descriptions, aliases, typical signals and example texts, stored as JSON.

The default set (:meth:`Taxonomy.default`) is the team's 14 tags, shipped as ``models/taxonomy/default.json``
and checked against its sha256 before use. Users replace it with their own file (:meth:`Taxonomy.load`) or
build one in code (:meth:`Taxonomy.from_labels`). A file looks like::

    {
      "name": "my-tags",
      "labels": [
        {"label": "Kinh tế", "description": "business and markets", "aliases": ["Kinh doanh"]},
        {"label": "Thể thao", "examples": ["Đội tuyển Việt Nam thắng 2-0"]}
      ],
      "examples": [{"label": "Thể thao", "text": "Giải bóng đá U23 khai mạc"}]
    }

Each entry of ``"labels"`` needs ``"label"`` (or ``"name"``); ``"description"``, ``"aliases"``, ``"signals"``
and ``"examples"`` are optional. The optional top-level ``"examples"`` list attaches texts to labels by name
or alias. A repeated name, an alias that clashes with another label, or an example for a label that does not
exist is refused with a :class:`ValueError` that gives the entry's line in the file.

>>> taxonomy = Taxonomy.default()
>>> taxonomy.labels[0], len(taxonomy)
('Chủ trương - Chính sách', 14)
>>> taxonomy.get("y tế - sức khoẻ").name
'Y tế - Sức khỏe'
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..resources import load_json
from ..text.tones import canonical_tone_placement

DEFAULT_TAXONOMY = "taxonomy/default.json"
_LABEL_KEYS = frozenset({"label", "name", "description", "aliases", "signals", "examples"})
_FILE_KEYS = frozenset({"name", "version", "specification", "multi_label", "labels", "rules", "examples"})


def label_key(name: str) -> str:
    """The form names are compared in: NFC, one tone-mark placement, case-folded, single spaces.

    >>> label_key("Y tế - Sức khoẻ") == label_key("y  tế - sức khỏe")
    True
    """
    return " ".join(canonical_tone_placement(unicodedata.normalize("NFC", name)).casefold().split())


@dataclass(frozen=True)
class Label:
    """One topic tag.

    Attributes:
        name: the tag as shown to readers, e.g. ``"Chủ trương - Chính sách"``.
        description: what belongs there.
        aliases: other names accepted for it (another paper's section name, an English name …).
        signals: typical words and phrases of its articles.
        examples: short texts that belong there.
    """

    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.name}
        if self.description:
            data["description"] = self.description
        for key in ("aliases", "signals", "examples"):
            if getattr(self, key):
                data[key] = list(getattr(self, key))
        return data


class Taxonomy:
    """An ordered set of :class:`Label` s whose names and aliases are unique (compared by :func:`label_key`).

    Iterating gives the :class:`Label` s; :attr:`labels` gives their names.

    Args:
        labels: the tags, in display order.
        name: the set's name.
        multi_label: whether an article may carry several tags (a primary one and secondary ones).
        rules: free-text rules for deciding between close tags.

    Raises:
        ValueError: no labels, or a name or alias used twice.

    >>> Taxonomy([Label("Kinh tế", aliases=("Kinh doanh",)), Label("Thể thao")]).get("kinh doanh").name
    'Kinh tế'
    """

    def __init__(
        self,
        labels: Iterable[Label],
        name: str = "custom",
        multi_label: bool = False,
        rules: Iterable[str] = (),
    ) -> None:
        self._labels = tuple(labels)
        self.name = name
        self.multi_label = multi_label
        self.rules = tuple(rules)
        self._index = _build_index(self._labels, [None] * len(self._labels))

    def __repr__(self) -> str:
        return f"Taxonomy({self.name!r}, {len(self)} labels: {', '.join(self.labels)})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Taxonomy) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    @property
    def labels(self) -> tuple[str, ...]:
        """The label names, in order."""
        return tuple(label.name for label in self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __iter__(self) -> Iterator[Label]:
        return iter(self._labels)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and label_key(name) in self._index

    def get(self, name: str) -> Label:
        """The label called ``name`` or having it as an alias (case, spacing and tone placement ignored).

        Raises:
            KeyError: no such label; the message lists the known names.
        """
        label = self._index.get(label_key(name)) if isinstance(name, str) else None
        if label is None:
            raise KeyError(f"unknown label {name!r}; this taxonomy has: {', '.join(self.labels)}")
        return label

    @classmethod
    def from_labels(cls, labels: Iterable[str | Label | Mapping[str, Any]], name: str = "custom") -> Taxonomy:
        """A taxonomy from names, :class:`Label` s or dicts shaped like the file's entries.

        >>> Taxonomy.from_labels(["Kinh tế", {"label": "Thể thao", "aliases": ["Sport"]}]).get("sport").name
        'Thể thao'
        """
        items = [item if isinstance(item, Label) else _label_from(item, None) for item in labels]
        return cls(items, name=name)

    @classmethod
    def default(cls) -> Taxonomy:
        """The shipped 14-tag taxonomy (``docs/taxonomy.md``), checked against its recorded sha256."""
        return cls.from_dict(load_json(DEFAULT_TAXONOMY))

    @classmethod
    def load(cls, path: str | Path) -> Taxonomy:
        """Read a taxonomy file (JSON, UTF-8).

        Raises:
            FileNotFoundError: no such file.
            ValueError: invalid JSON or an invalid entry; the message gives the file and the line.
        """
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}, line {err.lineno}: not valid JSON ({err.msg})") from err
        try:
            return cls.from_dict(data, _entry_lines(text))
        except ValueError as err:
            raise ValueError(f"{path}, {err}") from None

    @classmethod
    def from_dict(cls, data: Any, lines: Mapping[str, list[int]] | None = None) -> Taxonomy:
        """A taxonomy from the parsed content of a taxonomy file (see the module's documentation).

        Args:
            data: the parsed JSON object.
            lines: for error messages, the line of each entry of ``"labels"`` and ``"examples"``.

        Raises:
            ValueError: a missing or malformed field, a repeated name or alias, or an example for an
                unknown label.
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"a taxonomy is a JSON object with a 'labels' list, not {type(data).__name__}")
        unknown = sorted(set(data) - _FILE_KEYS)
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r}; a taxonomy has {', '.join(sorted(_FILE_KEYS))}")
        entries = data.get("labels")
        if not isinstance(entries, list) or not entries:
            raise ValueError("'labels' must be a non-empty list of label entries")
        lines = lines or {}
        label_lines = _pad(lines.get("labels"), len(entries))
        labels = [_label_from(entry, line) for entry, line in zip(entries, label_lines, strict=True)]
        index = _build_index(labels, label_lines)
        extra = data.get("examples", [])
        if not isinstance(extra, list):
            raise ValueError('\'examples\' must be a list of {"label": …, "text": …} entries')
        added: dict[str, list[str]] = {label.name: list(label.examples) for label in labels}
        for entry, line in zip(extra, _pad(lines.get("examples"), len(extra)), strict=True):
            where = _where(line, "examples")
            if not isinstance(entry, Mapping) or not isinstance(entry.get("text"), str) or "label" not in entry:
                raise ValueError(f"{where}: an example is an object with a 'label' and a 'text'")
            target = index.get(label_key(str(entry["label"])))
            if target is None:
                raise ValueError(f"{where}: unknown label {entry['label']!r}; the labels are {', '.join(added)}")
            added[target.name].append(entry["text"])
        labels = [Label(x.name, x.description, x.aliases, x.signals, tuple(added[x.name])) for x in labels]
        rules = data.get("rules", [])
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ValueError("'rules' must be a list of strings")
        return cls(labels, name=str(data.get("name", "custom")), multi_label=bool(data.get("multi_label")), rules=rules)

    def to_dict(self) -> dict[str, Any]:
        """The taxonomy as a JSON-ready dict; :meth:`from_dict` reads it back."""
        data: dict[str, Any] = {
            "name": self.name,
            "multi_label": self.multi_label,
            "labels": [label.to_dict() for label in self._labels],
        }
        if self.rules:
            data["rules"] = list(self.rules)
        return data

    def save(self, path: str | Path) -> None:
        """Write the taxonomy as JSON (UTF-8, one label per line), readable by :meth:`load`."""
        data = self.to_dict()
        entries = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in data.pop("labels"))
        head = json.dumps(data, ensure_ascii=False, indent=2)[:-2]
        Path(path).write_text(f'{head},\n  "labels": [\n{entries}\n  ]\n}}\n', encoding="utf-8")


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _label_from(entry: Any, line: int | None) -> Label:
    where = _where(line, "labels")
    if isinstance(entry, str):
        entry = {"label": entry}
    if not isinstance(entry, Mapping):
        raise ValueError(f'{where}: a label entry is an object such as {{"label": "Kinh tế"}}')
    unknown = sorted(set(entry) - _LABEL_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r}; a label has {', '.join(sorted(_LABEL_KEYS))}")
    name = entry.get("label", entry.get("name"))
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: the entry has no 'label' (its name)")
    description = entry.get("description", "")
    if not isinstance(description, str):
        raise ValueError(f"{where}: 'description' must be a string")
    return Label(
        name=name.strip(),
        description=description,
        aliases=_strings(entry.get("aliases", []), "aliases", where),
        signals=_strings(entry.get("signals", []), "signals", where),
        examples=_strings(entry.get("examples", []), "examples", where),
    )


def _build_index(labels: tuple[Label, ...] | list[Label], lines: list[int | None]) -> dict[str, Label]:
    if not labels:
        raise ValueError("a taxonomy needs at least one label")
    index: dict[str, Label] = {}
    for label, line in zip(labels, lines, strict=True):
        for alias in (label.name, *label.aliases):
            key = label_key(alias)
            if not key:
                raise ValueError(f"{_where(line, 'labels')}: label {label.name!r} has an empty alias")
            other = index.get(key)
            if other is not None and other is not label:
                what = "label" if alias == label.name else f"alias {alias!r} of label"
                raise ValueError(
                    f"{_where(line, 'labels')}: {what} {label.name!r} repeats the name or an alias of {other.name!r}"
                )
            index[key] = label
    return index


def _where(line: int | None, section: str) -> str:
    return f"line {line}" if line is not None else f"an entry of '{section}'"


def _pad(lines: list[int] | None, count: int) -> list[int | None]:
    found: list[int | None] = list(lines or [])
    return (found + [None] * count)[:count]


def _entry_lines(text: str) -> dict[str, list[int]]:
    """The 1-based line of each element of the top-level arrays of a JSON object (``text`` is valid JSON)."""
    decoder = json.JSONDecoder()

    def skip(i: int) -> int:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    lines: dict[str, list[int]] = {}
    i = skip(0)
    if not text.startswith("{", i):
        return lines
    i = skip(i + 1)
    while i < len(text) and text[i] != "}":
        key, i = decoder.raw_decode(text, i)
        i = skip(skip(i) + 1)  # past the colon
        if text.startswith("[", i):
            starts = []
            i = skip(i + 1)
            while text[i] != "]":
                starts.append(text.count("\n", 0, i) + 1)
                _, i = decoder.raw_decode(text, i)
                i = skip(i)
                i = skip(i + 1) if text[i] == "," else i
            lines[key] = starts
            i += 1
        else:
            _, i = decoder.raw_decode(text, i)
        i = skip(i)
        i = skip(i + 1) if text.startswith(",", i) else i
    return lines
