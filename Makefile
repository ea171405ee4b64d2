# Two commands on a fresh machine: `make pipeline` and `make test`. `make` alone lists targets.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RAW := raw/certification-table-medical-office-managers.txt
SOURCES := $(shell find pipeline -name '*.py' -o -name '*.j2') $(wildcard raw/*.source.json) reference/credentials.csv

.PHONY: help pipeline test test-sweeps lint validate bench clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# scripts/venv.sh creates the environment and installs a lock with uv (pinned in requirements-setup.lock),
# or with pip where uv cannot be had. The project's folder goes on the environment's path (a .pth file), so
# `.venv/bin/python -m pipeline` works from any directory.
$(VENV)/.runtime: requirements.lock requirements-setup.lock
	sh scripts/venv.sh $(PYTHON) $(VENV) requirements.lock
	$(PY) -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "certifications.pth").write_text("$(CURDIR)\n")'
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	sh scripts/venv.sh $(PYTHON) $(VENV) requirements-dev.lock
	touch $@

# compileall: the project's bytecode cached as pip caches an installed package's, also where
# PYTHONDONTWRITEBYTECODE is set (otherwise every run compiles the pipeline's modules again).
output/.stamp: $(RAW) $(SOURCES) $(VENV)/.runtime
	$(PY) -m compileall -q pipeline
	$(PY) -m pipeline run $(RAW) --output-dir output
	touch $@

pipeline: output/.stamp ## set up .venv and write the dataset to output/ (only when inputs or code changed)

lint: $(VENV)/.dev ## ruff and strict mypy
	$(VENV)/bin/ruff check pipeline tests bench
	$(VENV)/bin/ruff format --check pipeline tests bench
	$(VENV)/bin/mypy

# The suite runs on every core; the tests that share a browser or LibreOffice stay on one worker (loadgroup).
# The project's bytecode is compiled first, as for `make pipeline`: the tests start the CLI many times.
PYTEST := $(PY) -m pytest -n auto --dist loadgroup

test: $(VENV)/.dev lint ## set up .venv, lint, then the test suite with a fast slice of each long sweep
	$(PY) -m compileall -q pipeline
	$(PYTEST)

test-sweeps: $(VENV)/.dev ## the long sweeps in full (1,000 mutations, every kill point, every revision, large inputs), as CI runs them
	$(PY) -m compileall -q pipeline
	$(PYTEST) -m sweep

# The benchmark measures what users get: a runtime-only environment from the same lock.
.venv-bench/.runtime: requirements.lock requirements-setup.lock
	sh scripts/venv.sh $(PYTHON) .venv-bench requirements.lock
	touch $@

bench: .venv-bench/.runtime $(VENV)/.dev ## benchmark: full run vs import floor, stages and formats, scaling, no-change make
	.venv-bench/bin/python -m compileall -q pipeline
	.venv-bench/bin/python bench/bench.py

validate: $(VENV)/.runtime ## re-validate the files in output/
	$(PY) -m pipeline validate output

clean: ## remove generated files (the virtualenv and caches; output/ is committed)
	rm -rf $(VENV) .venv-bench bench/results.json .pytest_cache .mypy_cache .ruff_cache .hypothesis output/.stamp
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
