# syria_geo: the two set-up commands are `make demo` and `make test`; each creates .venv if
# missing and installs the package with what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.syria-geo-installed
DEMO_DIR ?= demo-output

# npm ci writes this file; it fills node_modules/ and npm's cache with the tarballs
# package-lock.json pins (only the tests and `make vendor` need them).
NPM_STAMP := node_modules/.package-lock.json

.PHONY: demo test lint typecheck pytest bench data vendor notebooks install clean

install: $(STAMP)

# The Leaflet files inlined into self-contained maps ship inside the package
# (src/syria_geo/maps/vendor/), so the demo and the package need no npm.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask,arabic,excel]"
	touch $(STAMP)

# The tests check the vendored Leaflet files against the tarballs the lock pins.
$(NPM_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

demo: $(STAMP)
	$(BIN)/syria-geo demo --output-dir $(DEMO_DIR)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# pytest-xdist runs the tests in PYTEST_WORKERS processes, a test file per process at a time
# (--dist loadfile: a file's module fixtures, such as the installed wheel, are made once);
# each worker keeps its caches in a folder of its own (tests/conftest.py).
# `make pytest PYTEST_WORKERS=0` runs them in this process.
PYTEST_WORKERS ?= 2

pytest: $(STAMP) $(NPM_STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=25

test: lint typecheck pytest

# The development sets' floors on every row (`make test` reads every fifth row; see
# tests/test_geocode_devsets.py; ~5 min), then every benchmark, its baseline in the same
# run; writes benchmarks/results/benchmarks.json and docs/benchmarks.md (~30 min on 2
# cores, several GB of RAM for the 10M-point dask run).
# `SYRIA_GEO_BENCH_QUICK=1 make bench`: small sizes in a few minutes, written to
# benchmarks/results/quick/ instead, without the development sets (other knobs:
# docs/benchmarks.md).
bench: $(STAMP)
	@if [ -z "$$SYRIA_GEO_BENCH_QUICK" ]; then \
		SYRIA_GEO_DEVSETS=all $(BIN)/python -m pytest -q -p no:cacheprovider -n $(PYTEST_WORKERS) \
			tests/test_geocode_devsets.py; fi
	$(BIN)/python benchmarks/run_all.py

# Rebuild the shipped gazetteer/ and boundaries/ from ../shared/data, then the bundled sample
# (samples/) from the seed reports in ../shared/seeds.
data: $(STAMP)
	$(BIN)/python scripts/build_data.py
	$(BIN)/python scripts/build_sample.py

# Run the example notebooks in a fresh kernel and write them with their outputs
# (notebooks/); the outputs are the same on every run, and tests/test_notebooks.py runs the
# notebooks again and compares.
notebooks: $(STAMP)
	$(BIN)/python scripts/make_notebooks.py

# After changing a pin in package.json: copy the locked files into the package again.
vendor: $(STAMP) $(NPM_STAMP)
	$(BIN)/python scripts/vendor_assets.py

clean:
	rm -rf $(VENV) $(DEMO_DIR) build dist .pytest_cache .mypy_cache .ruff_cache
