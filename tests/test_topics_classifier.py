"""TopicClassifier: fitting, probabilities, inputs, errors, and model files that are never pickles."""

import gzip
import json
import pickle
import random
import struct
import subprocess
import sys

import numpy as np
import pytest

from vnnews_nlp import EmptyTextError
from vnnews_nlp.topics import NotFittedError, Taxonomy, TopicClassifier
from vnnews_nlp.topics.classifier import FORMAT, VERSION

pytest.importorskip("sklearn")

NEWS = {
    "Thể thao": [
        "Đội tuyển Việt Nam thắng Thái Lan 2-0 ở trận chung kết giải bóng đá Đông Nam Á.",
        "Tiền đạo Nguyễn Tiến Linh ghi bàn thắng quyết định ở phút 89 trên sân Mỹ Đình.",
        "Huấn luyện viên trưởng công bố danh sách 23 cầu thủ chuẩn bị cho vòng loại World Cup.",
        "Vận động viên điền kinh Nguyễn Thị Oanh giành huy chương vàng SEA Games.",
        "Câu lạc bộ Hà Nội đánh bại Hải Phòng và giữ vững ngôi đầu bảng V-League.",
        "Đội tuyển bóng chuyền nữ vào bán kết sau chiến thắng 3-1 trước Philippines.",
    ],
    "Kinh tế": [
        "Ngân hàng Nhà nước giảm lãi suất điều hành để hỗ trợ doanh nghiệp phục hồi sản xuất.",
        "Giá vàng trong nước tăng mạnh, vượt mốc 80 triệu đồng mỗi lượng.",
        "Kim ngạch xuất khẩu thủy sản sang thị trường Mỹ tăng 12% so với cùng kỳ năm trước.",
        "Chỉ số VN-Index giảm hơn 20 điểm, thanh khoản trên sàn chứng khoán sụt giảm.",
        "Nhiều doanh nghiệp bất động sản gặp khó khăn về dòng vốn và trái phiếu đến hạn.",
        "Giá xăng dầu được điều chỉnh tăng từ 15 giờ chiều nay theo quyết định của liên bộ.",
    ],
    "Y tế - Sức khỏe": [
        "Bệnh viện Bạch Mai tiếp nhận nhiều bệnh nhân mắc sốt xuất huyết trong tuần qua.",
        "Bộ Y tế khuyến cáo người dân tiêm vắc xin phòng cúm trước mùa dịch.",
        "Các bác sĩ đã phẫu thuật thành công ca ghép gan cho bệnh nhi 5 tuổi.",
        "Trung tâm kiểm soát bệnh tật ghi nhận số ca mắc tay chân miệng tăng cao.",
        "Thiếu thuốc và vật tư y tế khiến nhiều bệnh viện tuyến tỉnh gặp khó khăn.",
        "Chuyên gia dinh dưỡng khuyên nên ăn nhiều rau xanh để phòng bệnh tim mạch.",
    ],
    "Giáo dục": [
        "Hơn một triệu thí sinh bước vào kỳ thi tốt nghiệp trung học phổ thông năm nay.",
        "Bộ Giáo dục và Đào tạo công bố phương án tuyển sinh đại học mới.",
        "Nhiều trường học thiếu giáo viên tiếng Anh và tin học ở vùng sâu vùng xa.",
        "Học sinh Việt Nam giành bốn huy chương vàng tại Olympic Toán học quốc tế.",
        "Trường đại học tăng học phí khiến nhiều sinh viên lo lắng.",
        "Giáo viên mầm non được tăng phụ cấp theo nghị định mới của Chính phủ.",
    ],
}
TEXTS = [text for texts in NEWS.values() for text in texts]
LABELS = [label for label, texts in NEWS.items() for _ in texts]
UNSEEN = {
    "Thể thao": "Cầu thủ ghi bàn giúp đội tuyển bóng đá thắng trận.",
    "Kinh tế": "Doanh nghiệp xuất khẩu lo giá vàng và lãi suất ngân hàng tăng.",
    "Y tế - Sức khỏe": "Bác sĩ bệnh viện khuyến cáo tiêm vắc xin phòng bệnh.",
    "Giáo dục": "Thí sinh dự thi tuyển sinh đại học, trường công bố học phí.",
}


