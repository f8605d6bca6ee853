"""Seq2SeqSummarizer on a tiny randomly initialised T5 saved in a temporary folder (no download, no network).

The model is random, so these tests check the plumbing (loading, chunking, batching, determinism,
errors), never what the summaries say.
"""

import re
import sys

import pytest
from conftest import SAMPLE

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("tokenizers")

from vnnews_nlp.errors import EmptyTextError  # noqa: E402
from vnnews_nlp.summarize.seq2seq import MAX_ROUNDS, Seq2SeqSummarizer  # noqa: E402
from vnnews_nlp.text import split_sentences  # noqa: E402

SHORT = "Chiều 19/1, Trưởng ban Dân vận Tỉnh ủy Trương Thanh Huyền chủ trì hội nghị tổng kết phong trào thi đua."
OTHER = "Các đồng chí lãnh đạo tỉnh tham dự hội nghị."


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    """A 2-layer T5 (d_model 32) with a word-level tokenizer trained on the sample article."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast, T5Config, T5ForConditionalGeneration

    folder = tmp_path_factory.mktemp("seq2seq") / "tiny-t5"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    tok = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    trainer = trainers.WordLevelTrainer(vocab_size=400, special_tokens=["<pad>", "</s>", "<unk>"])
    tok.train_from_iterator(lines, trainer)
    tok.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", 1)])
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")
    torch.manual_seed(0)
    config = T5Config(
        vocab_size=tok.get_vocab_size(),
        d_model=32,
        d_ff=64,
        d_kv=16,
        num_layers=2,
        num_heads=2,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        initializer_factor=20.0,  # large random weights, so different inputs give different outputs
    )
    T5ForConditionalGeneration(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def summarizer(checkpoint):
    return Seq2SeqSummarizer(checkpoint, max_input_tokens=64, max_new_tokens=12, num_beams=2, num_threads=1).load()


@pytest.fixture
def generate_calls(summarizer, monkeypatch):
    """Records the ``input_ids`` of every ``model.generate`` call."""
    calls = []
    original = summarizer.model_.generate

    def spy(*args, **kwargs):
        calls.append(kwargs["input_ids"])
        return original(*args, **kwargs)

    monkeypatch.setattr(summarizer.model_, "generate", spy)
    return calls


def _squash(text):
    return re.sub(r"\s+", "", text)


def test_constructor_only_stores_parameters(tmp_path):
    s = Seq2SeqSummarizer(tmp_path / "nowhere", max_new_tokens=5, prefix="vietnews: ")
    assert s.model_ is None and s.tokenizer_ is None
    assert (s.max_input_tokens, s.max_new_tokens, s.num_beams, s.device, s.prefix) == (1024, 5, 4, "cpu", "vietnews: ")


def test_summarize_returns_a_deterministic_str(summarizer, generate_calls):
    first = summarizer.summarize(SHORT)
    assert isinstance(first, str) and first
    assert summarizer.summarize(SHORT) == first
    assert len(generate_calls) == 2 and generate_calls[0].shape[0] == 1  # a short text is one chunk
    assert summarizer.summarize(OTHER) != first  # the output depends on the input


def test_a_fresh_instance_gives_the_same_summary(checkpoint, summarizer):
    again = Seq2SeqSummarizer(checkpoint, max_input_tokens=64, max_new_tokens=12, num_beams=2)
    assert again.summarize(SHORT) == summarizer.summarize(SHORT)


def test_summarize_batch_matches_summarize(summarizer, sample_text):
    texts = [SHORT, OTHER, sample_text[:400], SHORT]
    singles = [summarizer.summarize(t) for t in texts]
    assert summarizer.summarize_batch(texts, batch_size=3) == singles
    assert summarizer.summarize_batch(texts, batch_size=1, show_progress_bar=True) == singles
    assert summarizer.summarize_batch([]) == []


def test_short_text_is_one_chunk(summarizer):
    assert summarizer.count_tokens(SHORT) <= 64
    assert summarizer.chunks(SHORT) == [SHORT]


def test_chunks_fit_the_window_and_cover_the_sentences_in_order(summarizer, sample_text):
    long_text = "\n\n".join([sample_text] * 3)
    assert summarizer.count_tokens(long_text) > 64
    chunks = summarizer.chunks(long_text)
    assert len(chunks) > 1
    assert all(summarizer.count_tokens(c) <= 64 for c in chunks)
    # Chunks are consecutive slices of the text that together hold all of it but whitespace.
    spans = summarizer.chunk_spans(long_text)
    assert [long_text[s:e] for s, e in spans] == chunks
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans[:-1], spans[1:], strict=True))
    assert _squash("".join(chunks)) == _squash(long_text)
    # Chunks break only at sentence boundaries: every sentence that fits lies inside one chunk.
    for line in re.finditer(r"[^\n]+", long_text):
        for s, e in split_sentences(long_text, line.start(), line.end()):
            if summarizer.count_tokens(long_text[s:e]) <= 64:
                assert any(cs <= s and e <= ce for cs, ce in spans), long_text[s:e]


def test_prefix_counts_towards_the_window(checkpoint, sample_text):
    plain = Seq2SeqSummarizer(checkpoint, max_input_tokens=64)
    prefixed = Seq2SeqSummarizer(checkpoint, max_input_tokens=64, prefix="Hà Tĩnh Hà Tĩnh Hà Tĩnh : ")
    assert prefixed.count_tokens(SHORT) == plain.count_tokens(SHORT) + 7
    assert all(prefixed.count_tokens(c) <= 64 for c in prefixed.chunks(sample_text))
    assert len(prefixed.chunks(sample_text)) >= len(plain.chunks(sample_text))


def test_long_text_is_summarised_chunk_by_chunk(summarizer, generate_calls, sample_text):
    long_text = "\n\n".join([sample_text] * 3)
    n_chunks = len(summarizer.chunks(long_text))
    summary = summarizer.summarize(long_text)
    assert isinstance(summary, str) and summary
    generated = sum(ids.shape[0] for ids in generate_calls)
    assert generated >= n_chunks > 1
    assert all(ids.shape[1] <= 64 for ids in generate_calls)
    # 12 new tokens per chunk overflow 64 tokens, so the joined chunk summaries are summarised again.
    assert generated > n_chunks
    assert summarizer.summarize(long_text) == summary
    assert summarizer.summarize_batch([SHORT, long_text], batch_size=8) == [summarizer.summarize(SHORT), summary]


def _count_rounds(summarizer, text, monkeypatch):
    rounds = []
    original = summarizer._chunk_spans
    monkeypatch.setattr(summarizer, "_chunk_spans", lambda t: rounds.append(t) or original(t))
    return summarizer.summarize(text), rounds


def test_rounds_are_bounded(checkpoint, sample_text, monkeypatch):
    # 4 new tokens per chunk of at most 16: each round shrinks the text (1339 → 481 → 157 tokens) but
    # never below 16, so it stops after MAX_ROUNDS and returns the last join as it is.
    s = Seq2SeqSummarizer(checkpoint, max_input_tokens=16, max_new_tokens=4, num_beams=1).load()
    summary, rounds = _count_rounds(s, sample_text, monkeypatch)
    assert len(rounds) == MAX_ROUNDS
    assert s.count_tokens(rounds[1]) < s.count_tokens(rounds[0])
    assert isinstance(summary, str) and s.count_tokens(summary) > 16


def test_rounds_stop_when_a_round_does_not_shorten_the_text(checkpoint, sample_text, monkeypatch):
    # 12 new tokens for chunks of at most 16 (many of them short lines): the join is longer than the input.
    s = Seq2SeqSummarizer(checkpoint, max_input_tokens=16, max_new_tokens=12, num_beams=1).load()
    summary, rounds = _count_rounds(s, sample_text, monkeypatch)
    assert len(rounds) == 1
    assert s.count_tokens(summary) >= s.count_tokens(sample_text)


@pytest.mark.parametrize("bad", [None, 42, b"Ha Noi"])
def test_non_str_input_raises_type_error(summarizer, bad):
    with pytest.raises(TypeError):
        summarizer.summarize(bad)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        summarizer.summarize_batch([SHORT, bad])


@pytest.mark.parametrize("blank", ["", "   \n\t", "\u200b"])
def test_empty_input_raises_empty_text_error(summarizer, blank):
    with pytest.raises(EmptyTextError):
        summarizer.summarize(blank)
    with pytest.raises(EmptyTextError):
        summarizer.summarize_batch([SHORT, blank])
    with pytest.raises(EmptyTextError):
        summarizer.chunks(blank)


def test_invalid_arguments(summarizer, checkpoint):
    with pytest.raises(TypeError, match="summarize"):
        summarizer.summarize_batch(SHORT)
    with pytest.raises(ValueError, match="batch_size"):
        summarizer.summarize_batch([SHORT], batch_size=0)
    with pytest.raises(ValueError, match="max_input_tokens"):
        Seq2SeqSummarizer(checkpoint, max_input_tokens=0).load()


def test_missing_checkpoint_raises_naming_the_path(tmp_path):
    missing = tmp_path / "no-such-model"
    s = Seq2SeqSummarizer(missing)  # lazy: nothing is checked yet
    with pytest.raises(FileNotFoundError, match="no-such-model"):
        s.summarize(SHORT)
    with pytest.raises(FileNotFoundError, match="config.json"):
        Seq2SeqSummarizer(tmp_path).load()


def test_remote_code_checkpoint_is_refused(tmp_path):
    (tmp_path / "config.json").write_text('{"model_type": "t5", "auto_map": {"AutoModel": "x.Y"}}')
    with pytest.raises(ValueError, match="trust_remote_code"):
        Seq2SeqSummarizer(tmp_path).load()


def test_missing_transformers_names_the_extra(checkpoint, monkeypatch):
    monkeypatch.setitem(sys.modules, "transformers", None)
    with pytest.raises(ImportError, match=r"vnnews-nlp\[torch\]"):
        Seq2SeqSummarizer(checkpoint).summarize(SHORT)
