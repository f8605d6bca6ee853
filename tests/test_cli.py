import json

from conftest import SAMPLE
from typer.testing import CliRunner

from vnnews_nlp.cli import app

runner = CliRunner()


def test_parse_text_lists_sentences_captions_and_set_aside_blocks():
    result = runner.invoke(app, ["parse", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Category  Chủ trương - Chính sách" in out
    assert "Sentences (19 in 14 paragraphs)" in out
    assert "Captions (12)" in out
    assert "related" in out and "Đọc thêm" in out


def test_parse_json_offsets_point_into_the_file(sample_text):
    result = runner.invoke(app, ["parse", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sentences = [s for p in data["paragraphs"] for s in p["sentences"]]
    assert len(sentences) == 19
    assert all(sample_text[s["start"] : s["end"]] == s["text"] for s in sentences)


def test_parse_markdown_from_stdin(sample_text):
    result = runner.invoke(app, ["parse", "-", "--format", "markdown"], input=sample_text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Các mô hình “Dân vận khéo”")
    assert "**Phó Bí thư Thường trực Tỉnh ủy Hà Tĩnh Trần Thế Dũng đề nghị" in result.stdout


def test_missing_file_and_bad_input_give_clear_errors_and_nonzero_exit(tmp_path):
    missing = runner.invoke(app, ["analyze", str(tmp_path / "none.txt")])
    assert missing.exit_code != 0 and "no such file" in missing.output

    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Hội nghị".encode("utf-16"))
    assert "not UTF-8" in runner.invoke(app, ["analyze", str(latin1)]).output

    blank = tmp_path / "blank.txt"
    blank.write_text("  \n ", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(blank)])
    assert result.exit_code == 2 and "empty" in result.output


def test_language_warning_is_printed_but_output_still_comes(tmp_path):
    english = tmp_path / "en.txt"
    english.write_text("Ministry asks provinces to act\n\nThe ministry asked all provinces to act quickly.", "utf-8")
    result = runner.invoke(app, ["parse", str(english)])
    assert result.exit_code == 0
    assert "warning: text does not look like Vietnamese" in result.output
    assert "The ministry asked all provinces to act quickly." in result.stdout


def test_analyze_sample_gives_tags_summary_and_directives_with_offsets(sample_text):
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["tags"][0]["label"] == "Chủ trương - Chính sách"
    assert data["summary"] and all(sample_text[k["start"] : k["end"]] == k["text"] for k in data["summary"])
    actions = [d["action"] for d in data["directives"]]
    assert "tăng cường quản lý nhà nước về tôn giáo" in actions
    assert all(sample_text[d["start"] : d["end"]] == d["action"] for d in data["directives"])


def test_analyze_markdown_report_of_the_sample():
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--encoder", "none"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Các mô hình “Dân vận khéo” cần hiệu quả")
    assert "## Summary" in result.stdout and "| Issuer | Addressee | Action |" in result.stdout
    assert "**Tags:**" not in result.stdout  # no tagger without an encoder


def test_analyze_folder_streams_jsonl_and_reports_bad_files(tmp_path, sample_text):
    (tmp_path / "a.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(
        "Bộ Y tế yêu cầu tăng cường phòng dịch\n\nBộ Y tế yêu cầu các địa phương tăng cường phòng chống dịch sốt xuất huyết.",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--format", "jsonl", "--encoder", "none", "--no-progress"])
    assert result.exit_code == 1  # one file failed, the others were analysed
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == ["a.txt", "sub/b.txt"]
    assert lines[1]["directives"][0]["addressee"]["text"] == "các địa phương"
    assert "empty.txt" in result.stderr and "1 of 3 files could not be analysed" in result.stderr


def test_analyze_reads_an_html_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>UBND tỉnh chỉ đạo phòng chống hạn</title></head><body><article>"
        "<h1>UBND tỉnh chỉ đạo phòng chống hạn</h1>"
        "<p>UBND tỉnh yêu cầu các huyện chủ động phương án cấp nước sinh hoạt cho người dân trong mùa khô năm nay.</p>"
        "<p>Sở Nông nghiệp và Phát triển nông thôn được giao kiểm tra các hồ chứa, báo cáo trước ngày 15/4.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(page), "--format", "json", "--encoder", "none"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert any(d["addressee"] and d["addressee"]["text"] == "các huyện" for d in data["directives"])


def test_summarize_directives_and_tag_commands(sample_text):
    summary = runner.invoke(app, ["summarize", str(SAMPLE), "--max-sentences", "2", "--format", "json"])
    assert summary.exit_code == 0, summary.output
    assert len(json.loads(summary.stdout)) == 2

    directives = runner.invoke(app, ["directives", "-"], input=sample_text.encode("utf-8"))
    assert directives.exit_code == 0, directives.output
    assert "tăng cường quản lý nhà nước về tôn giáo" in directives.stdout

    tags = runner.invoke(app, ["tag", str(SAMPLE), "--top-k", "3"])
    assert tags.exit_code == 0, tags.output
    lines = tags.stdout.splitlines()
    assert len(lines) == 3 and lines[0].endswith("Chủ trương - Chính sách")


def test_bad_options_give_clear_errors():
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--max-sentences", "0", "--encoder", "none"])
    assert result.exit_code == 2 and "max_sentences" in result.output


def test_a_bad_encoder_is_one_clear_error(tmp_path):
    missing = runner.invoke(app, ["analyze", str(SAMPLE), "--encoder", str(tmp_path / "no-checkpoint")])
    assert missing.exit_code == 2 and "convert-e5" in missing.stderr
    unknown = runner.invoke(app, ["analyze", str(tmp_path), "--encoder", "bert"])
    assert unknown.exit_code == 2 and unknown.stderr.count("unknown encoder") == 1


def test_a_folder_run_skips_hidden_folders_and_names_files_that_are_not_utf8(tmp_path, sample_text):
    (tmp_path / "a.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / "old.txt").write_bytes("Hội nghị tổng kết".encode("utf-16"))
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "jsonl", "--encoder", "none", "--no-progress"])
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == ["a.txt"]
    assert "old.txt is not UTF-8" in result.stderr and result.exit_code == 1


def test_html_on_standard_input_is_recognised_even_after_a_comment():
    page = (
        "<!-- saved page --><html><body><article><h1>UBND tỉnh chỉ đạo</h1>"
        "<p>UBND tỉnh yêu cầu các huyện chủ động phương án cấp nước sinh hoạt cho người dân.</p>"
        "<p>Các xã phải báo cáo tình hình hạn hán hằng tuần.</p><p>Sở Nông nghiệp theo dõi sát diễn biến.</p>"
        "</article></body></html>"
    )
    result = runner.invoke(app, ["analyze", "-", "-f", "json", "--encoder", "none"], input=page.encode("utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "<" not in data["text"] and data["directives"][0]["issuer"]["text"] == "UBND tỉnh"