@pytest.fixture(scope="module")
def fitted():
    return TopicClassifier(char_ngrams=(2, 5)).fit(TEXTS, LABELS)


def test_fit_predict_and_probabilities(fitted):
    assert fitted.classes_.tolist() == sorted(NEWS)
    assert fitted.predict(list(UNSEEN.values())) == list(UNSEEN)
    proba = fitted.predict_proba(list(UNSEEN.values()))
    assert proba.shape == (4, 4) and proba.dtype == np.float32
    assert np.allclose(proba.sum(axis=1), 1.0, atol=1e-6) and (proba > 0).all()
    scores = fitted.decision_function(list(UNSEEN.values()))
    assert scores.shape == (4, 4)
    assert (scores.argmax(axis=1) == proba.argmax(axis=1)).all()
    assert fitted.temperature_ > 0
    assert fitted.predict([]) == [] and fitted.predict_proba([]).shape == (0, 4)


def test_predicting_reads_the_same_ngrams_as_the_sparse_matrices_fit_saw(fitted):
    texts = list(UNSEEN.values()) + TEXTS + ["Sức khoẻ  của   người cao tuổi", "Ô"]
    sparse = fitted._scores([view.transform(texts) for view in fitted.views_], fitted.weights_)
    assert np.allclose(fitted.decision_function(texts), sparse, atol=1e-5)
    for view in fitted.views_:
        matrix = view.transform(texts).toarray()
        for text, expected in zip(texts, matrix, strict=True):
            columns, values = view.row(text)
            row = np.zeros_like(expected)
            row[columns] = values
            assert np.allclose(row, expected, atol=1e-6), (view.analyzer, text)


def test_predicting_with_a_saved_model_does_not_import_scikit_learn(fitted, tmp_path):
    path = tmp_path / "topics.safetensors"
    fitted.save(path)
    script = (
        "import sys\n"
        "from vnnews_nlp.topics import TopicClassifier\n"
        f"model = TopicClassifier.load({str(path)!r})\n"
        f"print(model.predict([{UNSEEN['Thể thao']!r}])[0], 'sklearn' in sys.modules, 'scipy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["Thể", "thao", "False", "False"]


def test_fitting_is_deterministic(fitted):
    again = TopicClassifier(char_ngrams=(2, 5)).fit(TEXTS, LABELS)
    texts = list(UNSEEN.values()) + TEXTS
    assert np.array_equal(again.decision_function(texts), fitted.decision_function(texts))
    assert again.temperature_ == fitted.temperature_


def test_two_views_and_the_default_syllables_only_with_two_classes(fitted):
    assert [view.analyzer for view in fitted.views_] == ["word", "char_wb"]
    clf = TopicClassifier(min_df=1).fit(TEXTS[:12], LABELS[:12])
    assert [view.analyzer for view in clf.views_] == ["word"]
    assert clf.predict([UNSEEN["Thể thao"], UNSEEN["Kinh tế"]]) == ["Thể thao", "Kinh tế"]
    proba = clf.predict_proba([UNSEEN["Thể thao"]])
    assert proba.shape == (1, 2) and proba[0, 1] > 0.5  # classes_ sorted: Kinh tế, Thể thao


def test_integer_labels_come_back_as_integers():
    ids = {label: i for i, label in enumerate(NEWS)}
    clf = TopicClassifier().fit(TEXTS, [ids[label] for label in LABELS])
    assert clf.classes_.tolist() == [0, 1, 2, 3]
    assert clf.predict([UNSEEN["Giáo dục"]]) == [3]


def test_numpy_labels_in_a_plain_list_are_accepted_as_python_values():
    ids = {label: i for i, label in enumerate(NEWS)}
    numbered = TopicClassifier().fit(TEXTS, [np.int64(ids[label]) for label in LABELS])
    assert numbered.classes_.tolist() == [0, 1, 2, 3] and numbered.predict([UNSEEN["Giáo dục"]]) == [3]
    named = TopicClassifier().fit(TEXTS, [np.str_(label) for label in LABELS])
    assert named.predict([UNSEEN["Thể thao"]]) == ["Thể thao"]


def test_save_and_load_predict_exactly_the_same(fitted, tmp_path):
    path = tmp_path / "topics.safetensors"
    fitted.save(path)
    loaded = TopicClassifier.load(path)
    texts = list(UNSEEN.values()) + TEXTS
    assert loaded.predict(texts) == fitted.predict(texts)
    assert np.array_equal(loaded.predict_proba(texts), fitted.predict_proba(texts))
    assert loaded.get_params() == fitted.get_params()
    assert loaded.classes_.tolist() == fitted.classes_.tolist()
    assert "not fitted" not in repr(loaded)


def _header(path):
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    return json.loads(data[8 : 8 + size]), data[8 + size :]


def _rewrite(path, header, body):
    raw = json.dumps(header).encode("utf-8")
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + body)


