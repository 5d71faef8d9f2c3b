"""Sphinx configuration: MyST Markdown pages, Furo, API reference from Google-style docstrings."""

from __future__ import annotations

import builtins
import importlib
import re
import sys
from importlib.metadata import version as _version
from typing import Any

from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx

project = "learnkit"
author = "The learnkit developers"
copyright = "The learnkit developers, MIT licence"
release = _version("learnkit")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# docs/examples holds sample postmortems that tests and the README point at as
# files; they are examples of output, not pages of the manual.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "examples"]
language = "en"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Docstrings are Google style; "Attributes:" sections become attribute entries that
# other pages can link to (attrs fields have no docstrings of their own).
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False
napoleon_use_rtype = False

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# Bases are shown only where they say something (the errors, see api.md): every
# other class derives from object alone.
autodoc_default_options = {"members": True}

# The build runs without network access, so there is no intersphinx: references
# into the standard library and third-party packages cannot be resolved. They are
# ignored by package here rather than switching nitpicky mode off, so a broken
# reference to learnkit's own API still fails the build.
_UNLINKED_PACKAGES = sorted(
    {*sys.stdlib_module_names, "attr", "attrs", "cattr", "cattrs", "dateutil", "holidays"}
    | {"hypothesis", "typing_extensions"}
)
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", rf"({'|'.join(_UNLINKED_PACKAGES)})(\..*)?"),
    # Type variables (``T`` in ``from_dict(data, cls: type[T]) -> T``) have no page.
    (r"py:class", r"learnkit(\.\w+)+\.[A-Z]"),
    # ``ExampleOrganisation.sharing`` holds the records of a private module, built
    # only by ``example_organisation``; the field's docstring describes them.
    (r"py:class", r"learnkit\._example_sharing\.SharingExamples"),
]

html_theme = "furo"
html_title = f"learnkit {release}"


def _resolve_reexport(app: Sphinx, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``learnkit.Person`` to ``learnkit.people.Person``, where it is documented.

    Users (and docstrings) name the re-exported, public spelling; the reference
    pages document each name once, in the module that defines it.
    """
    if node.get("refdomain") != "py":
        return None
    package, _, rest = str(node.get("reftarget", "")).partition(".")
    name, _, member = rest.partition(".")
    if package != "learnkit" or not name:
        return None
    learnkit = importlib.import_module("learnkit")
    if name not in getattr(learnkit, "__all__", ()):
        return None
    module = getattr(getattr(learnkit, name), "__module__", "")
    if not module.startswith("learnkit."):
        return None
    target = ".".join(part for part in (module, name, member) if part)
    domain: Any = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], target, node, contnode
    )


def _builtin_types_to_builtins(app: Sphinx, doctree: Any) -> None:
    """Point ``type`` in ``cls: type[T]`` at ``builtins.type``, which is not linked.

    Without intersphinx the builtin has no target, and Sphinx would otherwise
    resolve the bare name to any documented attribute that happens to be called
    ``type`` (``ActionItem.type``), which is wrong and, with two, ambiguous.
    """
    for node in doctree.findall(pending_xref):
        target = node.get("reftarget", "")
        if (
            node.get("refdomain") == "py"
            and node.get("reftype") == "class"
            and isinstance(getattr(builtins, target, None), type)
        ):
            node["reftarget"] = f"builtins.{target}"


_ENUM_REPR = re.compile(r"<(\w+\.\w+): [^<>]*>")


def _readable_enum_defaults(  # noqa: PLR0917 (Sphinx passes the event arguments by position)
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Write enum members in defaults as ``FindingKind.HUMAN_ERROR``, not their repr.

    The repr (``<FindingKind.HUMAN_ERROR: 'human_error'>``) is not Python, so
    Sphinx would split the signature at its commas and look up the pieces as
    classes. (``autodoc_preserve_defaults`` would show the attrs-generated
    ``attr_dict['blocking'].default`` instead.)
    """
    if signature is None or "<" not in signature:
        return None
    return _ENUM_REPR.sub(r"\1", signature), return_annotation


def setup(app: Sphinx) -> dict[str, Any]:
    """Resolve re-exported names, unlink builtin types, keep enum defaults readable."""
    app.connect("missing-reference", _resolve_reexport)
    app.connect("doctree-read", _builtin_types_to_builtins)
    app.connect("autodoc-process-signature", _readable_enum_defaults)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
