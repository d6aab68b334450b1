# kamerqa: `make demo` builds the SQLite store from the bundled examples and serves the web UI;
# `make test` runs every check CI runs. Both create the virtualenv they need.
VENV ?= .venv
PY := $(VENV)/bin/python
KQ := $(VENV)/bin/kamerqa
PYTHON ?= python3

.PHONY: demo test lint unit install clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(KQ) demo

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

unit: $(VENV)/.installed
	$(PY) -m pytest -n 2 --dist loadgroup -q $(PYTEST_ARGS)

test: lint unit

clean:
	rm -rf $(VENV) kamerqa.db .pytest_cache .mypy_cache .ruff_cache
