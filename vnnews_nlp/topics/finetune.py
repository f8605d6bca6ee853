"""Fine-tuning a local transformers encoder for topics (``torch`` extra): mean pooling and a linear head.

Used by ``TopicClassifier(encoder=FOLDER).fit(texts, labels, finetune=True)``. The checkpoint is read with
``local_files_only=True`` and never with remote code (see
:class:`~vnnews_nlp.encoders.TransformersEncoder`); texts are truncated to ``max_length`` tokens. The whole
network is trained with cross-entropy and AdamW, seeded, so a fit on the CPU is reproducible. Saving stores
the encoder's configuration, weights and tokenizer files as plain arrays, so a saved model needs neither the
original folder nor pickle.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from ..encoders.transformers_backend import check_checkpoint


def _torch() -> Any:
    try:
        import torch
        import transformers  # noqa: F401
    except ImportError as err:
        raise ImportError('fine-tuning needs torch and transformers: pip install "vnnews-nlp[torch]"') from err
    return torch


class FineTunedEncoder:
    """A transformers encoder whose mean-pooled output feeds a linear layer, one logit per class.

    Args:
        tokenizer: the checkpoint's tokenizer.
        model: the encoder (``AutoModel``).
        head: ``torch.nn.Linear(hidden_size, n_classes)``.
        max_length: tokens per text, special tokens included; longer texts are truncated.
    """

    def __init__(self, tokenizer: Any, model: Any, head: Any, max_length: int) -> None:
        self.tokenizer = tokenizer
        self.model = model
        self.head = head
        self.max_length = max_length

    @classmethod
    def train(
        cls,
        checkpoint: str | Path,
        texts: list[str],
        y: np.ndarray,
        n_classes: int,
        *,
        epochs: int,
        batch_size: int,
        learning_rate: float,
        max_length: int,
        seed: int,
    ) -> FineTunedEncoder:
        """Fine-tune the checkpoint's encoder and a new head on ``texts`` with class indices ``y``."""
        torch = _torch()
        from transformers import AutoModel, AutoTokenizer

        path = Path(checkpoint)
        check_checkpoint(path)
        torch.manual_seed(seed)
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True, trust_remote_code=False)
        model = AutoModel.from_pretrained(path, local_files_only=True, trust_remote_code=False)
        encoder = cls(tokenizer, model, torch.nn.Linear(model.config.hidden_size, n_classes), max_length)
        parameters = list(model.parameters()) + list(encoder.head.parameters())
        optimiser = torch.optim.AdamW(parameters, lr=learning_rate)
        targets = torch.as_tensor(y, dtype=torch.long)
        order = torch.Generator().manual_seed(seed)
        model.train()
        for _ in range(epochs):
            for batch in torch.randperm(len(texts), generator=order).split(batch_size):
                logits = encoder._logits([texts[i] for i in batch.tolist()])
                loss = torch.nn.functional.cross_entropy(logits, targets[batch])
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
        model.eval()
        return encoder

    def _logits(self, texts: list[str]) -> Any:
        torch = _torch()
        batch = self.tokenizer(texts, truncation=True, max_length=self.max_length, padding=True, return_tensors="pt")
        hidden = self.model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])[0]
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / torch.clamp(mask.sum(dim=1), min=1.0)
        return self.head(pooled)

    def scores(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """The head's logits, ``(len(texts), n_classes)`` float32."""
        torch = _torch()
        with torch.inference_mode():
            parts = [self._logits(texts[k : k + batch_size]).float().numpy() for k in range(0, len(texts), batch_size)]
        return np.vstack(parts).astype(np.float32)

    def to_arrays(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """The configuration (JSON-ready) and arrays: encoder and head weights, tokenizer files as bytes."""
        arrays = {f"encoder.{k}": v.detach().cpu().numpy() for k, v in self.model.state_dict().items()}
        arrays.update({f"head.{k}": v.detach().cpu().numpy() for k, v in self.head.state_dict().items()})
        with tempfile.TemporaryDirectory() as folder:
            for name in self.tokenizer.save_pretrained(folder):
                file = Path(name)
                if file.is_file():
                    arrays[f"tokenizer.{file.name}"] = np.frombuffer(file.read_bytes(), dtype=np.uint8)
        config = {"model_config": self.model.config.to_dict(), "max_length": self.max_length}
        return config, arrays

    @classmethod
    def from_arrays(cls, config: dict[str, Any], arrays: dict[str, np.ndarray]) -> FineTunedEncoder:
        """The encoder saved by :meth:`to_arrays`."""
        torch = _torch()
        from transformers import AutoConfig, AutoModel, AutoTokenizer

        settings = dict(config["model_config"])
        model = AutoModel.from_config(AutoConfig.for_model(settings.pop("model_type"), **settings))
        model.load_state_dict(
            {k[8:]: torch.from_numpy(v.copy()) for k, v in arrays.items() if k.startswith("encoder.")}
        )
        weight = torch.from_numpy(arrays["head.weight"].copy())
        head = torch.nn.Linear(weight.shape[1], weight.shape[0])
        head.load_state_dict({"weight": weight, "bias": torch.from_numpy(arrays["head.bias"].copy())})
        with tempfile.TemporaryDirectory() as folder:
            for key, value in arrays.items():
                if key.startswith("tokenizer."):
                    (Path(folder) / key[len("tokenizer.") :]).write_bytes(value.tobytes())
            tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True, trust_remote_code=False)
        model.eval()
        return cls(tokenizer, model, head, int(config["max_length"]))
