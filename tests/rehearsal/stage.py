"""The production topology the rehearsal plays on, as real processes: its own PostgreSQL
database, its own redis-server, aiosmtpd, gunicorn and the django-tasks database worker."""

import datetime
import email
import email.policy
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zoneinfo
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.processes import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent.parent
CLOCK = [sys.executable, str(Path(__file__).resolve().parent / "clock.py")]
# The moment the show starts: two weeks before the demo edition, which load_demo (run on the
# stage's clock) opens two weeks after "today": its days are then 19–22/12/2024, accreditation is
# open and the opening-day release (19/12/2024 08:00) is under embargo.
SHOW_STARTS = datetime.datetime(2024, 12, 5, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))


class Mailbox:
    """aiosmtpd handler: every message the SMTP server accepted, as received, in order."""

    def __init__(self, folder):
        self.folder = folder
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        index = len(self.received) + 1
        path = self.folder / f"{index:02d}-{envelope.rcpt_tos[0].replace('@', '_at_')}.eml"
        path.write_bytes(raw)
        self.received.append({"to": list(envelope.rcpt_tos), "message": message, "path": path})
        return "250 OK"

    def to(self, address):
        return [item["message"] for item in self.received if address in item["to"]]

    def wait_for(self, predicate, timeout=120, what="a message"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [item for item in self.received if predicate(item)]
            if found:
                return found
            time.sleep(0.5)
        raise AssertionError(f"the SMTP server did not receive {what} within {timeout} s")


class Stage:
    """Starts everything in `start()`, stops what it started in `stop()` (in reverse order)."""

    def __init__(self, admin_url, report_dir, work_dir):
        parts = urllib.parse.urlsplit(admin_url)
        self.database = f"expo_rehearsal_{os.getpid()}"
        self.admin_url = admin_url
        self.database_url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.database}"))
        self.report_dir = report_dir
        self.work_dir = work_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.clock_offset = SHOW_STARTS.timestamp() - time.time()
        self.processes = []
        self.logs = []
        self.smtp = None
        self.mailbox = Mailbox(report_dir / "mail")

    @property
    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EXPO_", "PYTEST"))}
        env.update(
            DJANGO_SETTINGS_MODULE="tests.rehearsal.settings",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=self.secret_key,
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_HTTPS="0",
            EXPO_SITE_URL=self.url,
            EXPO_SERVE_MEDIA="1",
            EXPO_VAR_DIR=str(self.work_dir),
            EXPO_TASK_QUEUE="database",
            EXPO_MAIL_FROM="VIDE 2024 <press@vide.example.vn>",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            EMAIL_URL=f"smtp://127.0.0.1:{self.smtp_port}",
            PYTHONUNBUFFERED="1",
            REHEARSAL_CLOCK_OFFSET=str(self.clock_offset),
        )
        return env

    def now(self):
        """The show's time (the processes' clock), in Hanoi."""
        return datetime.datetime.fromtimestamp(time.time() + self.clock_offset, SHOW_STARTS.tzinfo)

    def psql(self, sql):
        subprocess.run(
            ["psql", self.admin_url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, capture_output=True, text=True
        )

    def manage(self, *args, input=None, timeout=300):
        result = subprocess.run(
            [*CLOCK, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        return result.stdout

    def spawn(self, name, args):
        log = open(self.report_dir / "logs" / f"{name}.log", "w")  # noqa: SIM115 (closed in stop())
        self.logs.append(log)
        process = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def start(self):
        (self.report_dir / "mail").mkdir(parents=True, exist_ok=True)
        (self.report_dir / "logs").mkdir(parents=True, exist_ok=True)
        self.secret_key = secrets.token_urlsafe(50)
        self.smtp = Controller(self.mailbox, hostname="127.0.0.1", port=free_port())
        self.smtp.start()
        self.smtp_port = self.smtp.port
        redis_port = free_port()
        self.redis_url = f"redis://127.0.0.1:{redis_port}/0"
        redis = self.spawn(
            "redis",
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        )
        wait_for_port(redis_port, redis)
        self.psql(f'DROP DATABASE IF EXISTS "{self.database}"')
        self.psql(f'CREATE DATABASE "{self.database}"')
        self.created_database = True
        collect = self.spawn("collectstatic", [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"])
        self.manage("migrate", "--no-input", "-v0")
        assert collect.wait(timeout=300) == 0, "collectstatic failed (logs/collectstatic.log)"
        self.processes.remove(collect)
        # The demo, without building both press kits at load (the longest step): the worker builds them
        # on the first download, as in production after a content change.
        self.manage("shell", "-c", DEMO_WITHOUT_KIT)
        self.manage("shell", "-c", ACCOUNTS)
        gunicorn = self.spawn(
            "gunicorn",
            [
                *CLOCK, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{self.port}",
                "--worker-class", "gthread", "--workers", "2", "--threads", "4", "--timeout", "120",
            ],
        )  # fmt: skip
        # Two workers as production runs them: mail and releases on "default", press kits on
        # "kits" (where the kits have their own queue), so a kit build never holds up the mail.
        for queue in ("default", "kits"):
            worker = [*CLOCK, "manage.py", "db_worker", "--queue-name", queue, "--interval", "1", "--no-reload"]
            self.spawn(f"db_worker-{queue}", worker)
        wait_for_port(self.port, gunicorn)
        assert get(f"{self.url}/healthz").status == 200
        # The first download of each press kit queues its first build on the "kits" worker
        # ("being prepared"), which renders every sheet while the show goes on.
        for lang in ("vi", "en"):
            try:
                get(f"{self.url}/{lang}/press/kit.zip")
            except urllib.error.HTTPError as error:
                assert error.code == 503, error

    def stop(self):
        for process in reversed(self.processes):
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in self.logs:
            log.close()
        if self.smtp:
            self.smtp.stop()
        if getattr(self, "created_database", False):
            self.psql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


def get(url, timeout=60):
    """GET from the stage's own server (http://127.0.0.1:port only); the body is read at once."""
    assert url.startswith("http://127.0.0.1:"), url
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (checked above)
        response.body = response.read()
        return response


DEMO_WITHOUT_KIT = """
from django.core.management import call_command
from django.test import override_settings
with override_settings(PRESS_KIT_ON_DEMO=False):
    call_command("load_demo", verbosity=0)
"""

# Accounts and group membership are the only rows written directly: one login per role.
PASSWORD = "rehearsal-password-2024"
# Each account's authenticator app: the admin asks staff who approve for its code (common/second_factor.py).
TOTP_KEY = "3132333435363738393031323334353637383930"
ACCOUNTS = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice
User = get_user_model()
roles = {{
    "editor": ["Content editors"],
    "press": ["Press office"],
    "protocol": ["Protocol"],
    "protocol2": ["Protocol"],
}}
for name, groups in roles.items():
    user = User.objects.create_user(name, f"{{name}}@vide.example.vn", "{PASSWORD}", is_staff=True)
    user.groups.set(Group.objects.filter(name__in=groups))
    TOTPDevice.objects.create(user=user, name="rehearsal", key="{TOTP_KEY}", confirmed=True)
approver = User.objects.get(username="protocol2")
approver.user_permissions.add(Permission.objects.get(codename="approve_disclosure"))
"""


# Where the rehearsal's cross-checks look (read only): an accepted demo delegation with a room
# and a vehicle, its head, its liaison officer and the first day it moves.
LOCATE = """
import json
from delegations.models import Delegation, Movement
from delegations.models import RoomAssignment
stay = (RoomAssignment.objects.filter(member__delegation__status="accepted", member__role="head")
        .select_related("hotel", "member__delegation__liaison_officer").order_by("pk").first())
delegation = stay.member.delegation
moves = Movement.objects.filter(delegation=delegation, vehicle__isnull=False).select_related("vehicle").order_by("at")
move = moves.first() or Movement.objects.filter(delegation=delegation).order_by("at").first()
print(json.dumps({
    "delegation": delegation.pk, "hotel": stay.hotel.pk, "hotel_name": stay.hotel.name, "room": stay.room,
    "head_family": delegation.head.family_name, "head_given": delegation.head.given_name,
    "officer": delegation.liaison_officer_id,
    "day": move.at.astimezone(delegation.edition.tz).date().isoformat() if move else None,
    "vehicle": move.vehicle.registration if move and move.vehicle_id else None,
}))
"""
