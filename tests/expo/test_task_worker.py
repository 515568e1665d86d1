"""The task worker of the Procfile delivers what the site queues (issue: the demo never sent
anything), and the health check and the admin dashboard say when the queue is stuck.

The worker is the real one: `honcho start worker` runs the Procfile's `worker` line in its own
process, in production mode, against the test database (on PostgreSQL the test database itself,
its rows committed by `transactional_db`; on SQLite a file copy of the in-memory test database).
"""

import datetime
import email
import email.policy
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox.models import Message
from outbox.tasks import deliver_message
from tests.accounts import admin_login
from tests.forms import accreditation_form
from tests.helpers import DATABASE_QUEUE

ROOT = Path(__file__).resolve().parent.parent.parent
T0 = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)


def database_url_for_other_processes(tmp_path):
    """The test database as another process opens it, with everything written so far."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    path = tmp_path / "shared.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    return f"sqlite:///{path}"


def start_procfile(tmp_path, database_url, *processes):
    """`honcho start <processes>` from the Procfile, in production mode, as `make run` starts it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "EXPO_"))}
    env.update(
        PATH=f"{Path(sys.executable).parent}:{env.get('PATH', '/usr/bin:/bin')}",
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="k3y-" + "w0rk!" * 12,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_HTTPS="0",
        EXPO_SITE_URL="http://127.0.0.1:8000",
        EXPO_VAR_DIR=str(tmp_path / "var"),
        DATABASE_URL=database_url,
    )
    with open(tmp_path / "honcho.log", "wb") as log:  # the child keeps its own copy open
        return subprocess.Popen(
            [str(Path(sys.executable).with_name("honcho")), "start", "--no-colour", *processes],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_for_mail(folder, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = sorted(folder.glob("*.eml")) if folder.exists() else []
        if found:
            return found
        time.sleep(0.5)
    return []


def stop(process):
    """Ctrl-C, as in a terminal: honcho stops every process it started."""
    os.killpg(process.pid, signal.SIGINT)
    return process.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_worker_of_the_procfile_mails_the_accreditation_confirmation_in_the_applicants_language(
    client, edition, settings, tmp_path
):
    settings.TASKS = DATABASE_QUEUE
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # While the 2024 test edition takes applications (they close when it ends).
    with time_machine.travel(datetime.datetime(2024, 12, 2, 9, 30, tzinfo=datetime.UTC), tick=False):
        assert client.post("/vi/press/accreditation/", accreditation_form()).status_code == 302
    # Queued for the worker, not sent by the request.
    message = Message.objects.get()
    assert message.status == "approved"
    assert list(DBTaskResult.objects.values_list("task_path", "status")) == [("outbox.tasks.deliver_message", "READY")]

    honcho = start_procfile(tmp_path, database_url_for_other_processes(tmp_path), "worker")
    try:
        delivered = wait_for_mail(tmp_path / "var" / "mail", timeout=60)
    finally:
        code = stop(honcho)
    log = (tmp_path / "honcho.log").read_text(errors="replace")
    assert delivered, f"no mail within a minute; honcho said:\n{log}"
    mail = email.message_from_bytes(delivered[0].read_bytes(), policy=email.policy.default)
    # Addressed to "the applicant": nothing the applicant typed goes into mail to an unverified address.
    assert mail["To"] == "nhung@example.vn"
    # Folded by the e-mail generator as it is for SMTP; a mail program shows it trimmed.
    assert mail["Subject"].strip() == "VIDE 2024: chúng tôi đã nhận đơn đăng ký thẻ tác nghiệp của bạn"
    assert "Kính gửi người nộp đơn" in mail.get_body(("plain",)).get_content()
    # Ctrl-C stopped the worker with honcho, and honcho says so.
    assert code is not None and "worker.1 stopped" in log


def test_health_check_reports_a_queue_nobody_works_off(client, db, settings):
    settings.TASKS = DATABASE_QUEUE
    settings.EXPO_TASK_WAIT_WARNING_MINUTES = 5
    with time_machine.travel(T0, tick=False):
        deliver_message.enqueue(1)
        assert json.loads(client.get("/healthz").content) == {
            "status": "ok",
            "database": "ok",
            "queue": {"ready": 1, "oldest_ready_seconds": 0, "stuck_queues": [], "failed_last_24h": 0},
        }
    with time_machine.travel(T0 + datetime.timedelta(minutes=4, seconds=59), tick=False):
        assert json.loads(client.get("/healthz").content)["status"] == "ok"
    with time_machine.travel(T0 + datetime.timedelta(minutes=6), tick=False):
        deliver_message.using(run_after=timezone.now() + datetime.timedelta(hours=1)).enqueue(2)  # not due: not counted
        response = client.get("/healthz")
    # Still 200: the web servers serve; monitoring reads the status.
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded",
        "database": "ok",
        "queue": {"ready": 1, "oldest_ready_seconds": 360, "stuck_queues": ["default"], "failed_last_24h": 0},
    }


def test_a_worker_busy_with_a_long_kit_build_is_not_a_stuck_queue(client, db, settings):
    from press.tasks import build_press_kits, queue_kit_task, rebuild_press_kit

    settings.TASKS = DATABASE_QUEUE
    with time_machine.travel(T0, tick=False):
        queue_kit_task(build_press_kits, ["vi", "en"])
        DBTaskResult.objects.get().claim("kits-worker")  # the kits worker starts the build
        queue_kit_task(rebuild_press_kit, "vi")
    with time_machine.travel(T0 + datetime.timedelta(minutes=20), tick=False):
        body = json.loads(client.get("/healthz").content)
    assert body["status"] == "ok"
    assert body["queue"] == {"ready": 1, "oldest_ready_seconds": 1200, "stuck_queues": [], "failed_last_24h": 0}
    # A build "running" for over an hour is a worker that died mid-task.
    with time_machine.travel(T0 + datetime.timedelta(minutes=61), tick=False):
        body = json.loads(client.get("/healthz").content)
    assert body["status"] == "degraded" and body["queue"]["stuck_queues"] == ["kits"]


def test_health_check_reports_failed_tasks_of_the_last_day(client, db, settings):
    settings.TASKS = DATABASE_QUEUE
    with time_machine.travel(T0, tick=False):
        deliver_message.enqueue(1)
        DBTaskResult.objects.get().set_failed(RuntimeError("relay refused"))
    with time_machine.travel(T0 + datetime.timedelta(hours=23), tick=False):
        body = json.loads(client.get("/healthz").content)
    assert body["status"] == "degraded" and body["queue"]["failed_last_24h"] == 1
    with time_machine.travel(T0 + datetime.timedelta(hours=25), tick=False):
        body = json.loads(client.get("/healthz").content)
    assert body["status"] == "ok" and body["queue"]["failed_last_24h"] == 0


@pytest.fixture
def organiser(client, db):
    user = get_user_model().objects.create_superuser("organiser", "organiser@example.vn", "x" * 20)
    admin_login(client, user)
    return user


@pytest.mark.parametrize(
    ("language", "waiting", "failed"),
    [
        (
            "vi",
            "Công việc nền đang chờ: tác vụ chờ lâu nhất đã sẵn sàng từ 7 phút.",
            "1 tác vụ nền bị lỗi trong 24 giờ qua.",
        ),
        (
            "en",
            "Background work is waiting: the oldest task has been ready for 7 minutes.",
            "1 background task failed in the last 24 hours.",
        ),
    ],
)
def test_admin_dashboard_warns_in_the_users_language(client, organiser, settings, language, waiting, failed):
    settings.TASKS = DATABASE_QUEUE
    settings.EXPO_TASK_WAIT_WARNING_MINUTES = 5
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    with time_machine.travel(T0, tick=False):
        deliver_message.enqueue(1)
    with time_machine.travel(T0 + datetime.timedelta(minutes=4), tick=False):
        html = client.get("/admin/", **headers).content.decode()
    assert 'class="warning"' not in html
    with time_machine.travel(T0 + datetime.timedelta(minutes=7), tick=False):
        html = client.get("/admin/", **headers).content.decode()
    assert waiting in html and "manage.py db_worker" in html
    assert failed not in html

    deliver_message.enqueue(2)
    DBTaskResult.objects.order_by("enqueued_at").last().set_failed(RuntimeError("relay refused"))
    html = client.get("/admin/", **headers).content.decode()
    assert failed in html
    assert '/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED"' in html


def test_the_demos_press_kits_wait_for_the_first_pages(db, settings):
    """load_demo queues both kits on the kits queue to start 20 s later: `make run` serves its first
    pages before the PDF rendering takes a core (and the kit link says "being prepared")."""
    from press import demo as press_demo

    settings.TASKS = DATABASE_QUEUE
    settings.PRESS_KIT_ON_DEMO = True
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC), tick=False):
        summary = press_demo.build_kits(edition=None, progress=None)
        (queued,) = DBTaskResult.objects.all()
        assert summary == "press kits in both languages queued for the task worker"
        assert (queued.task_path, queued.queue_name, queued.status) == ("press.tasks.build_press_kits", "kits", "READY")
        assert queued.run_after == timezone.now() + datetime.timedelta(seconds=20)
