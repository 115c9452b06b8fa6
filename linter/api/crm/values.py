"""Cell values as CRM exports write them: amounts with symbols and separators, dates, percentages, yes/no.

Each parser returns the value or raises :class:`CellError` with a reason a
user can act on; the reader turns that into a finding at the row's line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_AMOUNT = re.compile(r"^(?P<neg>-)?(?P<num>\d+(?:\.\d+)?)$")
_DOT_THOUSANDS = re.compile(r"^\(?-?\d{1,3}(?:\.\d{3})+(?:,\d+)?\)?$")  # 40.000, 1.250.000, 210.000,00
TRUE_WORDS = frozenset({"1", "true", "yes", "y"})
FALSE_WORDS = frozenset({"0", "false", "no", "n", ""})


class CellError(ValueError):
    """A cell that cannot be read; the message says why and how to fix it."""


def parse_amount(text: str) -> tuple[float, Optional[str]]:
    """``"$1,250,000.00"`` -> (1250000.0, "USD"); ``"EUR 40.000"`` and ``"210.000,00"`` are refused: a dot between
    thousands would be read as a decimal point (40.0), so the amount is reported, never misread."""
    raw = text.strip()
    currency: Optional[str] = None
    for symbol, code in _SYMBOLS.items():
        if symbol in raw:
            currency, raw = code, raw.replace(symbol, "")
    words = raw.split()
    codes = [w for w in words if w.isalpha() and len(w) == 3 and w.isupper()]
    if codes:
        currency = codes[0]
        raw = " ".join(w for w in words if w not in codes)
    raw = raw.replace(" ", "").strip()
    if ("," in raw and "." in raw and raw.rfind(",") > raw.rfind(".")) or _DOT_THOUSANDS.match(raw):
        # "210.000,00" or "40.000": a dot between thousands (a decimal comma) would be misread as a decimal point
        raise CellError(f"amount {text.strip()!r} uses a dot between thousands: export the amount without "
                        "separators or with commas between thousands (210000.00 or 210,000.00)")
    raw = raw.replace(",", "")
    if raw.startswith("(") and raw.endswith(")"):
        raw = "-" + raw[1:-1]
    match = _AMOUNT.match(raw)
    if not match:
        raise CellError(f"amount {text.strip()!r} is not a number (write it as 125000, $125,000 or USD 125000.00)")
    value = float(match["num"])
    return (-value if match["neg"] else value), currency


def parse_date(text: str, date_format: Optional[str], column: str) -> dt.date:
    """An ISO date (a time after it is ignored), or one in ``date_format``; ``01/02/2027`` without a format is refused."""
    raw = text.strip()
    if date_format:
        try:
            return dt.datetime.strptime(raw, date_format).date()
        except ValueError:
            raise CellError(f"{column} {raw!r} does not match the configured date-format {date_format!r}") from None
    if ISO_DATE.match(raw):
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            raise CellError(f"{column} {raw!r} is not a real date") from None
    slashed = _SLASHED.match(raw)
    if slashed:
        first, second = int(slashed[1]), int(slashed[2])
        if first <= 12 and second <= 12:
            raise CellError(
                f"{column} {raw!r} is ambiguous (day/month or month/day?): name the export's format in the "
                "configuration, e.g. [tool.planlint.crm] date-format = \"%m/%d/%Y\" (or \"%d/%m/%Y\")")
        month_first = "%m/%d/%Y" if second > 12 else "%d/%m/%Y"
        raise CellError(f"{column} {raw!r} is not an ISO date: name the export's format in the configuration, "
                        f"e.g. [tool.planlint.crm] date-format = \"{month_first}\"")
    raise CellError(f"{column} {raw!r} is not a date (expected YYYY-MM-DD or the configured date-format)")


def parse_percent(text: str, column: str) -> float:
    """``"40"``, ``"40%"`` or ``"40.0 %"`` -> 40.0."""
    raw = text.strip().rstrip("%").strip()
    try:
        value = float(raw)
    except ValueError:
        raise CellError(f"{column} {text.strip()!r} is not a percentage") from None
    if not 0 <= value <= 100:
        raise CellError(f"{column} {text.strip()!r} is not between 0 and 100")
    return value


def parse_flag(text: str, column: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"{column} {text.strip()!r} is not yes/no (true/false, 1/0)")
