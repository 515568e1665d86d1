"""Mail releases whose embargo lifted lately to accredited journalists who have not had them.

A worker does this by itself at each embargo (the task is queued for that moment); this
command is for a queue that cannot wait (the inline demo queue) or to catch up after an outage.
"""

from django.core.management.base import BaseCommand

from press import mail


class Command(BaseCommand):
    help = "E-mail releases published in the last HOURS to accredited journalists who have not received them."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24, help="How far back to look (default 24).")

    def handle(self, *args, hours, **options):
        total = 0
        releases = list(mail.recently_lifted(hours))
        for release in releases:
            made = mail.send_release(release)
            total += made
            self.stdout.write(f"{release.slug}: {made} new messages")
        self.stdout.write(self.style.SUCCESS(f"{len(releases)} releases checked, {total} messages queued."))
