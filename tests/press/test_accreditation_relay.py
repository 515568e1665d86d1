"""The public accreditation form is not a relay: atomic limits per client address and per
recipient, mail to the (unverified) address that carries nothing the applicant typed, and
links that reveal neither the address nor the row."""

import base64
import datetime
import re
import threading

import pytest
import requests
import time_machine
from django.core import signing
from django.db import connection
from django.test import Client

from outbox import unsubscribe
from outbox.models import Message
from press import services
from press.models import MediaAccreditation
from tests.forms import ACCREDITATION_URL, APPLICATIONS_OPEN, accreditation_form
from tests.helpers import html_of, subject_of, text_of

EN_URL = "/en/press/accreditation/"
# What a phisher would type to have the ministry's mail carry it.
BAIT = {
    "name": "Nhận thưởng tại http://evil.example/login",
    "outlet": '<a href="https://evil.example/bank">Ngân hàng</a>',
    "email": "victim@example.vn",
}


@pytest.fixture(autouse=True)
def _applications_open():
    with time_machine.travel(APPLICATIONS_OPEN, tick=False):
        yield


def _everything_received(message):
    return "\n".join([subject_of(message), str(message["To"]), text_of(message), html_of(message)])


def test_confirmation_carries_nothing_the_applicant_typed(client, edition, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ACCREDITATION_URL, accreditation_form(**BAIT))
    assert response.status_code == 302
    [message] = smtp.messages
    received = _everything_received(message)
    for typed in ("evil.example", "Nhận thưởng", "Ngân hàng"):
        assert typed not in received
    assert message["To"].addresses[0].display_name == "" and message["To"].addresses[0].username == "victim"
    text = text_of(message)
    assert text.startswith("Kính gửi người nộp đơn,")
    assert f"Mã thẻ: {MediaAccreditation.objects.get().reference}" in text
    # The only link is our own status page, the one the applicant was sent to.
    assert re.findall(r"https?://\S+", text) == [f"http://testserver{response['Location']}"]
    assert re.findall(r'href="([^"]+)"', html_of(message)) == [f"http://testserver{response['Location']}"]


@pytest.mark.parametrize("decision", ["approved", "rejected"])
def test_decisions_carry_nothing_the_applicant_typed(
    client, edition, smtp, django_capture_on_commit_callbacks, django_user_model, decision
):
    client.post(EN_URL, accreditation_form(**BAIT))
    accreditation = MediaAccreditation.objects.get()
    officer = django_user_model.objects.create_user("press-officer")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_accreditation(
            accreditation=accreditation, status=decision, reason="The outlet could not be found.", by=officer
        )
    message = smtp.messages[-1]
    received = _everything_received(message)
    for typed in ("evil.example", "Nhận thưởng", "Ngân hàng"):
        assert typed not in received
    text = text_of(message)
    assert text.startswith("Dear applicant,") and f"Badge reference: {accreditation.reference}" in text
    assert ("is approved" in text) == (decision == "approved")
    assert all(link.startswith("http://localhost:8000/en/press/") for link in re.findall(r"https?://\S+", text))


def _decoded(token):
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))


def test_status_link_names_neither_the_applicant_nor_the_row(client, edition):
    first = client.post(ACCREDITATION_URL, accreditation_form())["Location"]
    second = Client().post(ACCREDITATION_URL, accreditation_form(email="khac@example.vn"))["Location"]
    tokens = [re.fullmatch(r"/vi/press/accreditation/status/([^/]+)/", url).group(1) for url in (first, second)]
    for token, row in zip(tokens, MediaAccreditation.objects.order_by("pk"), strict=True):
        raw = _decoded(token)
        assert len(raw) == 32  # 256 random bits, nothing else
        for secret in (row.email, "nhung", "Lê Thị", row.reference):
            assert secret.encode() not in raw and secret not in token
        with pytest.raises(signing.BadSignature):
            signing.loads(token, salt="press.accreditation.status")  # no signed row id any more
    assert len(set(tokens)) == 2 and tokens[0][:8] != tokens[1][:8]  # consecutive rows, unrelated links


@pytest.mark.parametrize(
    "language, words",
    [
        ("vi", "Đường dẫn này không mở được hồ sơ nào"),
        ("en", "This link does not open an application"),
    ],
)
def test_old_and_altered_status_links_get_a_clear_404(client, edition, language, words):
    client.post(ACCREDITATION_URL, accreditation_form())
    row = MediaAccreditation.objects.get()
    old = signing.dumps(row.pk, salt="press.accreditation.status")  # how links were made before
    for token in (old, row.status_key[:-1] + "x", "1"):
        response = client.get(f"/{language}/press/accreditation/status/{token}/")
        assert response.status_code == 404 and words in response.content.decode()
        assert "Lê Thị Hồng Nhung" not in response.content.decode()


