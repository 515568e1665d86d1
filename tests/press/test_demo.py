from press import demo
from press.models import PressContact, PressRelease


def test_demo_loads_releases_with_one_under_embargo_and_is_idempotent(edition):
    for _ in range(2):
        summary = demo.load(edition=edition, progress=None)
    assert summary == "3 press releases (1 under embargo), 2 press-office contacts"
    assert PressRelease.objects.count() == 3 and PressRelease.objects.published().count() == 2
    assert PressContact.objects.filter(edition=edition).count() == 2
    embargoed = PressRelease.objects.embargoed().get()
    assert embargoed.title_vi.startswith("Khai mạc") and embargoed.title_en.startswith("Opening")
