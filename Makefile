# Two set-up commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= db/boardpacks.db

.PHONY: run test install corpus bench eval eval-realworld eval-layouts clean fuzz

# The folders of corpus/ that `make run` ingests: all but corpus/layouts/, the same packs in
# several layouts (for `make eval-layouts`), which would store every pack six times more
# and change the audit `make run` prints.
CORPUS_SAMPLES = $(filter-out corpus/layouts/ corpus/__pycache__/,$(sort $(wildcard corpus/*/)))

$(BIN)/boardpack: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip "setuptools>=64" wheel
	$(BIN)/pip install -q -e ".[web,test,bench,cluster]"
	touch $@

install: $(BIN)/boardpack

run: install
	# corpus/bad/ holds deliberately broken files, so exit 1 (some failed) is expected here;
	# exit 2 (usage) or anything else still stops make.
	$(BIN)/boardpack ingest $(CORPUS_SAMPLES) --db $(DB) || [ $$? -eq 1 ]
	$(BIN)/boardpack audit stats-awaited --db $(DB) --table

test: install
	$(BIN)/pytest -q

corpus: install
	$(BIN)/python corpus/build.py

eval: install
	$(BIN)/boardpack eval corpus/

# real published papers in ../shared/realworld against corpus/realworld_gold
eval-realworld: install
	$(BIN)/boardpack eval --realworld

# F1 per field for each layout of corpus/layouts (the sample packs typeset in several ways)
eval-layouts: install
	$(BIN)/boardpack eval corpus/layouts --by-layout

bench: install
	$(BIN)/python benchmarks/ingest_bench.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm

# Fuzz suite at full size: FUZZ_N mutated PDF/DOCX/DOC files (default 1000;
# FUZZ_SEED varies them, FUZZ_OCR=1 lets tesseract read pages made unreadable).
# The normal suite runs the same generator at 300 files (tests/test_fuzz.py).
FUZZ_N ?= 1000
fuzz: install
	FUZZ_N=$(FUZZ_N) $(BIN)/pytest -q -s tests/test_fuzz.py