def test_unsubscribe_link_names_neither_address_nor_topic(client, edition):
    token = unsubscribe.token(email="Jane@Example.com", topic="press.releases")
    raw = _decoded(token)
    assert len(raw) == 32
    for secret in ("jane", "example", "press", "releases"):
        assert secret.encode() not in raw.lower() and secret not in token.lower()
    assert unsubscribe.token(email="jane@example.com", topic="press.releases") == token  # one per address
    assert unsubscribe.read(token) == ("jane@example.com", "press.releases")
    # A link in the old form (the readable address, signed) is refused with a page saying why.
    old = signing.dumps(["jane@example.com", "press.releases"], salt="outbox.unsubscribe", compress=True)
    for language, words in (("vi", "Đường dẫn hủy đăng ký này không hợp lệ"), ("en", "not valid")):
        response = client.post(f"/{language}/unsubscribe/{old}/")
        assert response.status_code == 404 and words in response.content.decode()
        assert "jane" not in response.content.decode()


def test_one_address_is_sent_at_most_three_applications_a_day(edition):
    for n in range(3):
        response = Client(REMOTE_ADDR=f"203.0.113.{n + 1}").post(
            ACCREDITATION_URL, accreditation_form(email=" Victim@Example.vn")
        )
        assert response.status_code == 302
    # A fourth, from yet another address, for the same recipient (however it is spelt): refused.
    response = Client(REMOTE_ADDR="198.51.100.4").post(EN_URL, accreditation_form(email="victim@example.vn"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Enough applications were already sent today with this e-mail address." in html
    assert 'value="Lê Thị Hồng Nhung"' in html  # what was typed is kept
    vietnamese = Client(REMOTE_ADDR="198.51.100.5").post(
        ACCREDITATION_URL, accreditation_form(email="victim@example.vn")
    )
    assert "Hôm nay đã có đủ số hồ sơ được gửi với địa chỉ e-mail này." in vietnamese.content.decode()
    assert MediaAccreditation.objects.count() == 3 and Message.objects.count() == 3
    # Another recipient from the same address is not affected; the next day the budget is back.
    assert (
        Client(REMOTE_ADDR="198.51.100.4")
        .post(ACCREDITATION_URL, accreditation_form(email="other@example.vn"))
        .status_code
        == 302
    )
    with time_machine.travel(APPLICATIONS_OPEN + datetime.timedelta(days=1), tick=False):
        assert (
            Client(REMOTE_ADDR="198.51.100.4")
            .post(ACCREDITATION_URL, accreditation_form(email="victim@example.vn"))
            .status_code
            == 302
        )


def test_one_client_address_sends_at_most_thirty_applications_a_day(edition):
    client = Client(REMOTE_ADDR="203.0.113.50")
    for window in range(6):  # five every ten minutes, six times
        with time_machine.travel(APPLICATIONS_OPEN + datetime.timedelta(minutes=11 * window), tick=False):
            for n in range(5):
                response = client.post(ACCREDITATION_URL, accreditation_form(email=f"r{window}-{n}@example.vn"))
                assert response.status_code == 302
    with time_machine.travel(APPLICATIONS_OPEN + datetime.timedelta(minutes=70), tick=False):
        response = client.post(EN_URL, accreditation_form(email="late@example.vn"))
    assert response.status_code == 429
    assert "Too many applications were sent from your connection today." in response.content.decode()
    assert MediaAccreditation.objects.count() == 30
    with time_machine.travel(APPLICATIONS_OPEN + datetime.timedelta(days=1), tick=False):
        assert client.post(ACCREDITATION_URL, accreditation_form(email="late@example.vn")).status_code == 302


# --- Simultaneous requests: each on its own connection to a server database -------------------

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)
server_database = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a server database: on SQLite the test database lives in memory and Django's live server "
    "and threads share its one connection, so requests cannot overlap",
)


def _all_at_once(count, send):
    """Run `send(n)` in `count` threads released together; their results in order."""
    start, results = threading.Barrier(count), [None] * count

    def run(n):
        start.wait()
        try:
            results[n] = send(n)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@committed
@server_database
def test_ten_simultaneous_applications_from_one_address_accept_five(live_server, edition):
    """Real HTTP requests to a live server, all from 127.0.0.1, each handled on its own thread
    and database connection: the limit of five holds (before, nine of ten got through)."""
    session = requests.Session()
    form = session.get(f"{live_server.url}{ACCREDITATION_URL}", timeout=30)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cookies = session.cookies.get_dict()

    def send(n):
        data = accreditation_form(email=f"reporter{n}@example.vn", csrfmiddlewaretoken=csrf)
        photo = data.pop("photo")
        response = requests.post(
            f"{live_server.url}{ACCREDITATION_URL}",
            data=data,
            files={"photo": (photo.name, photo.read(), "image/png")},
            cookies=cookies,
            allow_redirects=False,
            timeout=60,
        )
        return response.status_code

    codes = _all_at_once(10, send)
    assert sorted(codes) == [302] * 5 + [429] * 5
    assert MediaAccreditation.objects.count() == 5 and Message.objects.count() == 5


@committed
@server_database
def test_ten_simultaneous_applications_to_one_recipient_accept_three(edition):
    def send(n):
        return (
            Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
            .post(ACCREDITATION_URL, accreditation_form(email="victim@example.vn"))
            .status_code
        )

    codes = _all_at_once(10, send)
    assert sorted(codes) == [302] * 3 + [429] * 7
    assert MediaAccreditation.objects.filter(email="victim@example.vn").count() == 3
