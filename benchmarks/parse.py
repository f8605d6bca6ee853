"""Parsing speed: ``parse_article`` on VietNews articles, with and without word segmentation.

Reports articles/s (median of --repeat runs) for parsing alone and for parsing plus underthesea word
segmentation of every content sentence, the time to parse one 5 MB text, and the process's peak RSS.

    python benchmarks/parse.py --articles 1000 --repeat 3
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, argument_parser, data_dir, publish, read_jsonl  # noqa: E402
from vnnews_nlp import parse_article  # noqa: E402


def median_rate(texts, work, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            work(text)
        times.append(time.perf_counter() - start)
    return len(texts) / statistics.median(times)


def parse_and_segment(text):
    article = parse_article(text)
    return [sentence.tokens for sentence in article.sentences]


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = [
        r["title"] + "\n\n" + r["text"]
        for r in read_jsonl(data_dir(args.data) / "vietnews_test_dev.jsonl.gz", limit=args.articles)
    ]
    parse_and_segment(texts[0])  # load underthesea's model outside the timings
    parse_rate = median_rate(texts, parse_article, args.repeat)
    full_rate = median_rate(texts, parse_and_segment, args.repeat)

    sample = (ROOT / "tests" / "data" / "dan-van-kheo-ha-tinh.txt").read_text(encoding="utf-8")
    lines = sample.split("\n")
    body = "\n".join(lines[2 : lines.index("Chủ đề Chủ trương - Chính sách")])
    huge = "Tổng hợp\n\n" + "\n\n".join([body] * 1100)
    huge_times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        parse_article(huge)
        huge_times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    words = sum(len(t.split()) for t in texts) / len(texts)
    body_md = (
        f"`vietnews_test_dev`, first {len(texts)} articles (title + body, {words:.0f} words on average).\n\n"
        "| measure | median |\n|---|---|\n"
        f"| `parse_article` | {parse_rate:,.0f} articles/s |\n"
        f"| `parse_article` + word segmentation of every sentence | {full_rate:,.0f} articles/s |\n"
        f"| one {len(huge.encode('utf-8')) / 1e6:.1f} MB text (the sample's body x 1100) | "
        f"{statistics.median(huge_times):.2f} s |\n"
        f"| peak RSS of the whole run | {peak_mb:,.0f} MB |"
    )
    publish("parse", "Parsing", body_md, write=not args.no_write)


if __name__ == "__main__":
    main()
