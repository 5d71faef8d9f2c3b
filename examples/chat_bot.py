"""A small chat bot on top of learnkit: it prints the nudges it would send now.

Run it with a Workspace JSON file (``learnkit example --workspace > ws.json``
writes the example organisation's)::

    python examples/chat_bot.py ws.json --now 2026-11-24T09:00+01:00 --lang en --sent sent.txt

It loads the workspace with :func:`learnkit.serialize.from_json`, asks
:func:`learnkit.nudges.due` what is due as of ``--now``, leaves out the nudges
whose occasions are all in the ``--sent`` file already, "sends" the rest with
:func:`send` and appends their occasion ids to that file, so running it again
says nothing twice. :func:`send` prints; replace its body with a call to your chat
platform (see examples/README.md).

This script is an example, not part of the library: learnkit never imports it.
It is the imperative shell around the pure core: the only place that reads
files, takes the time and prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from learnkit import nudges, serialize
from learnkit.exceptions import LearnkitError, OutOfRangeError
from learnkit.workspace import Workspace

LOCALES = ("da", "en")


def send(recipient: str, text: str) -> None:
    """Deliver ``text`` to ``recipient``: here it is printed, one block per message.

    This is where a real chat platform goes: post to a Slack incoming webhook
    or a Microsoft Teams workflow webhook, or send a direct message through
    the platform's API. Raise on failure, so the nudge is not marked as sent.
    """
    print(f"→ {recipient}")
    print(text)
    print()


def recipient_name(workspace: Workspace, nudge: nudges.Nudge) -> str:
    """Who a nudge goes to, for people: a person's or a team's name with its id."""
    roster = workspace.roster
    if nudge.to_team:
        known = {team.id: team.name for team in roster.teams}
        return f"{known.get(nudge.recipient, nudge.recipient)} (team {nudge.recipient})"
    if nudge.recipient in roster:
        return f"{roster.person(nudge.recipient).name} ({nudge.recipient})"
    return nudge.recipient


def read_sent(path: Path | None) -> set[str]:
    """The occasion ids already sent: one per line of ``path`` (none if it is missing)."""
    if path is None or not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def remember(path: Path | None, occasions: Sequence[str]) -> None:
    """Append the nudge's occasion ids to the sent file just after sending it."""
    if path is not None:
        with path.open("a", encoding="utf-8") as sent:
            sent.writelines(occasion + "\n" for occasion in occasions)


def _now(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r}") from error
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give the UTC offset too, e.g. {text}+01:00")
    return moment


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Print the nudges a chat bot would send now.")
    parser.add_argument("workspace", type=Path, help="a Workspace JSON file")
    parser.add_argument(
        "--now", type=_now, required=True, help="the time to ask about, e.g. 2026-11-24T09:00+01:00"
    )
    parser.add_argument("--lang", choices=LOCALES, default="da", help="the messages' language")
    parser.add_argument(
        "--sent", type=Path, help="a file of the occasion ids already sent (kept up to date)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the bot once: print every nudge due as of ``--now`` that was not sent before.

    Returns 0 when it ran, 1 when the workspace file cannot be read or used
    (missing, not a Workspace, ``--now`` outside its calendar), with one line
    on stderr naming the problem; argparse exits with 2 on bad arguments.
    """
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except OSError as error:
        reason = error.strerror or str(error)
        where = error.filename if error.filename is not None else args.workspace
        return _fail(f"{where}: {reason}")
    except UnicodeDecodeError:
        return _fail(f"{args.workspace}: not a text file (UTF-8 JSON expected)")
    except OutOfRangeError as error:
        return _fail(f"{args.workspace}: --now {args.now.isoformat()}: {error}")
    except LearnkitError as error:
        return _fail(f"{args.workspace}: {error}")


def _run(args: argparse.Namespace) -> int:
    workspace = serialize.from_json(args.workspace.read_text(encoding="utf-8"), Workspace)
    already = read_sent(args.sent)
    # A nudge is new when one of its occasions is: when one of several reflections is
    # written, the nudge about the rest changes its id but says nothing new.
    fresh = [
        n for n in nudges.due(workspace, args.now, args.lang) if not set(n.occasions) <= already
    ]
    for nudge in fresh:
        send(recipient_name(workspace, nudge), nudge.text)
        remember(args.sent, nudge.occasions)
    if not fresh:
        print("Nothing to send." if args.lang == "en" else "Intet at sende.")
    return 0


def _fail(message: str) -> int:
    """Print ``message`` as one line on stderr and return the exit status 1."""
    print(f"chat_bot: {' '.join(message.split())}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
