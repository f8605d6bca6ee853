import importlib.metadata
import json
import shutil

import pytest

from vnnews_nlp import resources


def test_default_taxonomy_ships_and_follows_the_specification():
    taxonomy = resources.load_json("taxonomy/default.json")
    labels = [entry["label"] for entry in taxonomy["labels"]]
    assert len(labels) == 14
    assert labels[:2] == ["Chủ trương - Chính sách", "Chính trị"]
    assert "Y tế - Sức khỏe" in labels and "Nông nghiệp - Nông thôn" in labels


def test_manifest_records_every_shipped_artefact_with_its_current_hash():
    folder = resources.models_dir()
    manifest = json.loads((folder / resources.MANIFEST).read_text(encoding="utf-8"))["sha256"]
    files = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != resources.MANIFEST and p.suffix != ".md"
    }
    assert set(manifest) == files, "run: python -m vnnews_nlp.resources"
    for name, digest in manifest.items():
        assert resources.sha256_of(folder / name) == digest, f"{name} changed; run: python -m vnnews_nlp.resources"


def test_a_changed_artefact_is_refused(tmp_path, monkeypatch):
    copy = tmp_path / "models"
    shutil.copytree(resources.models_dir(), copy)
    (copy / "taxonomy" / "default.json").write_text('{"labels": []}', encoding="utf-8")
    monkeypatch.setattr(resources, "models_dir", lambda: copy)
    resources.resource_path.cache_clear()
    try:
        with pytest.raises(resources.ResourceIntegrityError, match="sha256"):
            resources.resource_path("taxonomy/default.json")
        with pytest.raises(resources.ResourceIntegrityError, match="not recorded"):
            resources.resource_path("taxonomy/unknown.json")
    finally:
        resources.resource_path.cache_clear()


def test_installed_distribution_carries_the_models_folder():
    files = importlib.metadata.files("vnnews-nlp") or []
    names = {f.as_posix() for f in files}
    if not any(n.startswith("vnnews_nlp/") and n.endswith(".py") for n in names):
        pytest.skip("editable install: the package is read from the source tree")
    assert "vnnews_nlp/models/taxonomy/default.json" in names
    assert "vnnews_nlp/models/MANIFEST.json" in names
    assert "vnnews_nlp/py.typed" in names
