"""Demo rows for the press centre: invented releases (one under embargo) and press-office contacts."""

import datetime

from django.utils import timezone

from expo import demo
from press.models import PressContact, PressRelease

RELEASES = [
    (
        "accreditation-open",
        -20,
        "Mở đăng ký cấp thẻ phóng viên tác nghiệp tại Triển lãm",
        "Media accreditation for the expo is open",
        "Phóng viên trong nước và quốc tế đăng ký trực tuyến để được cấp thẻ tác nghiệp.",
        "Domestic and foreign journalists apply online for a press badge.",
        "<p>Ban Tổ chức thông báo mở đăng ký cấp thẻ tác nghiệp cho phóng viên.</p>"
        "<ul><li>Đăng ký trực tuyến tại trung tâm báo chí.</li><li>Mang theo thẻ nhà báo khi nhận thẻ.</li></ul>",
        "<p>The organisers open accreditation for journalists.</p>"
        "<ul><li>Apply online in the press centre.</li><li>Bring your press card to collect the badge.</li></ul>",
    ),
    (
        "programme-announced",
        -5,
        "Công bố chương trình các hoạt động của Triển lãm",
        "Expo programme announced",
        "Trình diễn bay, trình diễn đặc công và các hội thảo chuyên ngành kỹ thuật.",
        "Flying displays, special-forces demonstrations and technical seminars.",
        "<p>Chương trình gồm trưng bày tĩnh, trình diễn bay, trình diễn đặc công và hội thảo chuyên ngành.</p>",
        "<p>The programme includes the static display, flying displays, special-forces demonstrations "
        "and technical seminars.</p>",
    ),
    (
        "opening-ceremony",
        30,
        "Khai mạc Triển lãm Quốc phòng quốc tế Việt Nam (bản tin chờ công bố)",
        "Opening of the Vietnam International Defence Expo (embargoed)",
        "Bản tin này chỉ hiển thị sau thời điểm công bố.",
        "This release becomes visible only when its embargo lifts.",
        "<p>Nội dung sẽ được công bố vào giờ khai mạc.</p>",
        "<p>To be published at the opening ceremony.</p>",
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


@demo.register(order=60, label="Press centre (invented releases, contacts)")
def load(*, edition, progress):
    now = timezone.now().replace(second=0, microsecond=0)
    for slug, days, title_vi, title_en, summary_vi, summary_en, body_vi, body_en in RELEASES:
        PressRelease.objects.update_or_create(
            slug=f"demo-{slug}",
            defaults={
                "edition": edition,
                "title_vi": title_vi,
                "title_en": title_en,
                "summary_vi": summary_vi,
                "summary_en": summary_en,
                "body_vi": body_vi,
                "body_en": body_en,
                "publish_at": now + datetime.timedelta(days=days),
            },
        )
    for order, (name, role_vi, role_en, email, phone) in enumerate(CONTACTS):
        PressContact.objects.update_or_create(
            edition=edition,
            name=name,
            defaults={"role_vi": role_vi, "role_en": role_en, "email": email, "phone": phone, "order": order},
        )
    return f"{len(RELEASES)} press releases (1 under embargo), {len(CONTACTS)} press-office contacts"
