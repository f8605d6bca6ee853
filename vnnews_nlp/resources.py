"""Shipped artefacts in ``models/``, verified against their recorded sha256 before use.

In an installed package the artefacts live in ``vnnews_nlp/models/``; in a source checkout (an
editable install) they are read from the repository's ``models/``. ``MANIFEST.json`` there records the
sha256 of every file; :func:`resource_path` refuses a file whose hash differs, so a damaged or
hand-edited artefact never loads silently.

Run ``python -m vnnews_nlp.resources`` after changing an artefact to record its new hash.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

MANIFEST = "MANIFEST.json"


class ResourceIntegrityError(RuntimeError):
    """A shipped artefact is missing, unrecorded, or differs from its recorded sha256."""


def models_dir() -> Path:
    """The folder holding the shipped artefacts."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "models", package.parent / "models"):
        if (candidate / MANIFEST).is_file():
            return candidate
    raise ResourceIntegrityError(
        f"no models/{MANIFEST} next to {package}; reinstall vnnews-nlp (pip install --force-reinstall vnnews-nlp)"
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@cache
def _manifest(folder: Path) -> dict[str, str]:
    return dict(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["sha256"])


@cache
def resource_path(name: str) -> Path:
    """Path of the artefact ``name`` (e.g. ``"taxonomy/default.json"``), after checking its sha256.

    >>> resource_path("taxonomy/default.json").name
    'default.json'
    """
    folder = models_dir()
    expected = _manifest(folder).get(name)
    path = folder / name
    if expected is None:
        raise ResourceIntegrityError(f"{name} is not recorded in {folder / MANIFEST}")
    if not path.is_file():
        raise ResourceIntegrityError(f"{path} is missing; reinstall vnnews-nlp")
    actual = sha256_of(path)
    if actual != expected:
        raise ResourceIntegrityError(
            f"{path} has sha256 {actual[:12]}…, expected {expected[:12]}…: the file was changed or damaged"
        )
    return path


def models_fingerprint() -> str:
    """A digest of every shipped artefact's recorded sha256: it changes whenever a model is retrained.

    >>> len(models_fingerprint())
    16
    """
    recorded = json.dumps(_manifest(models_dir()), sort_keys=True).encode("utf-8")
    return hashlib.sha256(recorded).hexdigest()[:16]


def load_json(name: str) -> Any:
    """Read a verified JSON artefact."""
    return json.loads(resource_path(name).read_text(encoding="utf-8"))


def write_manifest(folder: Path) -> dict[str, str]:
    """Record the sha256 of every artefact under ``folder`` (all files but READMEs and the manifest)."""
    hashes = {
        p.relative_to(folder).as_posix(): sha256_of(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST and p.suffix != ".md"
    }
    (folder / MANIFEST).write_text(json.dumps({"sha256": hashes}, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return hashes


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "models"
    for name, digest in write_manifest(target).items():
        print(f"{digest}  {name}")
