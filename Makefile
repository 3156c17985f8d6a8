# Redress: every set-up step is a target here. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_VERSION ?= 3.12.1
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/redress
PYTEST_ARGS ?=
# pip on this kind of machine prints one harmless line per local index it skips.
QUIET_PIP := 2>&1 | { grep -v -e ' is ignored' -e '^$$' || true; }

.PHONY: help install assets system-deps migrate demo run serve test test-sqlite test-postgres \
        postgres lint format typecheck imports check bench clean

help: ## List every target
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-15s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	@test -x $(PY) || PYENV_VERSION=$(PYTHON_VERSION) python3.12 -m venv $(VENV)
	$(PIP) install --quiet -c requirements/constraints.txt -e '.[dev]' $(QUIET_PIP)
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed ## Create the virtual environment; install Python and npm dependencies

assets: node_modules/.installed ## Build the front-end assets (GOV.UK Frontend, MoJ Frontend, council styles)
	@bash scripts/build-frontend.sh

system-deps: ## Install the Debian packages the tests need (Chromium, PDF tools, fonts, dovecot)
	@bash scripts/system-deps.sh

migrate: install ## Create or update the embedded SQLite database
	$(MANAGE) migrate --no-input

demo: migrate ## Load the demo council's data (idempotent)
	$(MANAGE) load_demo

run: install assets demo ## Install, build, migrate, load demo data and serve on http://127.0.0.1:8000
	@$(MANAGE) demo_sign_in_details
	$(MANAGE) runserver 127.0.0.1:8000

postgres: ## Start the local PostgreSQL server if it is not running
	@bash scripts/ensure-postgres.sh

test: install system-deps assets postgres check ## Install what the tests need; static checks; every test on SQLite, then on PostgreSQL
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: ## Run the test suite on SQLite
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -q $(PYTEST_ARGS)

test-postgres: ## Run the test suite on PostgreSQL (DATABASE_URL=$(POSTGRES_URL))
	DJANGO_ALLOW_ASYNC_UNSAFE=true DATABASE_URL=$(POSTGRES_URL) $(PY) -m pytest -q $(PYTEST_ARGS)

lint: install ## Check style with ruff
	$(VENV)/bin/ruff check --no-cache .
	$(VENV)/bin/ruff format --check --no-cache .

format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

typecheck: install ## Type-check redress/domain (strict)
	$(VENV)/bin/mypy

imports: install ## Check the layering contracts (import-linter)
	$(VENV)/bin/lint-imports

check: lint typecheck imports ## Every static check

bench: install postgres ## Benchmarks (never part of make test)
	$(PY) -m bench

clean: ## Remove the virtual environment, node_modules, built assets and local data
	rm -rf $(VENV) node_modules var redress/core/static/frontend .pytest_cache .mypy_cache .ruff_cache
