"""The core is pure: no I/O, no clock, no environment, no printing, no global state.

Two complementary checks. A static scan reads every module under src/learnkit
(except the command line, the one imperative shell) and refuses I/O imports
and calls that read the clock, the environment or the console. A fresh
interpreter then imports learnkit for real and looks at what got loaded and
whether any global state (warning filters, logging) changed.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import learnkit

PACKAGE = Path(learnkit.__file__).parent

# The imperative shell: cli.py reads the clock, _cli_io reads files and standard
# input and prints. The command line's other modules get what those read as values
# and are scanned like the core.
SHELL = frozenset({"cli.py", "_cli_io.py"})

# Standard-library and third-party modules that do I/O, talk to the system or
# read the environment, by top-level name.
IO_MODULES = frozenset(
    {
        "aiohttp",
        "asyncio",
        "bz2",
        "concurrent",
        "ctypes",
        "fileinput",
        "ftplib",
        "getpass",
        "gettext",
        "glob",
        "grp",
        "gzip",
        "http",
        "httpx",
        "imaplib",
        "io",
        "locale",
        "logging",
        "lzma",
        "mmap",
        "multiprocessing",
        "os",
        "pathlib",
        "platform",
        "poplib",
        "pwd",
        "requests",
        "secrets",
        "select",
        "selectors",
        "shelve",
        "shutil",
        "signal",
        "smtplib",
        "socket",
        "socketserver",
        "sqlite3",
        "ssl",
        "subprocess",
        "tarfile",
        "telnetlib",
        "tempfile",
        "urllib",
        "urllib3",
        "webbrowser",
        "xmlrpc",
        "zipfile",
    }
)

# Third-party packages the core may import; anything else needs a reason here.
CORE_PACKAGES = frozenset({"attr", "attrs", "cattr", "cattrs", "dateutil", "learnkit"})

# Optional integrations: only the adapter named after a package may import it
# (a key ending in "/" stands for every module of that subpackage).
EXTRA_PACKAGES: dict[str, frozenset[str]] = {
    "strategies/": frozenset({"hypothesis"}),
    "holidays.py": frozenset({"holidays"}),
    "ical.py": frozenset({"icalendar"}),
}


def _extra_packages(filename: str) -> frozenset[str]:
    allowed = [
        packages
        for key, packages in EXTRA_PACKAGES.items()
        if filename == key or (key.endswith("/") and filename.startswith(key))
    ]
    return frozenset().union(*allowed)


# Attribute reads that observe the world, by the name of the object they are read from.
FORBIDDEN_ATTRIBUTES: dict[str, frozenset[str]] = {
    "datetime": frozenset({"now", "utcnow", "today"}),
    "date": frozenset({"today"}),
    "time": frozenset(
        {
            "asctime",
            "ctime",
            "gmtime",
            "localtime",
            "monotonic",
            "monotonic_ns",
            "perf_counter",
            "perf_counter_ns",
            "process_time",
            "process_time_ns",
            "strftime",
            "time",
            "time_ns",
        }
    ),
    "os": frozenset({"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv", "urandom"}),
    "sys": frozenset(
        {"stdout", "stderr", "stdin", "__stdout__", "__stderr__", "__stdin__", "argv", "orig_argv"}
    ),
    "builtins": frozenset({"open", "print", "input", "breakpoint"}),
    "warnings": frozenset({"filterwarnings", "simplefilter", "resetwarnings"}),
    "uuid": frozenset({"uuid1", "uuid4"}),
    "importlib": frozenset({"import_module"}),
}

# Module-level functions of ``random`` share one hidden, unseeded generator.
RANDOM_ALLOWED = frozenset({"Random"})

FORBIDDEN_CALLS = frozenset({"open", "print", "input", "breakpoint", "__import__"})


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else ``None``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.allowed = CORE_PACKAGES | _extra_packages(filename)
        self.findings: list[str] = []

    def _report(self, node: ast.AST, what: str) -> None:
        self.findings.append(f"{self.filename}:{getattr(node, 'lineno', '?')}: {what}")

    def _check_module(self, node: ast.AST, module: str) -> None:
        top = module.partition(".")[0]
        if top in IO_MODULES:
            self._report(node, f"imports I/O module {module}")
        elif top not in sys.stdlib_module_names and top not in self.allowed:
            self._report(node, f"imports {module}, which the core may not depend on")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level == 0 and node.module is not None:
            self._check_module(node, node.module)
            top = node.module.partition(".")[0]
            for alias in node.names:
                if alias.name in FORBIDDEN_ATTRIBUTES.get(node.module, frozenset()):
                    self._report(node, f"imports {node.module}.{alias.name}")
                if top == "random" and alias.name not in RANDOM_ALLOWED:
                    self._report(node, f"imports random.{alias.name} (use random.Random(seed))")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        base = _dotted(node.value)
        if base is not None:
            last = base.rpartition(".")[2]
            if node.attr in FORBIDDEN_ATTRIBUTES.get(last, frozenset()):
                self._report(node, f"uses {base}.{node.attr}")
            if base == "random" and node.attr not in RANDOM_ALLOWED:
                self._report(node, f"uses random.{node.attr} (use random.Random(seed))")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            self._report(node, f"calls {node.func.id}()")
        self.generic_visit(node)


def scan(source: str, *, filename: str = "module.py") -> list[str]:
    """Every impure import, call or attribute in ``source``, as ``file:line: what``."""
    scanner = _Scanner(filename)
    scanner.visit(ast.parse(source, filename=filename))
    return scanner.findings


def core_modules() -> list[Path]:
    """Every Python file under src/learnkit but the shell."""
    return sorted(path for path in PACKAGE.rglob("*.py") if path.name not in SHELL)


class TestScanner:
    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("with open('x') as f:\n    pass", "calls open()"),
            ("print('hej')", "calls print()"),
            ("answer = input()", "calls input()"),
            ("breakpoint()", "calls breakpoint()"),
            ("m = __import__('socket')", "calls __import__()"),
            ("import builtins\nbuiltins.open('x')", "uses builtins.open"),
            ("import socket", "imports I/O module socket"),
            ("import urllib.request", "imports I/O module urllib.request"),
            ("from http import client", "imports I/O module http"),
            ("import os.path", "imports I/O module os.path"),
            ("from pathlib import Path", "imports I/O module pathlib"),
            ("import logging", "imports I/O module logging"),
            ("import subprocess as sp", "imports I/O module subprocess"),
            ("import requests", "imports I/O module requests"),
            ("import numpy", "imports numpy, which the core may not depend on"),
            ("import hypothesis", "imports hypothesis, which the core may not depend on"),
            ("import holidays", "imports holidays, which the core may not depend on"),
            ("import icalendar", "imports icalendar, which the core may not depend on"),
            ("from datetime import datetime\nx = datetime.now()", "uses datetime.now"),
            ("import datetime as dt\nx = dt.datetime.now(dt.UTC)", "uses dt.datetime.now"),
            ("import datetime\nx = datetime.datetime.utcnow()", "uses datetime.datetime.utcnow"),
            ("import datetime as dt\nx = dt.date.today()", "uses dt.date.today"),
            ("from datetime import date\nx = date.today()", "uses date.today"),
            ("import datetime\nf = datetime.datetime.today", "uses datetime.datetime.today"),
            ("import time\nx = time.time()", "uses time.time"),
            ("import time\nx = time.monotonic()", "uses time.monotonic"),
            ("import time\nx = time.perf_counter()", "uses time.perf_counter"),
            ("from time import perf_counter", "imports time.perf_counter"),
            ("x = os.environ['HOME']", "uses os.environ"),
            ("x = os.getenv('LANG')", "uses os.getenv"),
            ("import sys\nsys.stdout.write('x')", "uses sys.stdout"),
            ("import sys\nsys.stderr.write('x')", "uses sys.stderr"),
            ("import sys\nargs = sys.argv", "uses sys.argv"),
            ("from sys import stderr", "imports sys.stderr"),
            ("import warnings\nwarnings.simplefilter('ignore')", "uses warnings.simplefilter"),
            ("import random\nx = random.random()", "uses random.random"),
            ("from random import choice", "imports random.choice"),
            ("import uuid\nx = uuid.uuid4()", "uses uuid.uuid4"),
            ("import importlib\nm = importlib.import_module('os')", "uses importlib.import_module"),
        ],
    )
    def test_finds_impure_code(self, source: str, expected: str) -> None:
        """Each planted impurity is reported with its line and what it does."""
        findings = scan(source, filename="planted.py")
        assert any(": " + expected in finding for finding in findings), findings
        assert all(finding.startswith("planted.py:") for finding in findings)

    def test_reports_the_line(self) -> None:
        """A finding names the file and line of the offending code."""
        source = textwrap.dedent(
            """\
            import datetime as dt


            def due() -> dt.date:
                return dt.date.today()
            """
        )
        assert scan(source, filename="goals.py") == ["goals.py:5: uses dt.date.today"]

    @pytest.mark.parametrize(
        "source",
        [
            "import datetime as dt\nx = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)",
            "from datetime import date\nx = date(2026, 1, 1).isoformat()",
            "import random\nrng = random.Random(2026)\nx = rng.random()",
            "import sys\nm = sys.modules.get('learnkit.strategies')",
            "import attrs\nimport cattrs\nfrom dateutil import rrule",
            "from zoneinfo import ZoneInfo\nimport json, re, string, unicodedata",
            "from importlib.metadata import version",
            "from . import _validate\nfrom .people import Person",
            "self.print_summary()\nreport.open_items()\nx.today_count",
            "def f(now):\n    return now.date()",
            "from learnkit import time\nz = time.zone('UTC')",
        ],
    )
    def test_passes_pure_code(self, source: str) -> None:
        """Constructing dates, seeded randomness and the allowed packages are fine."""
        assert scan(source) == []

    def test_adapters_may_import_their_package(self) -> None:
        """hypothesis only in learnkit.strategies, holidays only in holidays.py."""
        assert scan("from hypothesis import strategies", filename="strategies/_goals.py") == []
        assert scan("from hypothesis import strategies", filename="goals/_model.py") != []
        assert scan("import holidays", filename="holidays.py") == []
        assert scan("import holidays", filename="strategies/__init__.py") != []
        assert scan("from hypothesis import given", filename="people.py") != []

    def test_finds_the_core_modules(self) -> None:
        """The scan covers the package itself, not an empty or wrong directory."""
        names = {path.name for path in core_modules()}
        assert {"__init__.py", "exceptions.py", "people.py", "time.py", "i18n.py"} <= names
        assert "cli.py" not in names


class TestCoreIsPure:
    @pytest.mark.parametrize(
        "path", core_modules(), ids=lambda path: str(path.relative_to(PACKAGE))
    )
    def test_module_is_pure(self, path: Path) -> None:
        """No I/O import, clock, environment, console or open() in the core module."""
        relative = str(path.relative_to(PACKAGE))
        assert scan(path.read_text(encoding="utf-8"), filename=relative) == []


# Loaded by importing learnkit would mean I/O, a test-only or an optional dependency.
MUST_NOT_LOAD = (
    "socket",
    "ssl",
    "http",
    "http.client",
    "urllib.request",
    "sqlite3",
    "subprocess",
    "asyncio",
    "logging",
    "hypothesis",
    "icalendar",
    "holidays",
    "learnkit.cli",
    "learnkit.holidays",
    "learnkit.ical",
    "learnkit.strategies",
)

# The modules a user of the core may import; the adapters and the shell are left out.
OPTIONAL = frozenset({"cli", "__main__", "holidays", "ical", "strategies", "_hypothesis_plugin"})


def _core_module_names() -> list[str]:
    names = []
    for path in core_modules():
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if not parts or parts[0] not in OPTIONAL:
            names.append(".".join(("learnkit", *parts)))
    return names


_CHILD = """
import json, sys, warnings
filters = list(warnings.filters)
showwarning = warnings.showwarning
preloaded = sorted(name for name in {must_not_load!r} if name in sys.modules)
import learnkit
import importlib
for name in {modules!r}:
    importlib.import_module(name)
