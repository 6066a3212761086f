# Two commands: `make demo` sets up and runs the main job on the samples; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: demo test lint clean

$(BIN)/drafting: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/drafting
	$(BIN)/drafting show samples/zero-draft.md --para OP24
	$(BIN)/drafting brackets samples/zero-draft.md
	$(BIN)/python samples/compile_samples.py $(OUT)
	@echo "The compilation of the five sample submissions is in $(OUT)/ (compilation.html, .md, .txt)"

test: $(BIN)/drafting
	$(BIN)/ruff check drafting cli tests samples
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis .ruff_cache
