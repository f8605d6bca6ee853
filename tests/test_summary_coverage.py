"""The syllable coverage model: features of an article's syllables and the ROUGE-1 a summary can expect."""

from __future__ import annotations

import numpy as np

from vnnews_nlp.evaluate import rouge, syllables
from vnnews_nlp.summarize import SummaryModel
from vnnews_nlp.summarize.coverage import SYLLABLE_FEATURES, expected_rouge1, syllable_table
from vnnews_nlp.summarize.features import LEXICAL_SET_FEATURES as SET_FEATURES
from vnnews_nlp.summarize.features import article_features, candidate_sets, set_features
from vnnews_nlp.summarize.tfidf import SyllableIdf

SENTENCES = [
    ["tỉnh", "ủy", "hà", "tĩnh", "tổng", "kết", "phong", "trào"],
    ["phong", "trào", "dân", "vận", "khéo", "lan", "tỏa"],
    ["trời", "mưa"],
]
TITLE = ["hà", "tĩnh", "tổng", "kết", "phong", "trào", "dân", "vận", "khéo"]


def _column(name: str) -> int:
    return SYLLABLE_FEATURES.index(name)


def test_syllable_table_counts_by_hand() -> None:
    table = syllable_table(SENTENCES, TITLE, SyllableIdf({"phong": 2.0, "trào": 2.0}, 5.0))
    assert table.vocabulary == list(dict.fromkeys(t for s in SENTENCES for t in s))
    row = table.matrix[table.vocabulary.index("phong")]
    assert row[_column("log_count")] == np.log1p(2)
    assert row[_column("in_title")] == 1 and row[_column("idf")] == 2.0
    assert row[_column("first_inverse_position")] == 1.0
    assert row[_column("sentence_share")] == 2 / 3
    # title bigrams with "phong": "kết phong" and "phong trào" in the first sentence, "phong trào" in the second
    assert row[_column("log_title_bigram_hits")] == np.log1p(3)
    rain = table.matrix[table.vocabulary.index("mưa")]
    assert rain[_column("in_title")] == 0 and rain[_column("first_relative_position")] == 1.0
    assert rain[_column("idf")] == 5.0 and rain[_column("log_title_bigram_hits")] == 0
    assert [len(o) for o in table.occurrences] == [8, 7, 2]
    assert [table.vocabulary[i] for i in table.occurrences[2]] == ["trời", "mưa"]


def test_expected_rouge1_by_hand() -> None:
    table = syllable_table(SENTENCES, TITLE, SyllableIdf({}, 1.0))
    probabilities = np.array([1.0 if t in ("phong", "trào", "khéo") else 0.0 for t in table.vocabulary])
    lengths = np.array([len(s) for s in SENTENCES], dtype=float)
    # covered probability mass / (summary syllables + reference syllables), doubled
    singles = expected_rouge1(table.occurrences, probabilities, lengths, np.array([[0], [1], [2]]), 10.0)
    assert np.allclose(singles, [2 * 2 / 18, 2 * 3 / 17, 0.0])
    pair = expected_rouge1(table.occurrences, probabilities, lengths, np.array([[0, 1]]), 10.0)
    assert np.allclose(pair, [2 * 3 / 25])  # "phong trào" counts once


def test_expected_rouge1_is_rouge1_when_the_summary_is_known() -> None:
    """With certain probabilities and a reference without repeated syllables, expectation meets the measure."""
    reference = "Phong trào Dân vận khéo lan tỏa khắp Hà Tĩnh"
    table = syllable_table(SENTENCES, TITLE, SyllableIdf({}, 1.0))
    wanted = set(syllables(reference))
    probabilities = np.array([1.0 if t in wanted else 0.0 for t in table.vocabulary])
    lengths = np.array([len(s) for s in SENTENCES], dtype=float)
    for sets in (np.array([[0], [1]]), np.array([[0, 1], [1, 2]])):
        values = expected_rouge1(table.occurrences, probabilities, lengths, sets, len(syllables(reference)))
        for row, value in zip(sets, values, strict=True):
            text = " ".join(" ".join(SENTENCES[i]) for i in row)
            assert abs(rouge(text, reference).rouge1 - value) < 1e-9


def test_shipped_coverage_model_prefers_title_words(sample_article) -> None:
    model = SummaryModel.load()
    tokens = [syllables(s.norm_text) for s in sample_article.sentences]
    title = syllables(sample_article.title.norm_text)
    table = syllable_table(tokens, title, model.idf)
    probability = dict(zip(table.vocabulary, model.coverage.probabilities(table), strict=True))
    assert probability["dân"] > 0.5 and probability["khéo"] > 0.5
    in_title = [probability[t] for t in table.vocabulary if t in title]
    elsewhere = [probability[t] for t in table.vocabulary if t not in title]
    assert np.mean(in_title) > 2 * np.mean(elsewhere)
    assert 20 < model.coverage.reference_length < 60


def test_expected_rouge1_tracks_real_rouge_on_the_sample(sample_article) -> None:
    """Among the sample's candidate pairs, those the model expects to score higher against a sapo-like
    reference do score higher: a positive rank correlation, not a perfect one."""
    model = SummaryModel.load()
    tokens = [syllables(s.norm_text) for s in sample_article.sentences]
    table = syllable_table(tokens, syllables(sample_article.title.norm_text), model.idf)
    sets = candidate_sets(list(range(min(10, len(tokens)))), 2)[1]
    lengths = np.array([len(t) for t in tokens], dtype=float)
    expected = expected_rouge1(
        table.occurrences, model.coverage.probabilities(table), lengths, sets, model.coverage.reference_length
    )
    reference = sample_article.title.text
    actual = np.array(
        [rouge(" ".join(sample_article.sentences[i].text for i in row), reference).rouge1 for row in sets]
    )
    ranks = lambda v: np.argsort(np.argsort(v))  # noqa: E731
    assert np.corrcoef(ranks(expected), ranks(actual))[0, 1] > 0.3


def test_features_without_a_coverage_model_keep_the_table_and_expect_nothing(sample_article) -> None:
    """The training script fits the coverage model on the tables ``article_features`` builds without one."""
    model = SummaryModel.load()
    bare = article_features(sample_article, model.idf, None)
    shipped = article_features(sample_article, model.idf, model.coverage)
    assert bare.syllables.vocabulary == shipped.syllables.vocabulary
    assert np.array_equal(bare.syllables.matrix, shipped.syllables.matrix)
    assert not bare.syllable_probability.any() and shipped.syllable_probability.max() > 0.5
    pairs = candidate_sets(list(range(4)), 2)[1]
    scores = np.zeros(len(bare.sentences))
    expected = SET_FEATURES.index("expected_rouge1")
    assert not set_features(bare, scores, pairs)[:, expected].any()
    assert set_features(shipped, scores, pairs)[:, expected].min() > 0
