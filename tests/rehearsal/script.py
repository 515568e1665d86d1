"""What the rehearsal types and reads: the people, texts and files of each step, and the
helpers the steps and cross-checks share (tests/rehearsal/test_*.py play them in file order)."""

import re
import urllib.parse

from PIL import Image
from playwright.sync_api import expect

from tests.rehearsal import texts
from tests.rehearsal.stage import LOCATE

JOURNALISTS = {
    "vi": {"name": "Nguyễn Thị Hồng Nhung", "outlet": "Báo Quân đội Nhân dân", "country": "VN",
           "email": "hongnhung@qdnd.example.vn", "phone": "+84 24 3747 0000", "card": "BC-VN-2024-17"},
    "en": {"name": "Jane Fielding", "outlet": "Defence Weekly", "country": "GB",
           "email": "jane.fielding@defenceweekly.example.com", "phone": "+44 20 7946 0000", "card": "NUJ-55102"},
}  # fmt: skip


ACCESSIBILITY = {
    "vi": "Lối đi cho xe lăn ở cổng số 1; nhà vệ sinh cho người khuyết tật cạnh nhà triển lãm A.",
    "en": "Wheelchair access at gate 1; accessible toilets beside hall A.",
}


KEY_VISUAL_ALT = {
    "vi": "Tàu tuần tra và máy bay tiêm kích trên bầu trời Hà Nội lúc bình minh: áp phích diễn tập.",
    "en": "A patrol boat and a fighter jet in the Hanoi sky at dawn: the rehearsal poster.",
}


def key_visual_poster(width=1920, height=1080):
    """A poster-like picture of a realistic weight (a sky, a sea, shapes and grain), not a flat colour."""
    from PIL import ImageDraw

    sky = Image.linear_gradient("L").resize((width, height))
    grain = Image.effect_noise((width, height), 28)
    picture = Image.merge("RGB", (Image.blend(sky, grain, 0.25), Image.blend(sky.rotate(180), grain, 0.2), sky))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(20, 60, 110))
    draw.polygon([(300, 760), (900, 760), (820, 840), (380, 840)], fill=(90, 96, 90))
    draw.polygon([(1200, 300), (1500, 250), (1520, 270), (1240, 330)], fill=(60, 64, 70))
    draw.ellipse((1560, 120, 1720, 280), fill=(250, 210, 120))
    return picture


RELEASE = {
    "title_vi": "Diễn tập báo chí: lịch trình ngày khai mạc",
    "title_en": "Press rehearsal: the opening day's schedule",
    "body_vi": "Ban tổ chức công bố lịch trình ngày khai mạc triển lãm.",
    "body_en": "The organisers announce the schedule of the opening day.",
}


WORD_TABLE = (
    "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->"
    '<table class="MsoTableGrid" border="1" style="border-collapse:collapse;mso-yfti-tbllook:1184">'
    '<tr><td><p class="MsoNormal"><b><span lang="VI">Giờ</span></b><o:p></o:p></p></td>'
    '<td><p class="MsoNormal"><b>Nội dung</b><o:p></o:p></p></td></tr>'
    '<tr><td><p class="MsoNormal">08:00</p></td><td><p class="MsoNormal">Lễ khai mạc<o:p></o:p></p></td></tr>'
    '<tr><td><p class="MsoNormal">10:30</p></td><td><p class="MsoNormal">Trình diễn bay&nbsp;<o:p></o:p></p></td></tr>'
    "</table>"
)


PASTE = """([html]) => {
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", "Giờ\\tNội dung\\n08:00\\tLễ khai mạc\\n10:30\\tTrình diễn bay");
  const paste = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
  document.activeElement.dispatchEvent(paste);
}"""


EMBARGO_SECONDS = 45


MINISTRY_HEADERS = [
    "Quốc gia", "Cơ quan", "Loại đoàn", "Cấp đoàn", "Vai trò", "Họ", "Tên", "Cấp bậc", "Chức vụ", "Giới tính",
    "Quốc tịch", "Số hộ chiếu", "Ngày sinh", "Thư điện tử", "Điện thoại", "Thời gian đến", "Chuyến bay đến",
    "Thời gian đi", "Chuyến bay đi",
]  # fmt: skip


