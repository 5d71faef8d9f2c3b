"""Leadership that makes room for learning: recognition and the operations/development balance.

"A good leader recognises effort and curiosity, not only results, and balances
operations and development, so that learning is not an extra burden."

* :class:`Recognition` of a :class:`RecognitionKind` (effort, curiosity,
  sharing knowledge, helping, an experiment, a result), and
  :func:`recognition_mix`: what one team received over a period, the share
  about learning versus results, and who was never recognised.
* :class:`TimeAllocation` of a person's week between development and
  operations (*drift*), and :func:`balance`: each week's development share
  against a :class:`DevelopmentBand` (10–20 % by default), the weeks outside
  it, and who has had no development time for weeks.
* Sentences for a bot in Danish or English: :func:`mix_summary`,
  :func:`never_recognised_message`, :func:`flag_message`,
  :func:`no_development_message`, with :func:`percent` and :func:`band_text`.
"""

from __future__ import annotations

from learnkit.leadership._allocation import (
    DEFAULT_BAND,
    BandPosition,
    DevelopmentBand,
    TimeAllocation,
    development_share,
    monday_of,
    weeks_before,
)
from learnkit.leadership._balance import (
    DEFAULT_NO_DEVELOPMENT_WEEKS,
    BalanceReport,
    PersonBalance,
    WeekBalance,
    balance,
)
from learnkit.leadership._messages import (
    band_text,
    flag_message,
    mix_summary,
    never_recognised_message,
    no_development_message,
    percent,
)
from learnkit.leadership._recognition import (
    LEARNING_KINDS,
    Recognition,
    RecognitionCount,
    RecognitionKind,
    RecognitionMix,
    recognition_mix,
)

__all__ = [
    "DEFAULT_BAND",
    "DEFAULT_NO_DEVELOPMENT_WEEKS",
    "LEARNING_KINDS",
    "BalanceReport",
    "BandPosition",
    "DevelopmentBand",
    "PersonBalance",
    "Recognition",
    "RecognitionCount",
    "RecognitionKind",
    "RecognitionMix",
    "TimeAllocation",
    "WeekBalance",
    "balance",
    "band_text",
    "development_share",
    "flag_message",
    "mix_summary",
    "monday_of",
    "never_recognised_message",
    "no_development_message",
    "percent",
    "recognition_mix",
    "weeks_before",
]
