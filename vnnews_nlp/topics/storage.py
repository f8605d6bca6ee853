"""Model files: named numpy arrays plus a JSON configuration in one safetensors file, never pickle.

The header records the format name, its version and the sha256 of the payload (the configuration and
every array's name, dtype, shape and bytes); :func:`read_model` refuses another format, another version or
a payload whose hash differs, so a damaged or hand-edited file never loads silently.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "m.safetensors"
>>> write_model(path, "demo", 1, {"classes": ["a", "b"]}, {"w": np.ones((2, 3), np.float32)})
>>> config, arrays = read_model(path, "demo", 1)
>>> config["classes"], arrays["w"].shape
(['a', 'b'], (2, 3))
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np


def payload_sha256(config_json: str, arrays: dict[str, np.ndarray]) -> str:
    """sha256 of the configuration's JSON text and of each array (sorted by name)."""
    digest = hashlib.sha256(config_json.encode("utf-8"))
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        digest.update(f"\0{name}\0{array.dtype.str}\0{array.shape}\0".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def write_model(
    path: str | Path, format_name: str, version: int, config: dict[str, Any], arrays: dict[str, np.ndarray]
) -> None:
    """Write ``arrays`` and ``config`` (JSON-serialisable) to ``path`` as safetensors."""
    from safetensors.numpy import save_file

    config_json = json.dumps(config, ensure_ascii=False, sort_keys=True)
    metadata = {
        "format": format_name,
        "version": str(version),
        "sha256": payload_sha256(config_json, arrays),
        "config": config_json,
    }
    save_file({k: np.ascontiguousarray(v) for k, v in arrays.items()}, str(path), metadata=metadata)


def read_model(path: str | Path, format_name: str, version: int) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The configuration and arrays of a file written by :func:`write_model`.

    Raises:
        FileNotFoundError: no such file.
        ValueError: not a safetensors file of ``format_name``, another version, or a hash mismatch.
    """
    from safetensors import SafetensorError, safe_open

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no model file at {path}")
    try:
        with safe_open(str(path), framework="np") as handle:
            metadata = handle.metadata() or {}
            arrays = {name: handle.get_tensor(name) for name in handle.keys()}  # noqa: SIM118
    except (SafetensorError, OSError, ValueError) as err:
        raise ValueError(f"{path} is not a {format_name} model file (unreadable as safetensors: {err})") from err
    if metadata.get("format") != format_name:
        raise ValueError(f"{path} is not a {format_name} model file (format {metadata.get('format')!r})")
    if metadata.get("version") != str(version):
        raise ValueError(
            f"{path} has {format_name} version {metadata.get('version')!r}; this library reads version {version}"
        )
    config_json = metadata.get("config", "")
    if payload_sha256(config_json, arrays) != metadata.get("sha256"):
        raise ValueError(f"{path}: the payload's sha256 differs from the recorded one; the file was changed or damaged")
    return json.loads(config_json), arrays
