"""Anonymise visitor registrations kept past their edition's retention period (tickets.retention).

Run it daily (cron, or the deployment's scheduler): the registration form promises visitors that
their data are erased on the date the edition's admission settings name.
"""

from django.core.management.base import BaseCommand

from tickets import retention


class Command(BaseCommand):
    help = "Anonymise the visitor registrations of editions past their retention period."

    def handle(self, *args, **options):
        purged = retention.purge_expired()
        self.stdout.write(self.style.SUCCESS(f"{purged} registrations anonymised."))
