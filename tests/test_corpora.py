"""Checks on the team's real corpora; skipped when ../shared/data is absent."""

import gzip
import json
import warnings
from itertools import islice

from vnnews_nlp import parse_article
from vnnews_nlp.text import normalize, split_sentences


def records(path, n):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        yield from (json.loads(line) for line in islice(handle, n))


def test_vietnews_articles_parse_with_valid_offsets_and_no_warnings(shared_data):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for record in records(shared_data / "vietnews_val.jsonl.gz", 300):
            text = record["title"] + "\n\n" + record["text"]
            article = parse_article(text)
            assert article.title.text == record["title"].strip()
            assert article.sentences
            assert all(text[s.start : s.end] == s.text for s in article.sentences)


def test_sentence_boundaries_on_vietnews_reach_the_measured_quality(shared_data):
    # Gold: one sentence per line; breaks before a lower-case letter or "(" are corpus noise and are merged.
    found = expected = correct = 0
    for record in records(shared_data / "vietnews_val.jsonl.gz", 300):
        gold = []
        for line in filter(None, (x.strip() for x in record["text"].split("\n"))):
            if gold and (line[0].islower() or line[0] == "("):
                gold[-1] += " " + line
            else:
                gold.append(line)
        text = normalize(" ".join(gold)).text
        ends, total = set(), 0
        for sentence in gold[:-1]:
            total += len("".join(sentence.split()))
            ends.add(total)
        predicted, total = set(), 0
        spans = split_sentences(text)
        for s, e in spans[:-1]:
            total += len("".join(text[s:e].split()))
            predicted.add(total)
        found += len(predicted)
        expected += len(ends)
        correct += len(ends & predicted)
    precision, recall = correct / found, correct / expected
    assert precision > 0.97 and recall > 0.96, (precision, recall)


def test_vntc_and_tc201805_texts_normalise_without_false_encoding_alarms(shared_data):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in ("vntc_test_dev", "tc201805_train"):
            for record in records(shared_data / f"{name}.jsonl.gz", 2000):
                if record["text"].strip():
                    assert not normalize(record["text"]).repaired_mojibake