print(json.dumps({{
    "preloaded": preloaded,
    "loaded": sorted(name for name in {must_not_load!r} if name in sys.modules),
    "filters_unchanged": warnings.filters == filters,
    "showwarning_unchanged": warnings.showwarning is showwarning,
}}))
"""

_CHILD_WITH_LOGGING = """
import json, logging, sys
def state():
    root = logging.getLogger()
    return (
        root.level,
        list(root.handlers),
        sorted(logging.Logger.manager.loggerDict),
        logging.root.manager.disable,
        logging.lastResort,
        logging.getLoggerClass(),
    )
before = state()
import importlib
import learnkit
for name in {modules!r}:
    importlib.import_module(name)
print(json.dumps({{"logging_unchanged": state() == before}}))
"""


def _run_child(code: str) -> dict[str, object]:
    # -I: no user site, no PYTHON* variables; -W error: a warning at import fails.
    result = subprocess.run(
        [sys.executable, "-I", "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


class TestFreshInterpreter:
    def test_the_core_modules_are_found(self) -> None:
        """The child imports learnkit's core modules, not an empty list."""
        names = _core_module_names()
        assert {"learnkit", "learnkit.people", "learnkit.time", "learnkit.i18n"} <= set(names)
        assert "learnkit.cli" not in names

    def test_import_loads_no_io_and_no_optional_module(self) -> None:
        """Importing learnkit and its core loads no I/O module, Hypothesis or holidays."""
        report = _run_child(
            _CHILD.format(must_not_load=MUST_NOT_LOAD, modules=_core_module_names())
        )
        assert report["preloaded"] == [], "the interpreter loaded these before learnkit"
        assert report["loaded"] == []

    def test_import_leaves_warning_filters_alone(self) -> None:
        """Importing learnkit adds no warning filter and keeps showwarning."""
        report = _run_child(
            _CHILD.format(must_not_load=MUST_NOT_LOAD, modules=_core_module_names())
        )
        assert report["filters_unchanged"] is True
        assert report["showwarning_unchanged"] is True

    def test_import_leaves_logging_alone(self) -> None:
        """With logging already loaded, importing learnkit adds no logger, handler or level."""
        report = _run_child(_CHILD_WITH_LOGGING.format(modules=_core_module_names()))
        assert report["logging_unchanged"] is True


class TestPackage:
    def test_all_is_sorted_and_importable(self) -> None:
        """``__all__`` is sorted and every name in it exists."""
        assert list(learnkit.__all__) == sorted(learnkit.__all__)
        for name in learnkit.__all__:
            assert getattr(learnkit, name) is not None

    def test_version_comes_from_the_installed_metadata(self) -> None:
        """``__version__`` is read lazily from the package metadata."""
        from importlib.metadata import version

        assert learnkit.__version__ == version("learnkit")

    def test_unknown_attribute_raises_attribute_error(self) -> None:
        """The lazy ``__getattr__`` answers only ``__version__``."""
        with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
            learnkit.nonsense  # noqa: B018
        assert not hasattr(learnkit, "__nonsense__")
