# Thin wrappers over the commands CI runs. Each target creates .venv and installs the project
# (editable, with its test and benchmark extras) when pyproject.toml is newer than the venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: report test bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

report: $(STAMP)  # builds every [[report]] of geotimeline.toml into reports/
	$(BIN)/geotimeline reports

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

lint: $(STAMP)
	$(BIN)/ruff check gazetteer timeline tests bench tools
	$(BIN)/mypy

clean:
	rm -rf $(VENV) reports/*.html .pytest_cache tests/artifacts
