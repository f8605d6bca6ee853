"""Execute the notebooks' code cells in order, as Jupyter would, with sockets still disabled.

Each cell runs in one shared namespace with the notebook's folder as working directory; a cell's
last expression is rendered through its ``_repr_html_`` like Jupyter's display. The notebooks assert
what they show, so a behaviour change fails here.
"""

import ast
import json

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def run_cells(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    namespace = {"__name__": "__main__"}
    shown = []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse("".join(cell["source"]), filename=f"{path.name}[{index}]")
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"{path.name}[{index}]", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), f"{path.name}[{index}]", "eval"), namespace)
            shown.append(value._repr_html_() if hasattr(value, "_repr_html_") else repr(value))
    return shown


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path, monkeypatch):
    pytest.importorskip("IPython")
    monkeypatch.chdir(path.parent)
    shown = run_cells(path)
    assert shown, "the notebook displays nothing"


def test_quickstart_highlights_sentences_with_offsets(monkeypatch):
    pytest.importorskip("IPython")
    monkeypatch.chdir(ROOT / "notebooks")
    shown = run_cells(ROOT / "notebooks" / "quickstart.ipynb")
    page = shown[-1]
    assert page.count('<span style="background:#fff3a0">') == 19
    assert "line-through" in page and "Đọc thêm" in page
