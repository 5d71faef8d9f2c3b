"""Danish texts (dansk). Keys and placeholders match ``_catalogue_en`` exactly."""

from typing import Final

CATALOGUE: Final[dict[str, str]] = {
    "roster.headcount": "{count} personer",
}
