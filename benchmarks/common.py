"""Shared helpers for the benchmark scripts: where the corpora are, and writing BENCHMARKS.md."""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import platform
import re
import shlex
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def argument_parser(doc: str | None) -> argparse.ArgumentParser:
    """A parser with the options every benchmark takes: ``--data`` and ``--no-write``."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="corpus folder (default: $VNNEWS_DATA or ../shared/data)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not update BENCHMARKS.md")
    return parser


def data_dir(option: str | None = None) -> Path:
    """The corpus folder: ``--data`` option, else ``$VNNEWS_DATA``, else ``../shared/data``."""
    path = Path(option or os.environ.get("VNNEWS_DATA") or DEFAULT_DATA)
    if not path.is_dir():
        sys.exit(f"corpus folder not found: {path} (pass --data or set VNNEWS_DATA)")
    return path


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if limit is not None and i >= limit:
                break
            yield json.loads(line)


def median_rate(function: Callable[[Any], Any], items: list[Any], repeat: int) -> float:
    """Items per second of ``function`` over ``items`` (after one warm-up call), median of ``repeat`` runs."""
    function(items[0])
    rates = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            function(item)
        rates.append(len(items) / (time.perf_counter() - start))
    return statistics.median(rates)


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.machine()}, {cpus} cores, Python {platform.python_version()}, {platform.system()}"


def publish(name: str, title: str, body: str, write: bool) -> None:
    """Print a benchmark's table and, if ``write``, put it in BENCHMARKS.md."""
    print(body)
    if write:
        write_section(name, title, body)


def write_section(name: str, title: str, body: str) -> None:
    """Replace (or append) the ``name`` section of BENCHMARKS.md: heading, run metadata, then ``body``."""
    target = ROOT / "BENCHMARKS.md"
    current = target.read_text(encoding="utf-8") if target.exists() else "# Benchmarks\n"
    command = "python " + " ".join(shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]])
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"<!-- {name}:start -->\n## {title}\n\n"
        f"Command: `{command}`  \nDate: {stamp}  \nMachine: {machine()}\n\n{body.strip()}\n"
        f"<!-- {name}:end -->"
    )
    pattern = re.compile(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: block, current)
    else:
        updated = current.rstrip() + "\n\n" + block + "\n"
    target.write_text(updated, encoding="utf-8")
