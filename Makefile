# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= build

.PHONY: demo test test-pythons lint pytest bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# pip compiles what it installs, but an editable install leaves the package's own modules to be
# compiled on first import, and where PYTHONDONTWRITEBYTECODE is set, on every import: compile
# them here (a start-up cost of about 30 ms otherwise).
COMPILE = $(BIN)/python -m compileall -q -l . engine kb rules

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	$(COMPILE)
	@touch $@

# fast-pdf too, so that the persistent-browser tests (tests/test_fast_pdf.py) run, not skip.
$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,fast-pdf]'
	@touch $@

install: $(VENV)/.installed

# The demo installs the package as a user would (`pip install .`, not editable: an editable
# install of a package whose root is the repository goes through setuptools' import hook, which
# prints a notice about it on every install). A venv that `make install` or `make test` made
# editable is used as it is. The sources are prerequisites, so a changed tree is installed again.
DEMO_SOURCES = $(wildcard *.py engine/*.py kb/*.py rules/*.py templates/* templates/*/* \
                          examples/* schemas/* py.typed MANIFEST.in)

$(VENV)/.demo-installed: $(BIN)/python setup.cfg pyproject.toml $(DEMO_SOURCES)
	@if [ ! -e $(VENV)/.installed ]; then \
	  echo "Installing deadlift-advisor into $(VENV) ..."; \
	  $(BIN)/python -m pip install --quiet . || exit 1; \
	fi
	@touch $@

# Quiet: the verdict, where each file went, and how to put the command on the PATH.
demo: $(VENV)/.demo-installed
	@mkdir -p $(OUT)
	@$(BIN)/deadlift-advisor advise --no-input --answers examples/answers.yaml --format html -o $(OUT)/demo-sheet.html --force
	@$(BIN)/deadlift-advisor advise --no-input --answers examples/answers.yaml --format txt -o $(OUT)/demo-sheet.txt --force
	@$(BIN)/deadlift-advisor advise --no-input --answers examples/answers.yaml --format json -o $(OUT)/demo-advice.json --force
	@awk '/^=+$$/ { ruled = 1; next } ruled && NF { print "examples/answers.yaml: " $$0; exit }' $(OUT)/demo-sheet.txt
	@echo "  $(OUT)/demo-sheet.html   the sheet to print (open it in a browser: one page)"
	@echo "  $(OUT)/demo-sheet.txt    the same sheet as plain text"
	@echo "  $(OUT)/demo-advice.json  the advice as JSON"
	@echo "The command is $(BIN)/deadlift-advisor. To have it on your PATH: 'source $(BIN)/activate'"
	@echo "(this shell), or 'pipx install .' (every shell). Then: 'deadlift-advisor example'."

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .

pytest: $(VENV)/.test-installed
	$(BIN)/python -m pytest -n auto -q

test: lint pytest

# The suite on every Python 3.10-3.13 found (pyenv's or on PATH), in venvs of their own; the
# whole-input-space invariants run once, in `make test`, not once per Python.
PYTHONS ?= 3.10 3.11 3.12 3.13
test-pythons:
	@for v in $(PYTHONS); do \
	  py=$$(ls -d $$HOME/.pyenv/versions/$$v.*/bin/python 2>/dev/null | sort -V | tail -n 1); \
	  [ -n "$$py" ] || py=$$(command -v python$$v 2>/dev/null); \
	  if [ -z "$$py" ] || ! "$$py" -c pass 2>/dev/null; then echo "== Python $$v: not found, skipped"; continue; fi; \
	  echo "== Python $$v ($$py)"; \
	  $$py -m venv .venv-$$v && .venv-$$v/bin/python -m pip install --quiet --upgrade pip && \
	  .venv-$$v/bin/python -m pip install --quiet -e '.[test,fast-pdf]' && \
	  .venv-$$v/bin/python -m pytest -n auto -q -m "not whole_space" || exit 1; \
	done

# Compiled again first: what changed since the install would otherwise be compiled on every
# cold-start run and counted in its time.
bench: $(VENV)/.installed
	$(COMPILE)
	$(BIN)/python tools/bench.py

clean:
	rm -rf $(VENV) .venv-3.* $(OUT) .pytest_cache .ruff_cache *.egg-info
