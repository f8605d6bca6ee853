"""Topic taxonomies: the shipped default, users' own files, and the errors that name the bad entry."""

import json
import re
from pathlib import Path

import pytest

from vnnews_nlp.topics import Label, Taxonomy

SPEC = Path(__file__).resolve().parents[2] / "shared" / "docs" / "taxonomy.md"
DEFAULT_LABELS = [
    "Chủ trương - Chính sách",
    "Chính trị",
    "Kinh tế",
    "Nông nghiệp - Nông thôn",
    "Xã hội",
    "Pháp luật",
    "Quốc phòng - An ninh",
    "Thế giới",
    "Văn hóa - Du lịch",
    "Giáo dục",
    "Y tế - Sức khỏe",
    "Thể thao",
    "Khoa học - Công nghệ",
    "Môi trường",
]


def test_default_taxonomy_has_the_14_labels_of_the_specification_in_order():
    taxonomy = Taxonomy.default()
    assert taxonomy.labels == tuple(DEFAULT_LABELS)
    assert taxonomy.labels[0] == "Chủ trương - Chính sách"
    assert taxonomy.multi_label and len(taxonomy.rules) == 3
    policy = taxonomy.get("Chủ trương - Chính sách")
    assert "nghị quyết" in policy.signals and policy.description.startswith("party and state policy")


def test_default_taxonomy_matches_the_team_document_when_present():
    if not SPEC.is_file():
        pytest.skip(f"{SPEC} not available")
    rows = re.findall(r"^\| \*\*(.+?)\*\* \|", SPEC.read_text(encoding="utf-8"), flags=re.M)
    assert rows == DEFAULT_LABELS


def test_get_accepts_aliases_case_spacing_and_either_tone_placement():
    taxonomy = Taxonomy.from_labels(
        [{"label": "Y tế - Sức khỏe", "aliases": ["Sức khỏe", "Health"]}, "Thể thao", Label("Kinh tế")]
    )
    assert taxonomy.get("y tế  -  sức khoẻ").name == "Y tế - Sức khỏe"
    assert taxonomy.get("SỨC KHOẺ").name == "Y tế - Sức khỏe"
    assert taxonomy.get("health").name == "Y tế - Sức khỏe"
    assert "thể thao" in taxonomy and "Bóng đá" not in taxonomy
    with pytest.raises(KeyError, match="unknown label 'Bóng đá'.*Thể thao"):
        taxonomy.get("Bóng đá")
    assert [label.name for label in taxonomy] == ["Y tế - Sức khỏe", "Thể thao", "Kinh tế"]


def test_save_and_load_round_trip(tmp_path):
    taxonomy = Taxonomy(
        [
            Label("Kinh tế", "business and markets", ("Kinh doanh",), ("giá", "vốn"), ("Giá vàng tăng mạnh",)),
            Label("Thể thao", examples=("Đội tuyển thắng 2-0",)),
        ],
        name="mine",
        rules=["Sports business is Kinh tế."],
    )
    path = tmp_path / "mine.json"
    taxonomy.save(path)
    loaded = Taxonomy.load(path)
    assert loaded == taxonomy
    assert loaded.get("kinh doanh").examples == ("Giá vàng tăng mạnh",)
    assert json.loads(path.read_text(encoding="utf-8"))["labels"][1] == {
        "label": "Thể thao",
        "examples": ["Đội tuyển thắng 2-0"],
    }
    assert Taxonomy.default() == Taxonomy.from_dict(Taxonomy.default().to_dict())


def test_top_level_examples_attach_to_labels_by_name_or_alias(tmp_path):
    path = tmp_path / "tags.json"
    path.write_text(
        json.dumps(
            {
                "labels": [{"label": "Kinh tế", "aliases": ["Kinh doanh"]}, {"label": "Thể thao"}],
                "examples": [
                    {"label": "kinh doanh", "text": "Ngân hàng giảm lãi suất"},
                    {"label": "Thể thao", "text": "Giải bóng đá U23 khai mạc"},
                ],
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    taxonomy = Taxonomy.load(path)
    assert taxonomy.get("Kinh tế").examples == ("Ngân hàng giảm lãi suất",)
    assert taxonomy.get("Thể thao").examples == ("Giải bóng đá U23 khai mạc",)


USER_FILE = """{
  "name": "tags",
  "labels": [
    {"label": "Kinh tế"},
    {"label": "Thể thao"},
    %s
  ],
  "examples": [
    {"label": "Kinh tế", "text": "Giá vàng tăng"},
    %s
  ]
}
"""


@pytest.mark.parametrize(
    ("third_label", "second_example", "message"),
    [
        ('{"label": "thể thao"}', '{"label": "Kinh tế", "text": "Lãi suất"}', r"line 6: label 'thể thao' repeats"),
        (
            '{"label": "Bóng đá", "aliases": ["Kinh tế"]}',
            '{"label": "Kinh tế", "text": "Lãi suất"}',
            r"line 6: alias 'Kinh tế' of label 'Bóng đá' repeats the name or an alias of 'Kinh tế'",
        ),
        (
            '{"label": "Xã hội"}',
            '{"label": "Giáo dục", "text": "Thi tốt nghiệp"}',
            r"line 10: unknown label 'Giáo dục'",
        ),
        ('{"description": "no name"}', '{"label": "Kinh tế", "text": "x"}', r"line 6: the entry has no 'label'"),
        ('{"label": "Xã hội", "alias": ["x"]}', '{"label": "Kinh tế", "text": "x"}', r"line 6: unknown field 'alias'"),
        ('{"label": "Xã hội", "aliases": "an sinh"}', '{"label": "Kinh tế", "text": "x"}', r"line 6: 'aliases' must"),
        (
            '{"label": "Xã hội"}',
            '{"label": "Kinh tế"}',
            r"line 10: an example is an object with a 'label' and a 'text'",
        ),
    ],
)
def test_user_file_errors_name_the_file_and_the_line(tmp_path, third_label, second_example, message):
    path = tmp_path / "tags.json"
    path.write_text(USER_FILE % (third_label, second_example), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        Taxonomy.load(path)
    assert str(path) in str(info.value)


def test_invalid_json_and_wrong_shapes_are_refused_clearly(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "labels": [\n    {"label": "Kinh tế"},\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken.json, line 4: not valid JSON"):
        Taxonomy.load(broken)
    for content, message in [
        ("[]", "a taxonomy is a JSON object"),
        ('{"labels": []}', "'labels' must be a non-empty list"),
        ('{"labels": ["A"], "lables": []}', "unknown field 'lables'"),
        ('{"labels": ["A"], "rules": "one rule"}', "'rules' must be a list of strings"),
    ]:
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            Taxonomy.load(path)
    with pytest.raises(FileNotFoundError):
        Taxonomy.load(tmp_path / "missing.json")


def test_building_in_code_refuses_duplicates_and_empty_sets():
    with pytest.raises(ValueError, match="repeats"):
        Taxonomy.from_labels(["Kinh tế", "kinh tế"])
    with pytest.raises(ValueError, match="at least one label"):
        Taxonomy([])