def test_the_file_is_safetensors_with_format_version_and_hash(fitted, tmp_path):
    path = tmp_path / "topics.safetensors"
    fitted.save(path)
    header, _ = _header(path)
    metadata = header["__metadata__"]
    assert metadata["format"] == FORMAT and metadata["version"] == str(VERSION)
    assert len(metadata["sha256"]) == 64
    assert json.loads(metadata["config"])["classes"] == sorted(NEWS)
    assert header["view0.coef"]["dtype"] == "F16"
    vocabulary = np.frombuffer(_tensor(path, "view0.vocabulary"), dtype=np.uint8).tobytes().decode("utf-8")
    assert "bệnh viện" in json.loads(vocabulary)


def _tensor(path, name):
    header, body = _header(path)
    start, end = header[name]["data_offsets"]
    return body[start:end]


def test_a_wrong_version_or_format_is_refused(fitted, tmp_path):
    path = tmp_path / "topics.safetensors"
    fitted.save(path)
    header, body = _header(path)
    header["__metadata__"]["version"] = str(VERSION + 1)
    _rewrite(path, header, body)
    with pytest.raises(ValueError, match=f"version '{VERSION + 1}'; this library reads version {VERSION}"):
        TopicClassifier.load(path)
    header["__metadata__"]["version"] = str(VERSION)
    header["__metadata__"]["format"] = "vnnews_nlp.summarizer"
    _rewrite(path, header, body)
    with pytest.raises(ValueError, match="is not a vnnews_nlp.topic_classifier model file"):
        TopicClassifier.load(path)
    path.write_bytes(b"not a model at all")
    with pytest.raises(ValueError, match="not a vnnews_nlp.topic_classifier model file"):
        TopicClassifier.load(path)
    with pytest.raises(FileNotFoundError):
        TopicClassifier.load(tmp_path / "missing.safetensors")


def test_tampered_weights_or_configuration_are_refused(fitted, tmp_path):
    path = tmp_path / "topics.safetensors"
    fitted.save(path)
    header, body = _header(path)
    start, _ = header["view0.coef"]["data_offsets"]
    changed = bytearray(body)
    changed[start] ^= 0xFF
    _rewrite(path, header, bytes(changed))
    with pytest.raises(ValueError, match="sha256 differs"):
        TopicClassifier.load(path)
    config = json.loads(header["__metadata__"]["config"])
    config["classes"][0] = "Chính trị"
    header["__metadata__"]["config"] = json.dumps(config, ensure_ascii=False, sort_keys=True)
    _rewrite(path, header, body)
    with pytest.raises(ValueError, match="sha256 differs"):
        TopicClassifier.load(path)


