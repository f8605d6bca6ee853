"""Abstractive summaries from a local seq2seq checkpoint (ViT5, BARTpho, mT5 …) through transformers (``torch`` extra).

The checkpoint is the user's: this module only loads it from a folder (never from the Hub), feeds it the
text in chunks that fit its input window, and joins what it generates.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from typing import Any

from ..encoders.transformers_backend import read_checkpoint_config
from ..text.sentences import split_long, split_sentences
from ..text.validate import ensure_text

MAX_ROUNDS = 3
"""How many times :meth:`Seq2SeqSummarizer.summarize` summarises at most: the chunks, then up to two
rounds over the joined chunk summaries while they are still longer than ``max_input_tokens``."""

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+")


def _check_checkpoint(path: Path) -> None:
    read_checkpoint_config(
        path,
        "Seq2SeqSummarizer needs a local transformers seq2seq checkpoint (a folder with config.json, the "
        "weights and the tokenizer files, as written by save_pretrained); it never downloads one",
    )


class Seq2SeqSummarizer:
    """Abstractive summaries from a local seq2seq checkpoint (ViT5, BARTpho, mT5, any ``AutoModelForSeq2SeqLM``).

    This class makes **no claim about summary quality**: it only runs the checkpoint you point it to,
    deterministically (greedy or beam search, ``do_sample=False``), and what comes out is whatever that
    model generates. Pick, fine-tune and evaluate the checkpoint yourself. The text is given to the model
    as-is after ``prefix``; a model trained on word-segmented input (BARTpho-word, for instance) needs
    the text segmented the same way first.

    The constructor only stores its arguments; the tokenizer and model load from ``model_path`` on first
    use, or when :meth:`load` is called. Loading never downloads (``local_files_only=True``) and never runs
    code shipped with the checkpoint (``trust_remote_code=False``).

    A text whose tokens (``prefix`` and special tokens included) exceed ``max_input_tokens`` is cut
    into consecutive chunks at sentence boundaries (:meth:`chunks`), each chunk is summarised, and the
    chunk summaries are joined with spaces, in order. While that join is still longer than
    ``max_input_tokens`` it is chunked and summarised again, for at most :data:`MAX_ROUNDS` rounds in all;
    the last join is returned as it is.

    Args:
        model_path: a local checkpoint folder (``config.json``, weights, tokenizer files).
        max_input_tokens: the most tokens the model reads at once, prefix and special tokens included;
            lowered to the model's ``max_position_embeddings`` when that is smaller.
        max_new_tokens: the most tokens generated per chunk.
        num_beams: beam width; ``1`` is greedy search.
        device: a torch device, ``"cpu"`` by default.
        num_threads: torch intra-op threads (``torch.set_num_threads``, process-wide), if given.
        prefix: text put before every input, e.g. ``"vietnews: "`` for ViT5's news summariser.

    Attributes:
        tokenizer_: the loaded tokenizer (after :meth:`load`).
        model_: the loaded model, in eval mode on ``device`` (after :meth:`load`).

    >>> s = Seq2SeqSummarizer("vit5-base-vietnews-summarization", prefix="vietnews: ")  # doctest: +SKIP
    >>> s.summarize(article_text)  # doctest: +SKIP
    'Phó Bí thư Thường trực Tỉnh ủy Trần Thế Dũng đề nghị ...'
    """

    def __init__(
        self,
        model_path: str | os.PathLike[str],
        *,
        max_input_tokens: int = 1024,
        max_new_tokens: int = 256,
        num_beams: int = 4,
        device: str = "cpu",
        num_threads: int | None = None,
        prefix: str = "",
    ) -> None:
        self.model_path = model_path
        self.max_input_tokens = max_input_tokens
        self.max_new_tokens = max_new_tokens
        self.num_beams = num_beams
        self.device = device
        self.num_threads = num_threads
        self.prefix = prefix
        self.tokenizer_: Any = None
        self.model_: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"Seq2SeqSummarizer({str(self.model_path)!r}, max_input_tokens={self.max_input_tokens}, "
            f"max_new_tokens={self.max_new_tokens}, num_beams={self.num_beams}, device={self.device!r})"
        )

    # ------------------------------------------------------------------ loading

    def _check_params(self) -> None:
        for name in ("max_input_tokens", "max_new_tokens", "num_beams"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, not {value!r}")
        if not isinstance(self.prefix, str):
            raise TypeError(f"prefix must be str, not {type(self.prefix).__name__}")

    def load(self) -> Seq2SeqSummarizer:
        """Load the tokenizer and model now (otherwise they load on first use); return ``self``.

        Raises:
            ImportError: torch or transformers is not installed (``pip install "vnnews-nlp[torch]"``).
            FileNotFoundError: ``model_path`` is not a folder, or holds no ``config.json``.
            ValueError: the checkpoint is not a seq2seq model, needs ``trust_remote_code``, or a
                parameter is invalid.
            TypeError: ``prefix`` is not a ``str``.

        >>> Seq2SeqSummarizer("bartpho-syllable-summarizer").load()  # doctest: +SKIP
        Seq2SeqSummarizer('bartpho-syllable-summarizer', max_input_tokens=1024, ...)
        """
        with self._lock:
            if self.model_ is not None:
                return self
            self._check_params()
            try:
                import torch
                from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
            except ImportError as err:
                raise ImportError(
                    'Seq2SeqSummarizer needs torch and transformers: pip install "vnnews-nlp[torch]"'
                ) from err
            path = Path(self.model_path)
            _check_checkpoint(path)
            if self.num_threads:
                torch.set_num_threads(self.num_threads)
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True, trust_remote_code=False)
            try:
                model = AutoModelForSeq2SeqLM.from_pretrained(path, local_files_only=True, trust_remote_code=False)
            except ValueError as err:
                raise ValueError(f"the checkpoint at {path} is not a seq2seq (encoder-decoder) model: {err}") from err
            if tokenizer.pad_token_id is None:
                if tokenizer.eos_token is None:
                    raise ValueError(f"the tokenizer at {path} has neither a pad nor an eos token to pad batches with")
                tokenizer.pad_token = tokenizer.eos_token
            model.eval().to(self.device)
            self.tokenizer_ = tokenizer
            self.model_ = model
        return self

    def _limit(self) -> int:
        """``max_input_tokens``, lowered to the model's position limit where it has one."""
        positions = getattr(self.model_.config, "max_position_embeddings", None)
        if isinstance(positions, int) and positions > 0:
            return min(self.max_input_tokens, positions)
        return self.max_input_tokens

    # ------------------------------------------------------------------ chunking

    def count_tokens(self, text: str) -> int:
        """How many tokens the model reads for ``text``: ``prefix`` and special tokens included.

        >>> Seq2SeqSummarizer("vit5-base").count_tokens("Hà Tĩnh")  # doctest: +SKIP
        4
        """
        text = ensure_text(text)
        self.load()
        return self._count(text)

    def _count(self, text: str) -> int:
        return len(self.tokenizer_(self.prefix + text, verbose=False)["input_ids"])

    def _pieces(self, text: str) -> list[tuple[int, int]]:
        """Sentences of every line (paragraph) of ``text``, each cut at clause or word boundaries
        until it fits the window on its own (a single word longer than the window stays whole)."""
        limit = self._limit()
        out: list[tuple[int, int]] = []
        for line in _LINE.finditer(text):
            for start, end in split_sentences(text, line.start(), line.end()):
                todo = [(start, end)]
                while todo:
                    s, e = todo.pop(0)
                    words = len(_WORD.findall(text, s, e))
                    if words <= 1 or self._count(text[s:e]) <= limit:
                        out.append((s, e))
                        continue
                    todo[:0] = split_long(text, s, e, max(1, words // 2))
        return out

    def chunk_spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` offsets into ``text`` of the chunks :meth:`chunks` returns."""
        text = ensure_text(text)
        self.load()
        return self._chunk_spans(text)

    def _chunk_spans(self, text: str) -> list[tuple[int, int]]:
        limit = self._limit()
        if self._count(text) <= limit:
            return [(0, len(text))]
        spans: list[tuple[int, int]] = []
        current: tuple[int, int] | None = None
        for start, end in self._pieces(text):
            if current is not None and self._count(text[current[0] : end]) <= limit:
                current = (current[0], end)
                continue
            if current is not None:
                spans.append(current)
            current = (start, end)
        if current is not None:
            spans.append(current)
        return spans

    def chunks(self, text: str) -> list[str]:
        """Cut ``text`` into consecutive pieces that each fit ``max_input_tokens``, at sentence boundaries.

        A text that fits comes back whole, as a one-item list. Otherwise the text is split into
        paragraphs (lines) and sentences (:func:`vnnews_nlp.text.split_sentences`), and consecutive
        sentences are packed greedily into chunks whose token count (:meth:`count_tokens`) stays within
        the limit; a chunk never starts mid-sentence unless that sentence alone is too long, in which
        case it is cut at clause punctuation or between words (only a single "word" longer than the
        window can make a chunk exceed it; generation then truncates that chunk). Each chunk is a slice
        of ``text``, in order, and together they hold all of its non-whitespace characters.

        Raises:
            TypeError, EmptyTextError: see :func:`vnnews_nlp.text.validate.ensure_text`.

        >>> s = Seq2SeqSummarizer("vit5-base", max_input_tokens=512)  # doctest: +SKIP
        >>> [s.count_tokens(c) <= 512 for c in s.chunks(long_article)]  # doctest: +SKIP
        [True, True, True]
        """
        text = ensure_text(text)
        self.load()
        return [text[s:e] for s, e in self._chunk_spans(text)]

    # ------------------------------------------------------------------ generation

    def _generate(self, inputs: list[str], batch_size: int, bar: Any) -> list[str]:
        """Summaries of ``inputs`` (each fitting the window), generated in length-sorted batches."""
        import torch

        if self.num_threads:
            torch.set_num_threads(self.num_threads)
        tokenizer, model = self.tokenizer_, self.model_
        out = [""] * len(inputs)
        order = sorted(range(len(inputs)), key=lambda i: len(inputs[i]), reverse=True)
        with torch.inference_mode():
            for k in range(0, len(order), batch_size):
                batch = order[k : k + batch_size]
                encoded = tokenizer(
                    [self.prefix + inputs[i] for i in batch],
                    padding=True,
                    truncation=True,
                    max_length=self._limit(),
                    return_tensors="pt",
                    verbose=False,
                )
                generated = model.generate(
                    input_ids=encoded["input_ids"].to(self.device),
                    attention_mask=encoded["attention_mask"].to(self.device),
                    max_new_tokens=self.max_new_tokens,
                    num_beams=self.num_beams,
                    do_sample=False,
                )
                texts = tokenizer.batch_decode(generated, skip_special_tokens=True)
                for i, summary in zip(batch, texts, strict=True):
                    out[i] = " ".join(summary.split())
                if bar is not None:
                    bar.update(len(batch))
        return out

    def summarize(self, text: str) -> str:
        """Summarise one text (chunked when it is longer than ``max_input_tokens``).

        The result is the decoded output with special tokens removed and whitespace collapsed; it is
        ``""`` if the model generates nothing but special tokens.

        Raises:
            TypeError, EmptyTextError: see :func:`vnnews_nlp.text.validate.ensure_text`.
            ImportError, FileNotFoundError, ValueError: see :meth:`load`.

        >>> Seq2SeqSummarizer("vit5-base-vietnews-summarization", prefix="vietnews: ").summarize(text)  # doctest: +SKIP
        'Phó Bí thư Thường trực Tỉnh ủy Trần Thế Dũng đề nghị ...'
        """
        return self.summarize_batch([ensure_text(text)])[0]

    def summarize_batch(self, texts: list[str], batch_size: int = 4, show_progress_bar: bool = False) -> list[str]:
        """Summarise several texts; chunks of all of them share generation batches.

        Each text gives the same summary as :meth:`summarize` on it alone (up to floating-point effects
        of padding, which do not change greedy or beam choices in practice).

        Args:
            texts: a list (or other iterable) of strings.
            batch_size: chunks per ``generate`` call; chunks are sorted by length first.
            show_progress_bar: a tqdm bar over the chunks of each round.

        Raises:
            TypeError: ``texts`` is a string or bytes, or an item is not a ``str`` (the message gives its index).
            EmptyTextError: an item is empty or blank.
            ValueError: ``batch_size`` is not a positive integer.

        >>> Seq2SeqSummarizer("vit5-base-vietnews-summarization").summarize_batch([a, b])  # doctest: +SKIP
        ['...', '...']
        """
        if isinstance(texts, (str, bytes, bytearray)):
            raise TypeError(f"texts must be a list of str, not {type(texts).__name__}; use summarize() for one text")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
        items = [ensure_text(t, f"texts[{i}]") for i, t in enumerate(texts)]
        if not items:
            return []
        self.load()
        limit = self._limit()
        results: list[str | None] = [None] * len(items)
        current = list(items)
        for round_ in range(MAX_ROUNDS):
            todo = [i for i in range(len(items)) if results[i] is None]
            spans = {i: self._chunk_spans(current[i]) for i in todo}
            inputs = [(i, current[i][s:e]) for i in todo for s, e in spans[i]]
            bar = None
            if show_progress_bar:
                from tqdm.auto import tqdm  # type: ignore[import-untyped]

                bar = tqdm(total=len(inputs), desc=f"summarising (round {round_ + 1})", unit="chunk")
            try:
                summaries = self._generate([chunk for _, chunk in inputs], batch_size, bar)
            finally:
                if bar is not None:
                    bar.close()
            by_text: dict[int, list[str]] = {i: [] for i in todo}
            for (i, _), summary in zip(inputs, summaries, strict=True):
                if summary:
                    by_text[i].append(summary)
            for i in todo:
                joined = " ".join(by_text[i])
                finished = (
                    len(spans[i]) == 1
                    or not joined
                    or round_ == MAX_ROUNDS - 1
                    or self._count(joined) <= limit
                    or self._count(joined) >= self._count(current[i])  # no progress: another round would not help
                )
                if finished:
                    results[i] = joined
                else:
                    current[i] = "\n".join(by_text[i])  # one line per chunk summary, for the next round's chunking
        return [r if r is not None else "" for r in results]
