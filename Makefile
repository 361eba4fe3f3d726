# Everything a fresh machine needs is made here: `make run` (the site) and `make test`.
# The first interpreter that actually runs and is 3.11 or newer (a pyenv shim may exist but fail).
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; \
	done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: install run demo test unit lint bench clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo 'newsloom needs Python 3.11 or newer (python3)'; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/newsloom serve

demo: install
	$(BIN)/newsloom demo

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n 2 -q

unit: install
	$(BIN)/pytest -q -m "not integration and not browser"

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/extraction.py ../shared/eval/extraction
	$(BIN)/python bench/stories.py ../shared/eval/stories
	$(BIN)/python bench/hashtags.py ../shared/eval/hashtags/kpcrowd
	$(BIN)/python bench/entities.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
