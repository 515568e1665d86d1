"""Every UI string exists in both catalogues, translated, and the committed .mo files match."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["vi", "en"]
# djangojs: the gaps of Django's admin JavaScript and django-prose-editor, kept by hand.
DOMAINS = ["django", "djangojs"]


def catalogue(lang, domain="django"):
    return polib.pofile(ROOT / f"locale/{lang}/LC_MESSAGES/{domain}.po")


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_fully_translated(lang, domain):
    po = catalogue(lang, domain)
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogue_matches_the_po_file(lang, domain):
    """The .mo is committed so the site runs without gettext; it must say what the .po says."""
    compiled = DjangoTranslation(lang, domain=domain)
    for entry in catalogue(lang, domain):
        if entry.msgid_plural:
            expected = entry.msgstr_plural[0]
            found = (
                compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
                if entry.msgctxt
                else compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
            )
        else:
            expected = entry.msgstr
            found = compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else compiled.gettext(entry.msgid)
        assert found == expected, entry.msgid


def test_vietnamese_catalogue_really_is_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Page not found") == "Không tìm thấy trang"
        assert translation.ngettext("%(days)s day to go", "%(days)s days to go", 5) % {"days": 5} == "Còn 5 ngày"


def test_every_ui_string_is_in_the_catalogues(tmp_path):
    """Extract the strings from the code afresh and compare with the committed catalogues."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext is needed in CI to check the catalogues (apt-get install gettext)")
        pytest.skip("GNU gettext is not installed; CI runs this check")
    work = tmp_path / "src"
    shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns(".venv", "var", ".git", "tests", "*.mo", "__pycache__"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "EXPO_VAR_DIR": str(tmp_path),
    }
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "vi", "--no-obsolete", "--ignore", "scripts/*"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {e.msgid for e in polib.pofile(work / "locale/vi/LC_MESSAGES/django.po") if not e.obsolete}
    for lang in LANGS:
        committed = {e.msgid for e in catalogue(lang) if not e.obsolete}
        assert fresh - committed == set(), f"missing from {lang}: run `make messages` and translate"
