# govhall — the two commands a newcomer runs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: demo test lint types migrations-check pytest bench install install-dev install-bench browser serve clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# The engines the benchmarks compare govhall against (SpiffWorkflow, django-viewflow): `make bench` only.
$(VENV)/.installed-bench: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-bench: $(VENV)/.installed-bench

demo: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load_demo
	$(PY) manage.py runserver --insecure $(HOST):$(PORT)

serve: install
	$(PY) manage.py runserver --insecure $(HOST):$(PORT)

browser:
	@sh scripts/ensure-chromium

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: install-dev
	$(BIN)/mypy govhall config

migrations-check: install-dev
	$(PY) manage.py makemigrations --check --dry-run

pytest: install-dev browser
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint types migrations-check pytest

bench: install-bench
	$(PY) manage.py migrate --noinput -v0
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var govhall.sqlite3 .pytest_cache .mypy_cache .ruff_cache
