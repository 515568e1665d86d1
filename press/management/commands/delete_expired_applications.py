"""Delete media accreditation applications kept past the period their consent statement names.

Run it daily (cron, or the scheduler of the deployment): the form promises applicants that
their data and photo are deleted six months after the expo ends (press.models.accreditation.RETENTION).
"""

from django.core.management.base import BaseCommand

from press import services


class Command(BaseCommand):
    help = "Delete accreditation applications (and badge photos) of editions that ended over six months ago."

    def handle(self, *args, **options):
        deleted = services.delete_expired_applications()
        self.stdout.write(self.style.SUCCESS(f"{deleted} expired applications deleted."))
