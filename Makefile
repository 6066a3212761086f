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
	$(BIN)/python samples/negotiate.py $(OUT)

test: $(BIN)/drafting
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadscope

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis .ruff_cache
