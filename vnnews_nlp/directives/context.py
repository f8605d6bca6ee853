"""What an article as a whole says about its directives: whether it is the kind of article that holds any.

A directive is asked by a state body or its officers (the team's guideline). Foreign news, trials, crime
stories, sport and entertainment rarely hold one, yet their sentences are full of *yêu cầu*, *phải* and
*cần*. An article whose words the mapped-corpora topic classifier (``models/topics/mapped-ngrams``, the
tagger's n-gram evidence) reads as one of those sections, and whose sentences name no state body
(*UBND*, *Bộ*, *Thủ tướng* …), is given no directive candidates at all.

>>> from vnnews_nlp import parse_article
>>> expects_directives(parse_article("Thủ tướng yêu cầu các bộ, ngành khẩn trương rà soát các dự án."))
True
"""

from __future__ import annotations

import re

from ..article import Article
from ..topics.classifier import shipped_classifier

#: State bodies and their officers: who issues directives.
AUTHORITY_PATTERN = re.compile(
    r"(?<!\w)(?:Thủ tướng|Chính phủ|Bộ|Bộ trưởng|Thứ trưởng|UBND|Ủy ban|Uỷ ban|Chủ tịch|Sở|Cục|Tổng cục|"
    r"Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Bí thư|Tổng bí thư|Ban Bí thư|Bộ Chính trị|Quốc hội|"
    r"HĐND|Hội đồng nhân dân|Ban chỉ đạo|Ban Thường vụ)(?!\w)"
)
#: Sections of the mapped corpora whose articles hold directives only rarely.
OFF_TOPIC_LABELS = ("Thế giới", "Pháp luật", "Thể thao", "Văn hóa - Du lịch")
#: An article is off-topic from this probability of the sections above together …
OFF_TOPIC_FROM = 0.5
#: … and names a state body in at most this share of its sentences.
AUTHORITY_SHARE_UP_TO = 0.1
TOPICS_FILE = "topics/mapped-ngrams.safetensors"
#: The topic classifier reads the article's first characters, as the tagger does.
TOPIC_CHARS = 1800


def off_topic_share(article: Article) -> float:
    """The probability that the article belongs to one of :data:`OFF_TOPIC_LABELS` (0 for an empty one)."""
    body = " ".join(s.norm_text for s in article.sentences)[:TOPIC_CHARS]
    if not body.strip():
        return 0.0
    classifier = shipped_classifier(TOPICS_FILE)
    probabilities = classifier.predict_proba([body])[0]
    return float(
        sum(p for label, p in zip(classifier.classes_, probabilities, strict=True) if label in OFF_TOPIC_LABELS)
    )


def authority_share(article: Article) -> float:
    """The share of the article's sentences that name a state body or one of its officers."""
    if not article.sentences:
        return 0.0
    return sum(AUTHORITY_PATTERN.search(s.norm_text) is not None for s in article.sentences) / len(article.sentences)


def expects_directives(article: Article) -> bool:
    """Whether the article may hold directives: not an off-topic article (foreign news, a trial, sport …) that
    names no state body. Only the state-body count is computed for most articles; the topic classifier runs
    when few sentences name one."""
    return authority_share(article) > AUTHORITY_SHARE_UP_TO or off_topic_share(article) < OFF_TOPIC_FROM
