"""Extractive summarisation on VietNews: the reference points measured with ``vnnews_nlp.evaluate``.

Input = title + body of each `vietnews_test_dev` article; the reference is the paper's own sapo.
Scores are syllable-level ROUGE-1/2/L F1 x100 (NFC, lower-case, punctuation removed), averaged over
articles. Rows so far: lead-2 (the first two body lines), and the oracle (at most three body
sentences chosen greedily with the reference, the ceiling of any extractive method). The library's
summariser joins this table when it lands.

    python benchmarks/summarize.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import argument_parser, data_dir, publish, read_jsonl  # noqa: E402
from vnnews_nlp.evaluate import oracle, rouge  # noqa: E402


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--articles", type=int, default=None, help="limit (default: all 2,000)")
    args = parser.parse_args()

    records = list(read_jsonl(data_dir(args.data) / "vietnews_test_dev.jsonl.gz", limit=args.articles))
    systems = {
        "lead-2 (first two body lines)": lambda lines, ref: lines[:2],
        "oracle (<= 3 sentences chosen with the reference)": lambda lines, ref: [
            lines[i] for i in oracle(lines, ref, max_sentences=3)
        ],
    }
    rows = []
    for name, pick in systems.items():
        start = time.perf_counter()
        scores = []
        for record in records:
            lines = [line for line in record["text"].split("\n") if line.strip()]
            scores.append(rouge(" ".join(pick(lines, record["summary"])), record["summary"]))
        elapsed = time.perf_counter() - start
        means = [100 * np.mean([getattr(s, k) for s in scores]) for k in ("rouge1", "rouge2", "rougeL")]
        rows.append(f"| {name} | {means[0]:.1f} | {means[1]:.1f} | {means[2]:.1f} | {len(records) / elapsed:,.0f} |")
    body = (
        f"`vietnews_test_dev`, {len(records)} articles; reference = the sapo; syllable-level ROUGE F1 x100.\n\n"
        "| system | R1 | R2 | RL | articles/s (scoring included) |\n|---|---|---|---|---|\n" + "\n".join(rows)
    )
    publish("summarize", "Summarization (reference points)", body, write=not args.no_write)


if __name__ == "__main__":
    main()
