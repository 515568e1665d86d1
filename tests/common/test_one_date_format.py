"""Day-first dates are written in one place (common/dates.py): no module or template spells the
format out again, so a printout, a page, a mail and an admin list cannot drift apart."""

import datetime
import re
import tomllib
import zoneinfo
from pathlib import Path

import pytest
from django.utils.translation import override

from common.dates import formatted

ROOT = Path(__file__).resolve().parents[2]
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
# Formatting a date by hand: strftime("%d…"), f"{day:%d/%m…}", dateformat/date_format with d/m.
IN_PYTHON = re.compile(r"""strftime\(["']%d|:%d/%m|dateformat\.format\(|date_format\([^)]*["']d/m""")
# {{ value|date:"d/m/Y" }} and the like (|date:"c" and the language's named formats stay).
IN_TEMPLATES = re.compile(r"""\|date:["'][^"']*[djDl] ?[/.]""")


def sources():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts and path.relative_to(ROOT).as_posix() != "common/dates.py":
                yield path, IN_PYTHON
    for path in (ROOT / "templates").rglob("*"):
        if path.suffix in {".html", ".txt", ".xml"}:
            yield path, IN_TEMPLATES


def test_no_module_or_template_writes_a_date_format_by_hand():
    by_hand = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path, pattern in sources()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert by_hand == []


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("d/m/Y", "19/12/2024"), ("d/m", "19/12"), ("d/m/Y H:i", "19/12/2024 08:30"), ("d/m H:i", "19/12 08:30")],
)
def test_a_moment_is_written_day_first_in_the_zone_asked_for(pattern, expected):
    moment = datetime.datetime(2024, 12, 19, 1, 30, tzinfo=datetime.UTC)
    assert formatted(moment, pattern, zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")) == expected


def test_one_moment_is_written_for_each_zone_and_language_it_is_asked_in():
    # The same instant in two zones is one datetime to Python: each zone and language still
    # gets its own text (common.dates keeps the texts it wrote).
    moment = datetime.datetime(2024, 12, 19, 1, 30, tzinfo=datetime.UTC)
    hanoi, paris = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"), zoneinfo.ZoneInfo("Europe/Paris")
    with override("en"):
        assert formatted(moment, "l d/m H:i", hanoi) == "Thursday 19/12 08:30"
        assert formatted(moment, "l d/m H:i", paris) == "Thursday 19/12 02:30"
        assert formatted(moment, "l d/m H:i") == "Thursday 19/12 01:30"
    with override("vi"):
        assert formatted(moment, "l d/m H:i", hanoi) == "Thứ 5 19/12 08:30"


def test_no_date_is_written_as_nothing():
    assert formatted(None) == ""
