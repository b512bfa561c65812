"""Execute the example notebooks in a fresh Jupyter kernel and check what they show.

The notebooks are generated and executed by ``scripts/make_notebooks.py`` (``make
notebooks``) and committed with their outputs, so a reader on a code host sees every table,
figure and map.  Here each one is executed once per test session with the generator's own
settings, in a temporary working directory, with a timeout per cell; its outputs must be
the committed ones (the generator makes them the same on every run), and the facts below
are read from them.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import re
import struct
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import nbformat
import pytest
from nbformat.v4 import new_code_cell

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NAMES = ("01_quickstart.ipynb", "02_joins_and_rates.ipynb", "03_export_for_qgis.ipynb")
KERNEL = "python3"

# appended to the in-memory copy only: which Python and which syria_geo the kernel ran
PROBE = """
import json, sys
import syria_geo
print(json.dumps({"executable": sys.executable, "prefix": sys.prefix,
                  "syria_geo": syria_geo.__file__}))
"""


@dataclass(frozen=True)
class Executed:
    notebook: nbformat.NotebookNode
    seconds: float
    cwd: Path

    def cell(self, tag: str) -> nbformat.NotebookNode:
        found = [c for c in self.notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
        assert len(found) == 1, f"expected one cell tagged {tag!r}, found {len(found)}"
        return found[0]

    def text(self, tag: str) -> str:
        return _output_text(self.cell(tag))


def _output_text(cell: nbformat.NotebookNode) -> str:
    # A print may arrive as several stream chunks (the kernel flushes when it likes), so
    # consecutive chunks of one stream are joined as they are; other outputs start a new part.
    parts: list[str] = []
    previous = None
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            if previous == out["name"]:
                parts[-1] += out["text"]
            else:
                parts.append(out["text"])
            previous = out["name"]
        elif out["output_type"] in ("execute_result", "display_data"):
            parts.append(out["data"].get("text/plain", ""))
            previous = None
    return "\n".join(parts)


@pytest.fixture(scope="module")
def run_notebook(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Executed]:
    generator = _load_generator()
    cache: dict[str, Executed] = {}

    def run(name: str) -> Executed:
        if name not in cache:
            cwd = tmp_path_factory.mktemp(Path(name).stem)
            nb = nbformat.read(NOTEBOOKS / name, as_version=4)
            nb.cells.append(new_code_cell(PROBE.strip(), metadata={"tags": ["probe"]}))
            start = time.perf_counter()
            generator.execute(nb, cwd)
            cache[name] = Executed(nb, time.perf_counter() - start, cwd)
        return cache[name]

    return run


def _load_generator() -> ModuleType:
    path = REPO / "scripts" / "make_notebooks.py"
    spec = importlib.util.spec_from_file_location("_make_notebooks", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(data: str) -> tuple[int, int]:
    raw = base64.b64decode(data)
    assert raw.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", raw[16:24])
    return width, height


# ---------------------------------------------------------------------------------------
# the committed files
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_is_valid_and_has_its_outputs(name: str) -> None:
    raw = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    assert raw["nbformat"] == 4
    nb = nbformat.reads(json.dumps(raw), as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == KERNEL
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert any(c.cell_type == "markdown" for c in nb.cells)
    # every cell was run, in order, in one kernel, and shows what it gave
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        assert "execution" not in cell.metadata  # no timings: the file is the same every run
        for out in cell.outputs:
            assert out["output_type"] != "error", cell.source[:60]
            assert not (out["output_type"] == "stream" and out["name"] == "stderr")
    tagged = [c for c in code if c.metadata.get("tags")]
    assert tagged
    assert all(c.outputs for c in tagged), [c.source[:40] for c in tagged if not c.outputs]


def test_notebooks_match_their_generator() -> None:
    generator = _load_generator()
    assert tuple(generator.NOTEBOOK_CELLS) == NAMES
    for name, cells in generator.NOTEBOOK_CELLS.items():
        committed = nbformat.read(NOTEBOOKS / name, as_version=4)
        assert [(c.cell_type, c.source) for c in committed.cells] == [
            (c.cell_type, c.source) for c in cells
        ], f"{name} differs from scripts/make_notebooks.py; rerun the script"


# ---------------------------------------------------------------------------------------
# execution
# ---------------------------------------------------------------------------------------


def _comparable(outputs: list[nbformat.NotebookNode]) -> list[object]:
    """Outputs as compared: text exactly; a PNG by its size (its bytes follow the fonts)."""
    out: list[object] = []
    for output in outputs:
        data = dict(output.get("data", {}))
        if "image/png" in data:
            data["image/png"] = _png_size(data["image/png"])
        out.append((output["output_type"], output.get("name"), output.get("text"), data))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_committed_outputs_are_what_a_fresh_run_gives(
    name: str, run_notebook: Callable[[str], Executed]
) -> None:
    committed = nbformat.read(NOTEBOOKS / name, as_version=4)
    fresh = nbformat.from_dict(json.loads(json.dumps(run_notebook(name).notebook)))
    fresh.cells = fresh.cells[:-1]  # the probe
    fresh = _load_generator().normalized(fresh)
    assert len(fresh.cells) == len(committed.cells)
    for old, new in zip(committed.cells, fresh.cells, strict=True):
        if old.cell_type == "code":
            assert new.execution_count == old.execution_count
            assert _comparable(new.outputs) == _comparable(old.outputs), (
                f"{name}: {old.source[:60]!r} shows something else now; run `make notebooks`"
            )


@pytest.mark.parametrize("name", NAMES)
def test_notebook_executes_cleanly(name: str, run_notebook: Callable[[str], Executed]) -> None:
    done = run_notebook(name)
    for cell in done.notebook.cells:
        if cell.cell_type != "code":
            continue
        assert isinstance(cell.execution_count, int), f"cell not executed: {cell.source[:60]!r}"
        for out in cell.outputs:
            assert out["output_type"] != "error", out
            # warnings and log noise land on stderr: the notebooks should have none
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), (
                f"stderr in {cell.source[:60]!r}: {out['text'][:500]}"
            )
    # the kernel ran this virtualenv's Python and this checkout's syria_geo
    probe = json.loads(done.text("probe"))
    assert probe["prefix"] == sys.prefix
    assert probe["executable"] == sys.executable
    assert Path(probe["syria_geo"]).resolve() == REPO / "src" / "syria_geo" / "__init__.py"
    # nothing was written into the working directory (exports go to a tempfile folder)
    assert list(done.cwd.iterdir()) == []


# ---------------------------------------------------------------------------------------
# facts shown by the notebooks
# ---------------------------------------------------------------------------------------


def test_quickstart_shows_geocoding_results(run_notebook: Callable[[str], Executed]) -> None:
    done = run_notebook("01_quickstart.ipynb")
    first = done.text("first-geocode")
    assert first.startswith("matched N0219 As-Sukkari السكري precision=1")
    assert "sub-district: SY020000 Jebel Saman" in first
    assert "Candidate(id='N0219'" in first

    # Latin and Arabic script find the same community
    assert done.text("scripts").count("C3987") == 2

    shapes = done.text("shapes")
    for place_id in ("C1140", "C5182", "C1007", "C1172"):
        assert place_id in shapes
    assert "place outside Syria: 'Gaziantep'" in shapes
    assert "'Bab Al Nayrab' is not in the gazetteer" in shapes  # the precision-2 warning
    assert "Idleb governorate (SY07)" in shapes  # the contradicting-governorate warning

    ambiguous = done.text("ambiguous")
    assert ambiguous.startswith("ambiguous - ")
    assert "C3096" in ambiguous  # Hama's Hamra is one of the candidates ...
    assert "C3096" in done.text("with-governorate")  # ... and the governorate picks it

    frame = done.text("frame")
    for expected in ("C2338", "C4068", "N0214", "C5992", "empty input", "place outside Syria"):
        assert expected in frame
    assert "102 incidents; EPSG:4326" in done.text("sample")

    (result,) = [o for o in done.cell("map").outputs if o["output_type"] == "execute_result"]
    html = result["data"]["text/html"]
    assert "folium.folium.Map" in result["data"]["text/plain"]
    assert "leaflet" in html.lower()


def test_joins_notebook_shows_counts_rates_and_control(
    run_notebook: Callable[[str], Executed],
) -> None:
    done = run_notebook("02_joins_and_rates.ipynb")
    assert re.search(r"within\s+102\b", done.text("join-method"))

    mismatch = done.text("mismatch")
    assert "Hwayyer al Eis" in mismatch
    assert "C1172" in mismatch
    assert "M2968" in mismatch  # al Boulayl (twice): "Idlib" in the text, Deir ez-Zor heading
    assert len(re.findall(r"^\d+\s+snhr-", mismatch, flags=re.MULTILINE)) == 3

    counts = done.text("counts-adm1")
    assert "unassigned: 0" in counts
    assert all(f"SY{n:02d}" in counts for n in range(1, 15))
    rates = done.text("rates")
    assert "killed_per_100k" in rates
    assert "Deir-ez-Zor" in rates

    assert done.text("zones").startswith("voronoi_nearest_observation - ")
    assert "isis" in done.text("join-control")

    match = re.search(
        r"agreement rate (\d\.\d{3}): (\d+) of (\d+) compared", done.text("agreement")
    )
    assert match is not None
    rate, n_agree, n_compared = float(match[1]), int(match[2]), int(match[3])
    assert 0 < n_agree <= n_compared
    assert rate == pytest.approx(n_agree / n_compared, abs=5e-4)

    images = [o for o in done.cell("choropleth").outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
    assert base64.b64decode(images[0]["data"]["image/png"]).startswith(b"\x89PNG\r\n\x1a\n")


def test_export_notebook_writes_and_reads_back(run_notebook: Callable[[str], Executed]) -> None:
    done = run_notebook("03_export_for_qgis.ipynb")
    layers = done.text("layers").splitlines()[0]
    assert layers == "['incidents', 'adm1', 'adm2', 'adm3', 'control', 'layer_styles']"

    files = done.text("files")
    for name in ("incidents.gpkg", "incidents.qgs", "incidents.qml", "incidents.shp",
                 "incidents.fields.csv", "incidents.kml", "incidents.geojson"):  # fmt: skip
        assert f"'{name}'" in files, name

    counts = done.text("counts")
    rows = [line.split() for line in counts.splitlines()[1:]]
    assert [row[1] for row in rows] == [
        "incidents", "adm1", "adm2", "adm3", "control", "layer_styles", "incidents.geojson",
        "incidents.csv", "incidents.shp", "incidents.kml",
    ]  # fmt: skip
    assert [row[-1] for row in rows] == ["True"] * 10
    assert [row[-3] for row in rows][:5] == [
        "102",
        "14",
        "62",
        "272",
        "11",
    ]  # 2017-09: 10 + unknown

    types = done.text("field-types")
    killed = next(line.split() for line in types.splitlines() if line.startswith("killed"))
    assert killed[1:] == ["int64", "int64", "int32"]  # integers in every layer and the KML
    date = next(line.split() for line in types.splitlines() if line.startswith("date"))
    assert date[1] == "datetime64[D]"

    round_trip = done.text("round-trip").splitlines()[1:]
    assert [line.split()[1] for line in round_trip] == ["gpkg", "geojson", "parquet", "csv", "shp"]
    assert all(
        line.split()[2:] == ["102", "True", "True", "datetime64[s]", "0.0"] for line in round_trip
    )
    assert done.text("read-file").startswith("102 EPSG:4326 datetime64")
