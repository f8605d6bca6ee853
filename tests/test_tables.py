"""Corpora as tables: pandas in and out, datasets.map columns, the Spark batch function."""

import pandas as pd
import pytest
from test_analyze import HEALTH, SPORT

from vnnews_nlp import Analyzer
from vnnews_nlp.tables import (
    COLUMNS,
    analyze_batches,
    analyze_dataset,
    analyze_frame,
    directives_frame,
    to_frame,
)

lexical = Analyzer(encoder=None, tagger=None)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


def test_analyze_frame_adds_the_columns_and_keeps_bad_rows_with_their_reason(analyzer):
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "body": [HEALTH, None, "   ", SPORT]}, index=[10, 11, 12, 13])
    out = analyze_frame(frame, "body", analyzer=analyzer, batch_size=2)
    assert list(out.columns) == ["id", "body", *COLUMNS] and list(out.index) == [10, 11, 12, 13]
    assert out.loc[10, "primary_tag"] == "Y tế - Sức khỏe" and out.loc[13, "primary_tag"] == "Thể thao"
    assert out.loc[11, "error"] == "missing text (None or NaN)"
    assert out.loc[12, "error"].startswith("EmptyTextError")
    assert out.loc[11, "directives"] == [] and out.loc[10, "error"] is None
    directive = next(d for d in out.loc[10, "directives"] if "diệt lăng quăng" in d["action"])
    assert HEALTH[directive["start"] : directive["end"]] == directive["action"]
    assert directive["addressee"]["text"] == "các địa phương" and directive["deadline"]["text"] == "trước ngày 30/8"
    assert HEALTH[directive["deadline"]["start"] : directive["deadline"]["end"]] == "trước ngày 30/8"


def test_existing_columns_are_never_overwritten():
    frame = pd.DataFrame({"text": [HEALTH], "summary": ["the reference summary"]})
    with pytest.raises(ValueError, match="prefix"):
        analyze_frame(frame, analyzer=lexical)
    out = analyze_frame(frame, analyzer=lexical, prefix="nlp_")
    assert out.loc[0, "summary"] == "the reference summary" and out.loc[0, "nlp_summary"].startswith("Ngày 12/8")
    with pytest.raises(KeyError, match="content"):
        analyze_frame(frame, "content", analyzer=lexical)


def test_to_frame_and_directives_frame():
    analyses = list(lexical.analyze_many([HEALTH, SPORT]))
    assert list(to_frame(analyses).columns) == list(COLUMNS)
    directives = directives_frame(analyses)
    assert set(directives["article"]) == {0}  # the football report asks nothing
    assert "các địa phương" in set(directives["addressee"])
    assert list(directives.columns[:4]) == ["article", "issuer", "addressee", "action"]


def test_analyze_dataset_adds_typed_columns_also_in_worker_processes():
    datasets = pytest.importorskip("datasets")
    dataset = datasets.Dataset.from_dict({"text": [HEALTH, "", SPORT, HEALTH]})
    out = analyze_dataset(dataset, analyzer=lexical, batch_size=2)
    assert out.column_names == ["text", *COLUMNS]
    assert out.features["directives"].feature["addressee"]["text"].dtype == "string"
    assert out[1]["error"].startswith("EmptyTextError") and out[1]["key_sentences"] == []
    assert out[0]["directives"] == out[3]["directives"] and out[0]["directives"]
    parallel = analyze_dataset(dataset, analyzer=lexical, batch_size=1, num_proc=2)
    assert parallel.to_list() == out.to_list()


def test_the_spark_batch_function_yields_the_kept_and_the_schema_columns():
    batches = [pd.DataFrame({"text": [HEALTH, SPORT], "id": [1, 2]}), pd.DataFrame({"text": ["  "], "id": [3]})]
    out = list(analyze_batches(iter(batches), analyzer=lexical, keep=["id"]))
    assert [len(b) for b in out] == [2, 1]
    assert all(list(b.columns) == ["id", *COLUMNS] for b in out)
    assert list(out[0]["id"]) == [1, 2] and out[1].loc[0, "error"].startswith("EmptyTextError")
    assert out[1].loc[0, "title"] is None  # the same object columns whatever the batch holds


@pytest.mark.allow_hosts(["127.0.0.1"])  # Spark's driver talks to its local JVM over loopback only
def test_spark_local_mode_runs_the_batch_function(monkeypatch):
    pyspark = pytest.importorskip("pyspark", reason="the Spark recipe is checked where pyspark is installed")
    import sys
    from functools import partial

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the workers run this environment's library

    from pyspark.sql import SparkSession

    from vnnews_nlp.tables import SPARK_SCHEMA

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    try:
        frame = spark.createDataFrame(pd.DataFrame({"id": [1, 2], "text": [HEALTH, SPORT]}))
        analyze = partial(analyze_batches, text_column="text", keep=["id"])
        rows = frame.mapInPandas(analyze, schema="id long, " + SPARK_SCHEMA).collect()
        assert {r["id"]: r["primary_tag"] for r in rows} == {1: "Y tế - Sức khỏe", 2: "Thể thao"}
        assert pyspark.__version__
    finally:
        spark.stop()
