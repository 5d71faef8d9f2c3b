"""Sybil: every example in the docs, README.md and the docstrings runs under pytest.

* ```` ```python ```` fences in ``docs/*.md`` and ``README.md`` run as code (a fence
  that starts with ``>>>`` runs as a doctest); names carry over from fence to
  fence within one page. ```` ```pycon ````, ```` ```console ```` and other fences
  are not run. There is deliberately no skip directive: a ``python`` fence that
  cannot run does not belong in the docs.
* ``>>>`` examples in the docstrings under ``src/learnkit`` run as doctests, in
  the namespace of their module. The module is imported by its dotted name, so
  the installed (editable) learnkit is used and nothing is imported twice.
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

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