def test_pickle_is_never_used(fitted, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("pickle was used")

    for name in ("dump", "dumps", "load", "loads", "Pickler", "Unpickler"):
        monkeypatch.setattr(pickle, name, refuse)
    monkeypatch.setattr(np, "load", refuse)
    path = tmp_path / "topics.safetensors"
    fitted.save(path)
    loaded = TopicClassifier.load(path)
    assert loaded.predict([UNSEEN["Thể thao"]]) == ["Thể thao"]
    header, _ = _header(path)  # an 8-byte length, a JSON header, raw array bytes: nothing to unpickle
    assert set(header["__metadata__"]) == {"format", "version", "sha256", "config"}


def test_pandas_series_inputs():
    pd = pytest.importorskip("pandas")
    clf = TopicClassifier().fit(pd.Series(TEXTS), pd.Series(LABELS))
    assert clf.predict(pd.Series(list(UNSEEN.values()), index=[10, 11, 12, 13])) == list(UNSEEN)


def test_datasets_inputs_with_named_columns_and_class_labels():
    datasets = pytest.importorskip("datasets")
    names = list(NEWS)
    features = datasets.Features({"noi_dung": datasets.Value("string"), "chu_de": datasets.ClassLabel(names=names)})
    data = datasets.Dataset.from_dict(
        {"noi_dung": TEXTS, "chu_de": [names.index(label) for label in LABELS]}, features=features
    )
    clf = TopicClassifier(text_column="noi_dung", label_column="chu_de").fit(data)
    assert clf.classes_.tolist() == sorted(names)  # ClassLabel ids are read as their names
    unseen = datasets.Dataset.from_dict({"noi_dung": list(UNSEEN.values())})
    assert clf.predict(unseen) == list(UNSEEN)
    with pytest.raises(ValueError, match="no text column 'text'.*noi_dung"):
        TopicClassifier().fit(datasets.Dataset.from_dict({"noi_dung": TEXTS, "label": LABELS}))


def test_input_errors_name_the_index(fitted):
    with pytest.raises(ValueError, match="at least two classes; all 6 are 'Thể thao'"):
        TopicClassifier().fit(TEXTS[:6], LABELS[:6])
    with pytest.raises(ValueError, match="got 24 texts but 23 labels"):
        TopicClassifier().fit(TEXTS, LABELS[:-1])
    for bad, message in [
        ("", r"texts\[3\] is empty"),
        ("  \n\t", r"texts\[3\] is empty"),
        (None, r"texts\[3\] is None"),
    ]:
        texts = list(TEXTS)
        texts[3] = bad
        with pytest.raises(EmptyTextError, match=message):
            TopicClassifier().fit(texts, LABELS)
        with pytest.raises(ValueError, match=message):
            fitted.predict(texts)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        fitted.predict(["Giá vàng", 42])
    with pytest.raises(TypeError, match="not one string"):
        fitted.predict("Giá vàng tăng")
    with pytest.raises(ValueError, match=r"labels\[2\] is None"):
        TopicClassifier().fit(TEXTS, LABELS[:2] + [None] + LABELS[3:])
    with pytest.raises(ValueError, match="labels are missing"):
        TopicClassifier().fit(TEXTS)


def test_predicting_before_fitting_says_so():
    clf = TopicClassifier()
    for method in (clf.predict, clf.predict_proba, clf.decision_function):
        with pytest.raises(NotFittedError, match="not fitted") as info:
            method(["Giá vàng tăng"])
        assert isinstance(info.value, ValueError) and isinstance(info.value, AttributeError)
    with pytest.raises(NotFittedError, match="not fitted"):
        clf.save("never-written.safetensors")
    assert "not fitted" in repr(clf)


def test_a_taxonomy_maps_aliases_to_label_names_and_refuses_others(tmp_path):
    taxonomy = Taxonomy.default()
    aliases = {
        "Thể thao": "thể thao",
        "Kinh tế": "KINH TẾ",
        "Y tế - Sức khỏe": "Y tế - Sức khoẻ",
        "Giáo dục": "Giáo dục",
    }
    clf = TopicClassifier(taxonomy=taxonomy).fit(TEXTS, [aliases[label] for label in LABELS])
    assert clf.classes_.tolist() == sorted(NEWS)
    path = tmp_path / "with-taxonomy.safetensors"
    clf.save(path)
    assert TopicClassifier.load(path).taxonomy == taxonomy
    with pytest.raises(ValueError, match=r"labels\[0\] is 'Bóng đá', not a label of the taxonomy"):
        TopicClassifier(taxonomy=taxonomy).fit(TEXTS, ["Bóng đá"] + LABELS[1:])


def read_jsonl(path, limit=None):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for _, line in zip(range(limit or 10**9), handle, strict=False)]


