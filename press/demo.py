"""Demo rows for the press centre: invented releases (one under embargo) and press-office contacts."""

import datetime

from django.conf import settings

from common import demo_registry
from press import demo_photos
from press.models import PressContact, PressRelease

# Dated in the run-up to the edition and on its first day (local time at the venue), so
# the demo's press centre reads as the edition's own: (slug, days from the first day, hour, …).
RELEASES = [
    (
        "accreditation-open",
        -45,
        9,
        "Mở đăng ký cấp thẻ phóng viên tác nghiệp tại Triển lãm",
        "Media accreditation for the expo is open",
        "Phóng viên trong nước và quốc tế đăng ký trực tuyến để được cấp thẻ tác nghiệp.",
        "Domestic and foreign journalists apply online for a press badge.",
        "<p>Ban Tổ chức thông báo mở đăng ký cấp thẻ tác nghiệp cho phóng viên trong nước và quốc tế.</p>"
        "<h2>Cách đăng ký</h2>"
        '<ol><li>Điền mẫu đăng ký trực tuyến tại <a href="/vi/press/accreditation/">trung tâm báo chí</a>.</li>'
        "<li>Tải lên ảnh chân dung để in thẻ.</li><li>Mang theo thẻ nhà báo khi nhận thẻ tác nghiệp.</li></ol>"
        "<p>Ban Tổ chức cam kết cung cấp thông tin <strong>sớm nhất, nhiều nhất và trung thực nhất</strong>.</p>",
        "<p>The organisers open accreditation for domestic and foreign journalists.</p>"
        "<h2>How to apply</h2>"
        '<ol><li>Fill in the online form in the <a href="/en/press/accreditation/">press centre</a>.</li>'
        "<li>Upload a portrait photo for the badge.</li><li>Bring your press card to collect the badge.</li></ol>"
        "<p>The organisers promise <strong>the earliest, most and most truthful information</strong>.</p>",
    ),
    (
        "programme-announced",
        -10,
        10,
        "Công bố chương trình các hoạt động của Triển lãm",
        "Expo programme announced",
        "Trình diễn bay, trình diễn đặc công và các hội thảo chuyên ngành kỹ thuật.",
        "Flying displays, special-forces demonstrations and technical seminars.",
        "<p>Chương trình Triển lãm gồm các hoạt động:</p>"
        "<ul><li>trưng bày tĩnh các sản phẩm, công nghệ quốc phòng và an ninh;</li>"
        "<li>trình diễn bay của máy bay tiêm kích và trình diễn đặc công;</li>"
        "<li>hội thảo chuyên ngành kỹ thuật;</li><li>kết nối giao thương.</li></ul>"
        "<p>Lịch chi tiết theo ngày có trên trang <em>Chương trình</em>.</p>",
        "<p>The expo programme includes:</p>"
        "<ul><li>a static display of defence and security products and technologies;</li>"
        "<li>fighter-aircraft flying displays and special-forces demonstrations;</li>"
        "<li>specialised technical seminars;</li><li>trade and matchmaking.</li></ul>"
        "<p>The day-by-day schedule is on the <em>Programme</em> page.</p>",
    ),
    (
        "opening-ceremony",
        0,
        8,
        "Khai mạc Triển lãm Quốc phòng quốc tế Việt Nam",
        "Vietnam International Defence Expo opens",
        "Triển lãm khai mạc tại Sân bay Gia Lâm, Hà Nội.",
        "The expo opens at Gia Lam Airfield, Hanoi.",
        "<p>Sáng nay, Triển lãm Quốc phòng quốc tế Việt Nam khai mạc tại Sân bay Gia Lâm, Hà Nội, "
        "với chủ đề <em>“Hòa bình, Hữu nghị, Hợp tác cùng phát triển”</em>.</p>"
        "<h2>Bốn lĩnh vực trưng bày</h2>"
        "<ul><li>Phòng không – Không quân</li><li>Hải quân</li><li>Lục quân</li><li>An ninh</li></ul>",
        "<p>This morning the Vietnam International Defence Expo opened at Gia Lam Airfield, Hanoi, "
        "under the theme <em>“Peace, Friendship, Cooperation for Development”</em>.</p>"
        "<h2>Four exhibit sectors</h2>"
        "<ul><li>Air defence – air force</li><li>Naval</li><li>Ground forces</li><li>Security</li></ul>",
    ),
]

CONTACTS = [
    (
        "Nguyễn Thị Minh Anh",
        "Trưởng bộ phận báo chí",
        "Head of the press office",
        "press@example.vn",
        "+84 24 0000 0001",
    ),
    (
        "Trần Văn Hùng",
        "Phụ trách cấp thẻ phóng viên",
        "Media accreditation",
        "accreditation@example.vn",
        "+84 24 0000 0002",
    ),
]


@demo_registry.register(order=60, label="Press centre (invented releases, contacts)")
def load(*, edition, progress):
    for slug, days, hour, title_vi, title_en, summary_vi, summary_en, body_vi, body_en in RELEASES:
        day = edition.start_date + datetime.timedelta(days=days)
        publish_at = datetime.datetime.combine(day, datetime.time(hour), tzinfo=edition.tz)
        release, _ = PressRelease.objects.update_or_create(
            slug=f"demo-{slug}",
            defaults={
                "edition": edition,
                "title_vi": title_vi,
                "title_en": title_en,
                "summary_vi": summary_vi,
                "summary_en": summary_en,
                "body_vi": body_vi,
                "body_en": body_en,
                "publish_at": publish_at,
            },
        )
        demo_photos.ensure_photo(release, slug=slug, title_vi=title_vi, title_en=title_en)
    for order, (name, role_vi, role_en, email, phone) in enumerate(CONTACTS):
        PressContact.objects.update_or_create(
            edition=edition,
            name=name,
            defaults={"role_vi": role_vi, "role_en": role_en, "email": email, "phone": phone, "order": order},
        )
    return f"{len(RELEASES)} press releases with photos, {len(CONTACTS)} press-office contacts"


# `make run` starts the web server as load_demo ends; the kits wait this long for it.
KIT_WAIT_SECONDS = 20


@demo_registry.register(order=90, label="Press kit (fact sheets, releases, photos, logos) in both languages")
def build_kits(*, edition, progress):
    # Queued, not built here: the worker renders the sheets and zips the kits after the site
    # answers (the kit link says "being prepared" until then). On the inline queue it is built now.
    # The test settings skip it (PRESS_KIT_ON_DEMO): tests/press/test_kit.py calls this directly.
    from django_tasks import TaskResultStatus

    from press.tasks import build_press_kits, queue_kit_task

    if not getattr(settings, "PRESS_KIT_ON_DEMO", True):
        return "press kit left for the first download (PRESS_KIT_ON_DEMO off)"
    # A few seconds' wait: the web server answers its first pages before the kits take a core.
    result = queue_kit_task(build_press_kits, ["vi", "en"], after=datetime.timedelta(seconds=KIT_WAIT_SECONDS))
    if result.status == TaskResultStatus.SUCCESSFUL:
        return result.return_value
    return "press kits in both languages queued for the task worker"
