"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders."""

from typing import Final

DA: Final[dict[str, str]] = {}

EN: Final[dict[str, str]] = {}
