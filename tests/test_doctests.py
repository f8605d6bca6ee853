"""Every example in the public docstrings runs and prints what it says."""

import doctest
import importlib
import pkgutil

import pytest

import vnnews_nlp

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(vnnews_nlp.__path__, prefix="vnnews_nlp.")
    if not name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
