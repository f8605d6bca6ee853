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


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def executed(request):
    """Each notebook run once, top to bottom, from its own folder; (path, what its cells displayed)."""
    import IPython  # noqa: F401 - the test extra installs it; the notebooks display through it

    path = request.param
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(path.parent)
        return path, run_cells(path)


def test_notebook_runs_top_to_bottom_and_displays_its_results(executed):
    path, shown = executed
    assert shown, f"{path.name} displays nothing"
    if path.name == "quickstart.ipynb":
        page = shown[0]  # the analysis of the sample, highlighted
        assert page.index('class="tag primary"') < page.index("<p>")
        assert "Chủ trương - Chính sách" in page and 'class="key' in page and 'class="directive' in page
        assert "Đọc thêm" not in page  # the unrelated tail is not part of the article
