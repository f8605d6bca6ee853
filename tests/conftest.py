"""Shared fixtures: the sample article (vendored copy) and the team's corpora when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# underthesea imports requests → urllib3, whose import probes IPv6 support by creating (never
# connecting) a socket. Import it now, before pytest-socket blocks sockets for each test, so that
# probe is not reported as a test using the network. Any real socket use still fails the test.
import underthesea  # noqa: F401,E402

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SAMPLE = TESTS / "data" / "dan-van-kheo-ha-tinh.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_article(sample_text):
    from vnnews_nlp import parse_article

    return parse_article(sample_text)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (or ``$VNNEWS_DATA``); the test is skipped when the corpora are absent."""
    path = Path(os.environ.get("VNNEWS_DATA") or ROOT.parent / "shared" / "data")
    if not (path / "vietnews_val.jsonl.gz").is_file():
        pytest.skip(f"corpora not available at {path}")
    return path
