"""English: the month written out, day first (20 December 2026), so no date reads two ways.

The first input format is ISO so the admin's date fields show 2026-12-20; day-first typing is
accepted as well, month-first never.
"""

from common.formats import DATE_INPUT_FORMATS as _DAY_FIRST
from common.formats import DATETIME_INPUT_FORMATS, TIME_INPUT_FORMATS, zone_suffix

__all__ = ["DATETIME_INPUT_FORMATS", "TIME_INPUT_FORMATS"]

DATE_INPUT_FORMATS = ["%Y-%m-%d", *[form for form in _DAY_FIRST if form != "%Y-%m-%d"]]
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d M Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i" + zone_suffix()
SHORT_DATETIME_FORMAT = "d M Y H:i" + zone_suffix()
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
