# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= build

.PHONY: demo test lint pytest bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	$(BIN)/deadlift-advisor advise --answers examples/answers.yaml --format txt -o $(OUT)/demo-advice.txt --force
	$(BIN)/deadlift-advisor advise --answers examples/answers.yaml --format json -o $(OUT)/demo-advice.json --force
	@cat $(OUT)/demo-advice.txt
	@echo "Written: $(OUT)/demo-advice.txt and $(OUT)/demo-advice.json"

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .

pytest: $(VENV)/.test-installed
	$(BIN)/python -m pytest -n auto -q

test: lint pytest

bench: $(VENV)/.installed
	$(BIN)/python tools/bench.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache *.egg-info
