# Two commands on a fresh machine with python3 and make:
#   make demo   create .venv if missing, install learnkit, run `learnkit demo`
#   make test   the same environment, then ruff, mypy --strict and pytest (with doc examples)
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.learnkit-installed

.PHONY: all demo test lint typecheck pytest docs bench clean

all: test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/learnkit demo

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests typing_tests benchmarks docs conftest.py
	$(BIN)/ruff format --check src tests typing_tests benchmarks docs conftest.py

typecheck: $(STAMP)
	$(BIN)/mypy src typing_tests

# The suite runs as two shards at once (CI has two cores); coverage combines them.
pytest: $(STAMP)
	$(BIN)/coverage erase
	$(BIN)/coverage run --parallel-mode -m pytest --shard=1/2 > .pytest-shard-1.log 2>&1 & \
	$(BIN)/coverage run --parallel-mode -m pytest --shard=2/2; second=$$?; \
	wait $$!; first=$$?; \
	echo "--- shard 1 of 2"; cat .pytest-shard-1.log; rm -f .pytest-shard-1.log; \
	test $$first -eq 0 && test $$second -eq 0
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -n -b html docs docs/_build/html

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) docs/_build .coverage .hypothesis .mypy_cache .ruff_cache
