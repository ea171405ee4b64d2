# Two commands on a fresh machine: `make pipeline` and `make test`. `make` alone lists targets.
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RAW := raw/certification-table-medical-office-managers.txt
SOURCES := $(wildcard pipeline/*.py) reference/credentials.csv

.PHONY: help pipeline test lint validate clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.runtime: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

output/.stamp: $(RAW) $(SOURCES) $(VENV)/.runtime
	$(PY) -m pipeline run $(RAW) --output-dir output
	touch $@

pipeline: output/.stamp ## set up .venv and write the dataset to output/ (only when inputs or code changed)

lint: $(VENV)/.dev ## ruff and strict mypy
	$(VENV)/bin/ruff check pipeline tests
	$(VENV)/bin/ruff format --check pipeline tests
	$(VENV)/bin/mypy

test: $(VENV)/.dev lint ## set up .venv, lint, then run the whole test suite
	$(PY) -m pytest

validate: $(VENV)/.runtime ## re-validate the files in output/
	$(PY) -m pipeline validate output

clean: ## remove generated files (the virtualenv and caches; output/ is committed)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis output/.stamp
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
