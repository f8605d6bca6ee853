"""The README's quickstart and pasted output must stay true."""

import re

import pytest
from conftest import ROOT

from vnnews_nlp import parse_article
from vnnews_nlp.render import article_to_text

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quickstart_commands():
    block = re.search(r"<!-- quickstart:start -->(.*?)<!-- quickstart:end -->", README, re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.startswith("```")]


def test_quickstart_has_exactly_two_commands_analyse_then_test():
    first, second = quickstart_commands()
    assert "vnnews-nlp analyze tests/data/dan-van-kheo-ha-tinh.txt" in first
    assert (ROOT / "tests" / "data" / "dan-van-kheo-ha-tinh.txt").is_file()
    assert '".[test]"' in second and second.rstrip().endswith("pytest")


def test_ci_runs_the_readme_commands_it_reads_from_the_readme():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- quickstart:start -->" in ci and "README.md" in ci


def test_extras_named_in_the_readme_exist_and_torch_is_pinned_to_the_cpu_build():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert {"torch", "html", "test", "dev"} <= set(extras)
    assert "torch==2.13.0" in extras["torch"]
    assert not any(dep.startswith("torch") for dep in project["dependencies"])


def test_pasted_sample_output_is_the_real_output(sample_text):
    pasted = re.search(r"<!-- sample-output:start -->\n```text\n(.*?)```\n<!-- sample-output:end -->", README, re.S)
    assert pasted.group(1) == article_to_text(parse_article(sample_text))


def test_pasted_analysis_is_the_real_analysis_scores_aside(sample_text):
    from vnnews_nlp import analyze

    pasted = re.search(
        r"<!-- sample-analysis:start -->\n```markdown\n(.*?)```\n<!-- sample-analysis:end -->", README, re.S
    )
    scores = re.compile(r" \(\d\.\d\d\)")  # tag scores may differ in the last digit on another CPU
    assert scores.sub("", pasted.group(1)) == scores.sub("", analyze(sample_text).to_markdown())
