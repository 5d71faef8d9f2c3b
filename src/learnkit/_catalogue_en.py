"""English texts. Keys and placeholders match ``_catalogue_da`` exactly."""

from typing import Final

CATALOGUE: Final[dict[str, str]] = {
    "roster.headcount": "{count} people",
}
