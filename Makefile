# Claims warehouse. `make run` sets everything up and runs the pipeline; `make test` runs the tests.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)
export CLAIMS_DAGSTER_STATE := $(CURDIR)/.dagster_home
export CLAIMS_DAGSTER_LOGS := $(CURDIR)/.dagster_home/logs
export DAGSTER_DISABLE_TELEMETRY := 1

.PHONY: install run test test-fast ui bench eval docs validate clean lock

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Locked install: constraints.txt pins every package of the stack (see `make lock`).
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@# pip writes no bytecode when PYTHONDONTWRITEBYTECODE is set (as on CI machines); without it
	@# every process start (CLI, Dagster run, worker, test) compiles ~1,200 modules again.
	$(BIN)/python -m compileall -q -j 0 $$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') >/dev/null || echo 'some modules did not byte-compile; they compile at import instead'
	@mkdir -p warehouse .dagster_home
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/claims run

test: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

# Everything but the integration tier (faults, scaling, end to end through Dagster, the browser,
# the 1 MB input): for the edit-test loop. CI runs the whole suite (make test).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not integration"

ui: $(STAMP)
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

validate: $(STAMP)
	$(BIN)/dagster definitions validate -m pipelines.definitions

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

eval: $(STAMP)
	$(BIN)/python scripts/eval.py

docs: $(STAMP)
	$(BIN)/python -m pipelines.quality.docs

# Re-pin the stack from what is installed now (run after changing dependencies).
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf warehouse/*.duckdb warehouse/*.wal warehouse/reports .dagster_home
