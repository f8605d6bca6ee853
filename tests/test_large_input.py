"""A 5 MB input is processed in linear time and bounded memory."""

import time
import tracemalloc

from vnnews_nlp import parse_article


def body_of(sample_text: str) -> str:
    lines = sample_text.split("\n")
    return "\n".join(lines[2 : lines.index("Chủ đề Chủ trương - Chính sách")])


def timed_parse(text: str) -> float:
    start = time.perf_counter()
    article = parse_article(text)
    elapsed = time.perf_counter() - start
    assert article.sentences
    return elapsed


def test_five_megabytes_parse_in_linear_time_and_bounded_memory(sample_text):
    body = body_of(sample_text)
    title = "Tổng hợp các bài viết về phong trào Dân vận khéo\n\n"
    small = title + "\n\n".join([body] * 110)  # about 0.5 MB
    large = title + "\n\n".join([body] * 1100)  # about 5 MB
    assert len(large.encode("utf-8")) > 5_000_000

    small_time = min(timed_parse(small) for _ in range(2))
    large_time = timed_parse(large)
    assert large_time / small_time < 20, (small_time, large_time)  # 10x the input: linear, not quadratic

    tracemalloc.start()
    timed_parse(small)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 40 * len(small), peak  # bounded: a constant number of bytes per input character


def test_a_long_text_is_summarised_in_bounded_memory_and_searched_for_directives(sample_text):
    from vnnews_nlp.directives import DirectiveExtractor
    from vnnews_nlp.summarize import Summarizer

    body = body_of(sample_text)
    # copies made distinct by their number, so that none is dropped as a repeated block
    text = "Tổng hợp báo cáo\n\n" + "\n\n".join(body.replace("1.800", f"{1000 + k}") for k in range(400))
    article = parse_article(text)
    assert len(article.sentences) > 5000
    tracemalloc.start()
    summary = Summarizer(None).summarize(article, max_sentences=3)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(summary) == 3 and all(text[k.start : k.end] == k.text for k in summary)
    assert peak < 300_000_000, f"peak traced memory {peak / 1e6:.0f} MB"

    shorter = "Tổng hợp báo cáo\n\n" + "\n\n".join(body.replace("1.800", f"{1000 + k}") for k in range(30))
    directives = DirectiveExtractor().extract(shorter)
    assert len(directives) > 30 and all(shorter[d.start : d.end] == d.action for d in directives)
