# One command sets up and runs each job; every target says what it did and how long it took.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# Run a command, then print "make <target>: <what> in N s" (or "FAILED after N s", keeping
# the command's exit status).
timed = start=$$EPOCHREALTIME; status=0; ( $(1) ) || status=$$?; \
	awk -v s=$$start -v e=$$EPOCHREALTIME -v rc=$$status -v t="$(or $(strip $(3)),$@)" -v w="$(strip $(2))" \
	  'BEGIN { if (rc) printf "make %s: FAILED (exit %d) after %.1f s\n", t, rc, e - s; \
	           else printf "make %s: %s in %.1f s\n", t, w, e - s }'; exit $$status

.PHONY: help install browser serve build convert check test lint eval bench clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 10

install: $(STAMP)  ## create .venv with the pinned dependencies and the briefs command

$(STAMP): pyproject.toml requirements.lock
	@$(call timed, \
	  $(PYTHON) -m venv $(VENV) && \
	  { $(BIN)/python -m pip install --quiet --disable-pip-version-check \
	    -c requirements.lock -e '.[dev]' 2>&1 | { grep -v -e ' is ignored: it is neither' -e "does not provide the extra 'html_clean'" || true; }; } && \
	  touch $(STAMP), \
	  installed .venv with pinned dependencies, install)

browser:  ## make sure Debian's chromium is there for the browser tests
	@$(call timed, scripts/ensure-chromium, chromium ready at /usr/bin/chromium)

convert: install  ## convert seeds/ into briefs under docs/briefs/
	@$(call timed, $(BIN)/briefs convert, converted seeds/)

build: install  ## convert, then build the site into site/
	@$(call timed, $(BIN)/briefs build, built site/)

serve: install  ## convert, build and serve the preview at http://127.0.0.1:8000
	@$(BIN)/briefs serve

check: install  ## validate seeds and briefs, write nothing
	@$(call timed, $(BIN)/briefs check, checked seeds and briefs)

lint: install  ## ruff and mypy
	@$(call timed, $(BIN)/ruff check briefs tests scripts && $(BIN)/mypy, ruff and mypy clean)

test: install browser  ## set up, then run every test (lint, unit, build, browser)
	@$(call timed, $(BIN)/ruff check briefs tests scripts && $(BIN)/mypy && \
	  $(BIN)/python -m pytest, ran lint and every test)

eval: install  ## quality figures on the corpus (CORPUS=../shared/corpus)
	@$(call timed, $(BIN)/python scripts/eval.py "$(CORPUS)", evaluated $(CORPUS))

bench: install  ## speed figures at 1,000/5,000/10,000 briefs (BENCH_SIZES=1000 for a quick run)
	@$(call timed, $(BIN)/python scripts/bench.py --corpus "$(CORPUS)" \
	  $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)), benchmarked)

clean:  ## remove the built site and caches (keeps briefs and .venv)
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
