# planc: `make` checks and builds the example plan into build/; `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLAN ?= plan
OUT ?= build

PLAN_FILES := $(shell find $(PLAN) -name '*.yaml' 2>/dev/null)
COMPILER_FILES := $(shell find compiler schema -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: all check build test lint typecheck pytest publish bench messages clean distclean

all: build

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The runtime install, and the dev tools on top; each redone when pyproject.toml changes.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

check: $(VENV)/.runtime
	$(BIN)/planc check $(PLAN)

# One build writes every output; the stamp makes a second `make` with nothing changed a no-op.
build: $(OUT)/.built

$(OUT)/.built: $(PLAN_FILES) $(COMPILER_FILES) $(VENV)/.runtime
	$(BIN)/planc build $(PLAN) -o $(OUT)
	touch $@

test: $(VENV)/.dev lint typecheck pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check compiler tests
	$(BIN)/ruff format --check compiler tests

typecheck: $(VENV)/.dev
	$(BIN)/mypy

pytest: $(VENV)/.dev
	$(BIN)/pytest

clean:
	rm -rf $(OUT)

distclean: clean
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Re-extract translatable text, merge it into the catalogues, and compile them.
messages: $(VENV)/.dev
	$(BIN)/pybabel extract -F babel.cfg -k msg --no-location --sort-output --omit-header -o compiler/locale/planc.pot .
	$(BIN)/pybabel update -i compiler/locale/planc.pot -d compiler/locale -D planc --no-fuzzy-matching --ignore-obsolete --width 100
	$(BIN)/pybabel compile -d compiler/locale -D planc --statistics

# Publish the plan's current version into build/publish/<version>/ (refused if already there).
publish: $(VENV)/.runtime
	$(BIN)/planc publish $(PLAN) -o $(OUT)/publish
