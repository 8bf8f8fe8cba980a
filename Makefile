# planc: `make` checks and builds the example plan into build/; `make test` runs every check.
SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLAN ?= plan
OUT ?= build

COMPILER_FILES := $(shell find compiler schema -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: all check build signatories test test-fast lint typecheck pytest publish bench messages docs clean distclean fonts

all: build

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip

# The runtime install, and the dev tools on top; each redone when pyproject.toml changes.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --quiet -e ".[serve]"
	touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --quiet -e ".[serve,dev]"
	touch $@

check: $(VENV)/.runtime
	$(BIN)/planc check '$(PLAN)'

# One build writes every output; the stamp makes a second `make` with nothing changed a no-op.
build: $(OUT)/.built

# What the plan folder holds (every entry's type, and each file's size and time, hidden ones
# aside): a file added, removed or renamed rebuilds, not only a file changed, and names with
# spaces need no escaping. Written before make decides, and only when it differs.
PLAN_STATE := $(OUT)/.plan-files
ifneq ($(filter all build $(OUT)/.built,$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p '$(OUT)' && find '$(PLAN)' -not -path '*/.*' \( -type d -printf '%y %p\n' -o -printf '%y %s %T@ %p\n' \) 2>/dev/null | LC_ALL=C sort > '$(PLAN_STATE).new' && { cmp -s '$(PLAN_STATE).new' '$(PLAN_STATE)' && rm -f '$(PLAN_STATE).new' || mv -f '$(PLAN_STATE).new' '$(PLAN_STATE)'; })
endif

$(OUT)/.built: $(PLAN_STATE) $(COMPILER_FILES) $(VENV)/.runtime | $(VENV)/.fonts
	$(BIN)/planc build '$(PLAN)' -o '$(OUT)'
	touch $@

# One set of documents per signatory (build/organisations/plan-ORG.{md,html,docx,pdf}): what each
# organisation's board reads of the plan; ORGS='id1 id2' builds those organisations instead.
signatories: $(VENV)/.runtime | $(VENV)/.fonts
	$(BIN)/planc build '$(PLAN)' -o '$(OUT)/organisations' $(if $(ORGS),$(foreach org,$(ORGS),--for '$(org)'),--for-signatories)

test: clients fonts $(VENV)/.dev lint typecheck pytest

# The quick loop while editing: lint, types, and every test that needs neither pandoc/Typst nor
# the real clients (well under a minute).
test-fast: $(VENV)/.dev $(VENV)/.fonts lint typecheck
	$(BIN)/pytest -m "not toolchain and not clients" -q

lint: $(VENV)/.dev
	$(BIN)/ruff check compiler tests bench tools
	$(BIN)/ruff format --check compiler tests bench tools

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
	$(BIN)/python -m babel.messages.frontend extract -F babel.cfg -k msg -k plural:1,2 --no-location --sort-output --omit-header -o compiler/messages/locale/planc.pot .
	$(BIN)/pybabel update -i compiler/messages/locale/planc.pot -d compiler/messages/locale -D planc --no-fuzzy-matching --ignore-obsolete --width 100
	sed -i 's/^"POT-Creation-Date: .*"$$/"POT-Creation-Date: 2026-01-01 00:00+0000\\n"/' compiler/messages/locale/*/LC_MESSAGES/planc.po
	$(BIN)/pybabel compile -d compiler/messages/locale -D planc --statistics

# The plan-source reference (docs/reference.md, docs/riferimento.md), generated from the schema and
# the catalogue of codes.
docs: $(VENV)/.runtime
	$(BIN)/python -m tools.reference

# Publish the plan's current version into build/publish/<version>/ (refused if already there).
publish: $(VENV)/.runtime
	$(BIN)/planc publish '$(PLAN)' -o '$(OUT)/publish'

# The Noto fonts the PDF uses for scripts Typst's own fonts lack (Arabic, Hebrew, Devanagari, CJK, ...;
# compiler/glyphs says which): Debian's packages, installed with apt when one of their files is missing.
# Without them `planc check` warns (missing-font) and the PDF shows □ for that text. PLANC_SKIP_FONTS=1
# skips the install.
FONT_PACKAGES := fonts-noto-core:/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf \
	fonts-noto-cjk:/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc

ifeq ($(PLANC_SKIP_FONTS),1)
install_fonts = @echo "fonts: not installed (PLANC_SKIP_FONTS=1)"
else
define install_fonts
@missing="$$(for pair in $(FONT_PACKAGES); do [ -f "$${pair#*:}" ] || echo "$${pair%%:*}"; done)"; \
if [ -n "$$missing" ]; then \
	echo "fonts: installing" $$missing; \
	{ $(SUDO) apt-get update -qq && \
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; } || \
	echo "fonts: could not install" $$missing "- planc check will name the text the PDF shows as □"; \
fi
endef
endif

fonts:
	$(install_fonts)

# The first `make` installs the fonts once; `make fonts` (and `make test`) checks again.
$(VENV)/.fonts: | $(BIN)/python
	$(install_fonts)
	@touch $@

# Real clients for tests/test_clients.py: Debian's Chromium, qpdf, poppler, LibreOffice (with Carlito) and a JRE
# (apt, only the packages whose command is missing) and the npm packages pinned in package-lock.json
# (`npm ci` when node_modules is older than the lock; --ignore-scripts: vnu-jar's postinstall would
# look for Java and could try to download one). A second run does nothing. PLANC_SKIP_CLIENTS=1
# skips the install, and the client tests skip too.
CLIENT_TOOLS := chromium:chromium qpdf:qpdf pdftotext:poppler-utils pdffonts:poppler-utils \
	soffice:libreoffice-writer-nogui java:default-jre-headless
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Carlito: Calibri's metric twin, so that LibreOffice lays out planc's DOCX as Word does.
CARLITO := /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf

.PHONY: clients
ifeq ($(PLANC_SKIP_CLIENTS),1)
clients:
	@echo "clients: not installed (PLANC_SKIP_CLIENTS=1); tests/test_clients.py skips"
else
clients: node_modules/.installed
	@missing="$$({ for pair in $(CLIENT_TOOLS); do command -v "$${pair%%:*}" >/dev/null || echo "$${pair#*:}"; done; \
		[ -e $(CARLITO) ] || echo fonts-crosextra-carlito; } | sort -u)"; \
	if [ -n "$$missing" ]; then \
		echo "clients: installing" $$missing; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endif

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# Benchmarks: medians of whole-process runs, stage by stage, and plain pandoc (with XeLaTeX for
# the PDF, installed from Debian when missing; the benchmark says so if it cannot be).
XELATEX_PACKAGES := texlive-xetex texlive-latex-recommended texlive-fonts-recommended lmodern fonts-lmodern fonts-dejavu-core

bench: $(VENV)/.runtime
	@command -v xelatex >/dev/null || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(XELATEX_PACKAGES); } || \
		echo "bench: could not install XeLaTeX; the pandoc+XeLaTeX path will be left out"
	$(BIN)/python bench/run.py $(BENCH_OPTIONS)
