"""Sybil: every example in the docs, README.md and the docstrings runs under pytest.

Also ``--shard=K/N``, which keeps the test files of one shard of N, so that
``make test`` can run the suite as two processes on CI's two cores (see Makefile).

* ```` ```python ```` fences in ``docs/*.md`` and ``README.md`` run as code (a fence
  that starts with ``>>>`` runs as a doctest); names carry over from fence to
  fence within one page. ```` ```pycon ````, ```` ```console ```` and other fences
  are not run. There is deliberately no skip directive: a ``python`` fence that
  cannot run does not belong in the docs.
* ``>>>`` examples in the docstrings under ``src/learnkit`` run as doctests, in
  the namespace of their module. The module is imported by its dotted name, so
  the installed (editable) learnkit is used and nothing is imported twice.
"""

import zlib
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

import pytest
from sybil import Sybil
from sybil.parsers import myst, rest

_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

markdown_examples = Sybil(
    parsers=[
        myst.PythonCodeBlockParser(doctest_optionflags=_FLAGS),
    ],
    patterns=["README.md", "docs/*.md"],
    excludes=["docs/_build/*"],
    name="markdown",
)

docstring_examples = Sybil(
    parsers=[
        rest.DocTestParser(optionflags=_FLAGS),
        rest.PythonCodeBlockParser(),
    ],
    patterns=["src/learnkit/*.py", "src/learnkit/*/*.py"],
    name="docstrings",
)

pytest_collect_file = (markdown_examples + docstring_examples).pytest()

collect_ignore = ["docs/_build", "docs/conf.py"]


_SHARD_SALT = 156


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shard",
        default=None,
        metavar="K/N",
        help="run only the test files of shard K of N (1 <= K <= N); whole files stay together",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    shard = config.getoption("--shard")
    if shard is None:
        return
    try:
        number, count = (int(part) for part in shard.split("/"))
    except ValueError:
        raise pytest.UsageError(f"--shard must be K/N, got {shard!r}") from None
    if not 1 <= number <= count:
        raise pytest.UsageError(f"--shard must have 1 <= K <= N, got {shard!r}")
    # By a hash of the file's path: stable across runs and machines, and every file
    # of the suite lands in exactly one shard. Files stay whole, because Sybil runs
    # a page's examples in order in one namespace. The salt splits today's suite
    # into two halves of about equal time; pick another if one grows much slower.
    keep, drop = [], []
    for item in items:
        name = item.path.relative_to(config.rootpath).as_posix()
        shard_of = zlib.crc32(f"{_SHARD_SALT}:{name}".encode()) % count
        (keep if shard_of == number - 1 else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
    items[:] = keep