def test_vntc_small_fit_reaches_a_sensible_accuracy(shared_data):
    def text(record):
        return f"{record['title']}\n{record['text']}" if record["title"] else record["text"]

    train = list(read_jsonl(shared_data / "vntc_train.jsonl.gz"))
    random.Random(0).shuffle(train)
    train = train[:2000]
    test = list(read_jsonl(shared_data / "vntc_test_dev.jsonl.gz", limit=500))
    clf = TopicClassifier().fit([text(r) for r in train], [r["category"] for r in train])
    predicted = clf.predict([text(r) for r in test])
    accuracy = np.mean([p == r["category"] for p, r in zip(predicted, test, strict=True)])
    assert accuracy >= 0.85, accuracy
    confidence = clf.predict_proba([text(r) for r in test]).max(axis=1)
    assert abs(confidence.mean() - accuracy) < 0.08  # calibrated: mean confidence close to accuracy


@pytest.fixture(scope="module")
def tiny_checkpoint(tmp_path_factory):
    """A randomly initialised two-layer BERT with a word-level tokenizer over the test sentences."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bert")
    words = sorted({w for text in TEXTS + list(UNSEEN.values()) for w in text.lower().split()})
    vocab = {token: i for i, token in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *words])}
    backend = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.normalizer = __import__("tokenizers").normalizers.Lowercase()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]"
    )
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    BertModel(config).save_pretrained(folder)
    return folder


def test_finetuning_a_transformers_encoder(tiny_checkpoint, tmp_path):
    params = {"encoder": tiny_checkpoint, "epochs": 15, "batch_size": 4, "learning_rate": 3e-3, "max_length": 32}
    clf = TopicClassifier(**params).fit(TEXTS, LABELS, finetune=True)
    assert clf.encoder_ is not None and clf.views_ == []
    predicted = clf.predict(TEXTS)
    assert np.mean([p == g for p, g in zip(predicted, LABELS, strict=True)]) >= 0.75
    proba = clf.predict_proba(list(UNSEEN.values()))
    assert proba.shape == (4, 4) and np.allclose(proba.sum(axis=1), 1.0, atol=1e-6)
    again = TopicClassifier(**params).fit(TEXTS, LABELS, finetune=True)
    assert np.allclose(again.decision_function(TEXTS), clf.decision_function(TEXTS), atol=1e-5)  # seeded

    path = tmp_path / "finetuned.safetensors"
    clf.save(path)
    loaded = TopicClassifier.load(path)  # needs neither the checkpoint folder nor pickle
    assert loaded.predict(TEXTS) == predicted
    assert np.allclose(loaded.predict_proba(TEXTS), clf.predict_proba(TEXTS), atol=1e-6)


def test_finetuning_needs_an_encoder():
    with pytest.raises(ValueError, match="needs TopicClassifier\\(encoder="):
        TopicClassifier().fit(TEXTS, LABELS, finetune=True)
