"""Keep the catalogues complete after `makemessages`.

English is the source language: its catalogue gets each msgid as its own translation, so both
.po files are complete. Vietnamese entries come from the translator's table given as a JSON
file ({msgid: msgstr} or {msgid: [singular, plural]}); anything still missing is listed and
the script exits non-zero, so `make messages` cannot quietly leave a string untranslated.

    python scripts/po_sync.py [vi-translations.json]
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


# djangojs holds only the gaps of Django's and django-prose-editor's JavaScript catalogues, kept
# by hand (makemessages runs for the django domain only); both domains are completed here.
DOMAINS = ["django", "djangojs"]


def fill_english(domain):
    po = polib.pofile(ROOT / f"locale/en/LC_MESSAGES/{domain}.po")
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    po.save()


def fill_vietnamese(table, domain):
    po = polib.pofile(ROOT / f"locale/vi/LC_MESSAGES/{domain}.po")
    missing = []
    for entry in po:
        if entry.msgid in table:
            value = table[entry.msgid]
            if entry.msgid_plural:
                # Vietnamese has one plural form.
                entry.msgstr_plural = {0: value[0] if isinstance(value, list) else value}
            else:
                entry.msgstr = value
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if "fuzzy" in entry.flags or not (entry.msgstr or any(entry.msgstr_plural.values())):
            missing.append(entry.msgid)
    po.save()
    return missing


if __name__ == "__main__":
    table = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")) if len(sys.argv) > 1 else {}
    missing = []
    for domain in DOMAINS:
        fill_english(domain)
        missing += fill_vietnamese(table, domain)
    if missing:
        sys.exit("\n  ".join(["Untranslated in vi:", *missing]))
