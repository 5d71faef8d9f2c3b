"""``learnkit example``: the example organisation as JSON documents to try the commands on.

:func:`organisation` builds the example organisation (:mod:`learnkit.examples`)
for ``--seed`` and ``--as-of``; ``learnkit demo`` tells its story, and
``learnkit example`` writes its roster, its mentoring cohort (``--mentoring``),
a Friday-story plan request (``--sharing``) or its whole Workspace
(``--workspace``).
"""

from __future__ import annotations

import argparse

from learnkit import _cli_sharing
from learnkit._cli_io import UsageError, problems
from learnkit._cli_options import as_of, seed
from learnkit._cli_options import locale as option_locale
from learnkit.examples import EXAMPLE_AS_OF, ExampleOrganisation, example_organisation
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import Locale, translate
from learnkit.serialize import to_json

__all__ = ["example_command", "organisation"]


def organisation(namespace: argparse.Namespace, prog: str, locale: Locale) -> ExampleOrganisation:
    """The example organisation for the ``--seed`` and ``--as-of`` of ``namespace``.

    Raises:
        UsageError: An option is wrong, or the organisation cannot be built for it.
    """
    chosen_seed = seed(namespace, prog, locale)
    chosen_as_of = as_of(namespace, prog, locale, EXAMPLE_AS_OF)
    try:
        return example_organisation(seed=chosen_seed, as_of=chosen_as_of)
    except InvalidDataError as error:
        message = translate(
            "cli.error.invalid_argument", locale, **problems(error.problems, locale)
        )
        raise UsageError(prog, message) from None


def example_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit example`` prints: one JSON document of the example organisation.

    Raises:
        UsageError: An option is wrong, or two of ``--sharing``, ``--workspace``
            and ``--mentoring`` are given.
    """
    locale = option_locale(namespace, prog)
    example = organisation(namespace, prog, locale)
    chosen = [
        f"--{name}" for name in ("sharing", "workspace", "mentoring") if getattr(namespace, name)
    ]
    if len(chosen) > 1:
        message = translate(
            "sharing.cli.error.two_exclusive", locale, option=chosen[0], other=chosen[1]
        )
        raise UsageError(prog, message)
    if namespace.sharing:
        return _cli_sharing.example_request_json(example.roster, example.as_of, example.seed)
    if namespace.workspace:
        return to_json(example.workspace, indent=2) + "\n"
    value = example.mentoring if namespace.mentoring else example.roster
    return to_json(value, indent=2) + "\n"
