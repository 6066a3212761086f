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
	$(BIN)/python samples/make_docx_samples.py $(OUT)/docx
	@echo "Done. In $(OUT)/: the compilation of the five sample submissions (compilation.html,"
	@echo ".md, .txt, .docx), the merged draft with real Word tracked changes (merged.docx), the"
	@echo "position matrix (positions.md); in $(OUT)/docx/: the sample Word draft and submissions."

test: $(BIN)/drafting
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis .ruff_cache
