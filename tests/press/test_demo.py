import datetime

from press import demo
from press.models import PressContact, PressRelease, ReleasePhoto


def test_demo_releases_are_dated_in_the_run_up_to_the_edition_with_photos(edition):
    for _ in range(2):
        summary = demo.load(edition=edition, progress=None)
    assert summary == "3 press releases with photos, 2 press-office contacts"
    assert PressRelease.objects.count() == 3 and ReleasePhoto.objects.count() == 3
    assert PressContact.objects.filter(edition=edition).count() == 2
    local_days = [r.publish_at.astimezone(edition.tz).date() for r in PressRelease.objects.order_by("publish_at")]
    # Accreditation opens weeks before, the programme days before, the opening on the first day.
    assert local_days == [datetime.date(2024, 11, 4), datetime.date(2024, 12, 9), datetime.date(2024, 12, 19)]
    opening = PressRelease.objects.get(slug="demo-opening-ceremony")
    assert "<h2>Bốn lĩnh vực trưng bày</h2>" in opening.body_vi and "<li>Hải quân</li>" in opening.body_vi
    assert ReleasePhoto.objects.get(release=opening).caption_en.startswith("Demo drawing")
