import json

from conftest import SAMPLE
from typer.testing import CliRunner

from vnnews_nlp.cli import app

runner = CliRunner()


def test_analyze_text_lists_sentences_captions_and_set_aside_blocks():
    result = runner.invoke(app, ["analyze", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Category  Chủ trương - Chính sách" in out
    assert "Sentences (19 in 14 paragraphs)" in out
    assert "Captions (12)" in out
    assert "related" in out and "Đọc thêm" in out


def test_analyze_json_offsets_point_into_the_file(sample_text):
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    sentences = [s for p in data["paragraphs"] for s in p["sentences"]]
    assert len(sentences) == 19
    assert all(sample_text[s["start"] : s["end"]] == s["text"] for s in sentences)


def test_analyze_markdown_from_stdin(sample_text):
    result = runner.invoke(app, ["analyze", "-", "--format", "markdown"], input=sample_text.encode("utf-8"))
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
    result = runner.invoke(app, ["analyze", str(english)])
    assert result.exit_code == 0
    assert "warning: text does not look like Vietnamese" in result.output
    assert "The ministry asked all provinces to act quickly." in result.stdout
