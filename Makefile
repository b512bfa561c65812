# syria_geo: the two set-up commands are `make demo` and `make test`; each creates .venv if
# missing and installs the package with what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.syria-geo-installed
DEMO_DIR ?= demo-output

.PHONY: demo test lint typecheck pytest bench data install clean

install: $(STAMP)

# The Leaflet scripts inlined into self-contained maps come from the npm registry at install
# time (pinned in package-lock.json, installed into node_modules/, never committed).
$(STAMP): pyproject.toml package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask,arabic,excel]"
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/syria-geo demo --output-dir $(DEMO_DIR)

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# Rebuild the shipped gazetteer/ and boundaries/ from ../shared/data, then the bundled sample
# (samples/) from the seed reports in ../shared/seeds.
data: $(STAMP)
	$(BIN)/python scripts/build_data.py
	$(BIN)/python scripts/build_sample.py

clean:
	rm -rf $(VENV) $(DEMO_DIR) build dist .pytest_cache .mypy_cache .ruff_cache
