"""Sentence splitting: vnnews_nlp's splitter against underthesea's ``sent_tokenize``.

Gold: VietNews bodies hold one sentence per line. Lines are joined with a space into one paragraph
and each splitter must find the line breaks again. The corpus was word-segmented and de-segmented by
rule, which left a few wrong breaks after abbreviations ("chị Huyền Tr." / "(SN 1997) kết hôn"); a
gold break followed by a lower-case letter or "(" cannot start a Vietnamese sentence, so those are
merged before scoring (reported as "gold breaks merged"). Also scored: the hand-checked sentences of
the whole sample article file. Boundary P/R/F1 and speed; medians of --repeat runs.

    python benchmarks/sentences.py --articles 2000 --repeat 3
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, argument_parser, data_dir, publish, read_jsonl  # noqa: E402
from vnnews_nlp import parse_article  # noqa: E402
from vnnews_nlp.text import normalize, split_sentences  # noqa: E402

Splitter = Callable[[str], list[str]]


def ours(paragraph: str) -> list[str]:
    text = normalize(paragraph).text
    return [text[s:e] for s, e in split_sentences(text)]


def theirs(paragraph: str) -> list[str]:
    from underthesea import sent_tokenize

    return sent_tokenize(normalize(paragraph).text)


def boundaries(sentences: list[str]) -> set[int]:
    """Cumulative non-space character counts at each sentence end (robust to spacing changes)."""
    out, total = set(), 0
    for sentence in sentences[:-1]:
        total += len("".join(sentence.split()))
        out.add(total)
    return out


def gold_sentences(text: str) -> tuple[list[str], int]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    merged: list[str] = []
    fixed = 0
    for line in lines:
        if merged and (line[0].islower() or line[0] == "("):
            merged[-1] += " " + line
            fixed += 1
        else:
            merged.append(line)
    return merged, fixed


def score(pairs: list[tuple[set[int], set[int]]]) -> tuple[float, float, float]:
    tp = sum(len(g & p) for g, p in pairs)
    npred = sum(len(p) for _, p in pairs)
    ngold = sum(len(g) for g, _ in pairs)
    precision = tp / npred if npred else 1.0
    recall = tp / ngold if ngold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(paragraphs: list[str], golds: list[list[str]], splitter: Splitter, repeat: int):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        predicted = [splitter(p) for p in paragraphs]
        times.append(time.perf_counter() - start)
    pairs = [(boundaries(g), boundaries(p)) for g, p in zip(golds, predicted, strict=True)]
    exact = sum(1 for g, p in zip(golds, predicted, strict=True) if boundaries(g) == boundaries(p)) / len(golds)
    return score(pairs), exact, len(paragraphs) / statistics.median(times)


def sample_scores() -> list[str]:
    """Whole sample file, as a user would pass it: ours per paragraph, underthesea on the whole text."""
    from underthesea import sent_tokenize

    raw = (ROOT / "tests" / "data" / "dan-van-kheo-ha-tinh.txt").read_text(encoding="utf-8")
    gold = (ROOT / "tests" / "data" / "sample_sentences.txt").read_text(encoding="utf-8").splitlines()
    article = parse_article(raw)
    norm = article.normalized.text
    mine = [norm[s:e] for b in article.blocks for s, e in split_sentences(norm, b.norm_start, b.norm_end)]
    theirs_ = sent_tokenize(norm)
    out = []
    for predicted in (mine, theirs_):
        p, r, f = score([(boundaries(gold), boundaries(predicted))])
        out.append(f"{f:.3f} ({len(predicted)} sentences)")
    return out


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    paragraphs, golds, merged = [], [], 0
    for record in read_jsonl(data_dir(args.data) / "vietnews_val.jsonl.gz", limit=args.articles):
        gold, fixed = gold_sentences(record["text"])
        merged += fixed
        golds.append(gold)
        paragraphs.append(" ".join(gold))
    sample = sample_scores()

    rows = []
    for k, (name, splitter) in enumerate((("vnnews_nlp.split_sentences", ours), ("underthesea.sent_tokenize", theirs))):
        (p, r, f), exact, speed = run(paragraphs, golds, splitter, args.repeat)
        rows.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {exact:.3f} | {speed:,.0f} | {sample[k]} |")
    gold_breaks = sum(len(g) - 1 for g in golds)
    body = (
        f"VietNews `vietnews_val`, first {len(paragraphs)} articles, one paragraph each "
        f"({gold_breaks} gold breaks; {merged} gold breaks merged because the next line starts lower-case "
        "or with '('). Sample: the whole file `tests/data/dan-van-kheo-ha-tinh.txt` against its 38 "
        "hand-checked sentences in `tests/data/sample_sentences.txt` (ours splits each paragraph, "
        "underthesea the whole text, as each is meant to be used). Speed includes normalisation.\n\n"
        "| splitter | VietNews P | R | F1 | articles exact | articles/s | sample boundary F1 |\n"
        "|---|---|---|---|---|---|---|\n" + "\n".join(rows)
    )
    publish("sentences", "Sentence splitting", body, write=not args.no_write)


if __name__ == "__main__":
    main()