MINISTRY_ROWS = [
    ["Ai-xơ-len", "Lực lượng Tuần duyên Ai-xơ-len", "international", "Bộ trưởng", "head", "Jónsdóttir", "Sigríður",
     "", "Tư lệnh", "nữ", "IS", "A1234567", "05/03/1968", "sigridur@lhg.example.is", "+354 545 2000",
     "18/12/2024 10:40", "FI552", "22/12/2024 16:05", "FI553"],
    ["Ai-xơ-len", "Lực lượng Tuần duyên Ai-xơ-len", "international", "Bộ trưởng", "member", "Magnússon", "Einar",
     "", "Sĩ quan tùy tùng", "nam", "IS", "A7654321", "21/11/1979", "", "", "18/12/2024 10:40", "FI552",
     "22/12/2024 16:05", "FI553"],
]  # fmt: skip


def pick_from_autocomplete(page, container, text, pick=None):
    """Search `text` in an admin autocomplete (select2) field and choose the first option matching
    `pick` (a pattern; `text` by default); returns the option's text.

    It waits for the answer to this very search: the list opened before it (every row, "Arjun
    Sharma" first) stays on screen under "Searching…" until then, and a click there picks a stranger."""

    def answers_the_search(response):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(response.url).query)
        return "/admin/autocomplete/" in response.url and query.get("term", [""]) == [text]

    with page.expect_response(answers_the_search):
        container.locator(".select2-selection").first.click()
        if text:
            page.locator(".select2-search__field").last.fill(text)
    expect(page.locator(".select2-results__option.loading-results")).to_have_count(0)
    options = page.locator(".select2-results__option:not(.loading-results)")
    option = options.filter(has_text=re.compile(pick or text or ".", re.I)).first
    expect(option).to_be_visible()
    chosen = option.inner_text()
    option.click()
    return chosen


EXHIBITOR = {"name": "Công ty Diễn tập Quang điện tử", "slug": "dien-tap-quang-dien-tu"}


EXHIBIT = {
    "slug": "dien-tap-kinh-ngam-dem",
    "name_vi": "Kính ngắm đêm diễn tập DT-7",
    "name_en": "DT-7 rehearsal night sight",
    "summary_vi": "Kính ngắm ảnh nhiệt cho súng bộ binh, tầm nhìn 1.200 m.",
    "summary_en": "Thermal sight for infantry weapons, 1,200 m range.",
}


AGREEMENT = {
    "title_vi": "Biên bản ghi nhớ diễn tập về bảo dưỡng tàu tuần tra",
    "title_en": "Rehearsal memorandum on patrol-boat maintenance",
    "party_a_vi": "Lực lượng Tuần duyên Ai-xơ-len",
    "party_a_en": "Icelandic Coast Guard",
    "party_b_vi": "Công ty Diễn tập Quang điện tử",
    "party_b_en": "Rehearsal Optronics Company",
}


VI_ONLY = {
    "slug": "press-rehearsal-vietnamese-only",
    "title_vi": "Diễn tập báo chí: thông báo chỉ có tiếng Việt",
    "body_vi": "Thông báo này chỉ được viết bằng tiếng Việt.",
}


def located_delegation(stage):
    import json

    if not hasattr(stage, "located"):
        stage.located = json.loads(stage.manage("shell", "-c", LOCATE).strip().splitlines()[-1])
    return stage.located


def collect_printouts(cast, report, stage):
    """The protocol printouts of the located delegation, as text, printed once."""
    if hasattr(stage, "printouts"):
        return stage.printouts
    at = located_delegation(stage)
    protocol = cast("protocol")
    base = f"{stage.url}/admin/delegations"
    urls = {
        "itinerary": f"{base}/delegation/{at['delegation']}/itinerary.pdf?lang=en",
        "rooming list": f"{base}/hotel/{at['hotel']}/rooming-list.pdf?lang=en",
        "airport sheet": f"{base}/delegation/print/movements.pdf?lang=en",
        "delegation list": f"{base}/delegation/print/list.pdf?lang=en",
    }
    if at["officer"] and at["day"]:
        urls["run sheet"] = f"{base}/liaisonofficer/{at['officer']}/run-sheet.pdf?day={at['day']}&lang=en"
    stage.printouts = {}
    for name, url in urls.items():
        response = protocol.page.request.get(url)
        assert response.status == 200, f"{name}: {url} answered {response.status}"
        report.pdf(response.body(), name.replace(" ", "-"), f"{name.capitalize()} (en)", pages=1)
        stage.printouts[name] = texts.pdf_text(response.body())
    protocol.go(f"/admin/delegations/delegation/{at['delegation']}/change/")
    report.screenshots(protocol.page, "delegation-form", "The delegation's form")
    stage.printouts["form"] = protocol.page.locator("#content-main").inner_text() + " ".join(
        protocol.page.locator("#content-main input, #content-main select").evaluate_all(
            "els => els.map(e => e.tagName === 'SELECT' ? (e.selectedOptions[0]?.text || '') : e.value)"
        )
    )
    return stage.printouts
