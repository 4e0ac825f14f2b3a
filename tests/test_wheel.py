"""The wheel, built from the sdist, installed into a fresh venv outside the checkout, runs `bayegan index`,
`search` and `export-pdf` on its own bundled sample archive: every file the app reads is package data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# (in the sdist, in the wheel)
PACKAGE_DATA = (("viewer/analysis/data/verb_forms.tsv.gz",) * 2,
                ("resources/fonts/Vazirmatn-Regular.ttf", "viewer/resources/fonts/Vazirmatn-Regular.ttf"),
                ("resources/translations/bayegan_fa.qm", "viewer/resources/translations/bayegan_fa.qm"),
                ("resources/icons/bayegan-256.png", "viewer/resources/icons/bayegan-256.png"),
                ("resources/sample-archive/fars-news-sample.json", "viewer/resources/sample-archive/fars-news-sample.json"))
INSTALL_TIMEOUT = 900

pytestmark = pytest.mark.slow


def _run(command: list[str | os.PathLike[str]], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "BAYEGAN_DATA_DIR", "BAYEGAN_RESOURCES",
                                                                "VIRTUAL_ENV")}
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                            timeout=INSTALL_TIMEOUT, env={**clean, "PYTHONIOENCODING": "utf-8", **env})
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel built from that sdist), as `python -m build` makes them from a copy of the checkout."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", out, REPO], cwd=out)
    [sdist], [wheel] = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    return sdist, wheel


def test_sdist_and_wheel_carry_the_package_data(dists: tuple[Path, Path]) -> None:
    sdist, wheel = dists
    with tarfile.open(sdist) as tar:
        in_sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    for sdist_name, wheel_name in PACKAGE_DATA:
        assert sdist_name in in_sdist, sdist_name
        assert wheel_name in in_wheel, wheel_name
    modules = {path.relative_to(REPO).as_posix() for path in (REPO / "viewer").rglob("*.py")}
    assert modules - in_wheel == set(), "packages missing from [tool.setuptools] packages"
    assert not any(name.startswith("tests/") for name in in_wheel)


def test_the_installed_wheel_indexes_searches_and_exports(tmp_path: Path, dists: tuple[Path, Path]) -> None:
    _, wheel = dists
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python, bayegan = env_dir / "bin" / "python", env_dir / "bin" / "bayegan"
    _run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", wheel], cwd=tmp_path)
    where = _run([python, "-c", "import viewer; print(viewer.__file__)"], cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(env_dir), where  # the installed copy, not the checkout

    data = tmp_path / "data"
    sample = _run([python, "-c", "from viewer.core.paths import sample_archive_dir; print(sample_archive_dir())"],
                  cwd=tmp_path).stdout.strip()
    assert Path(sample).is_relative_to(env_dir), sample
    indexed = json.loads(_run([bayegan, "--data-dir", data, "index", sample, "--json"], cwd=tmp_path).stdout)
    assert indexed["added"] > 10 and indexed["failed"] == []
    # The first search loads the lemma tables (package data).
    found = json.loads(_run([bayegan, "--data-dir", data, "search", "اصفهان", "--json"], cwd=tmp_path).stdout)
    assert found["total"] >= 1
    pdf = tmp_path / "out.pdf"
    exported = json.loads(_run([bayegan, "--data-dir", data, "export-pdf", found["hits"][0]["id"], "--out", pdf,
                                "--json"], cwd=tmp_path, QT_QPA_PLATFORM="offscreen").stdout)
    assert exported["articles"] == 1 and exported["pages"] >= 1
    assert pdf.read_bytes().startswith(b"%PDF") and b"Vazirmatn" in pdf.read_bytes()
