"""Print the demo exhibitors' portal sign-ins (e-mail and the demo password). Only in the demo
(EXPO_DEMO=1, as `make run` sets it): a production site never prints a password."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo import DEMO_CONTACTS, sign_ins
from portal.models import Contact


class Command(BaseCommand):
    help = "Print the demo exhibitors' portal sign-ins (only in the demo: EXPO_DEMO=1)."

    def handle(self, *args, **options):
        if not settings.EXPO_DEMO:
            raise CommandError("The demo sign-ins are printed only in the demo (EXPO_DEMO=1, as `make run` sets it).")
        emails = [email for _, _, email, _ in DEMO_CONTACTS]
        contacts = Contact.objects.with_access().filter(email__in=emails).select_related("exhibitor")
        if not contacts:
            raise CommandError("No demo contact is loaded: run `manage.py load_demo` first.")
        for line in sign_ins(sorted(contacts, key=lambda row: emails.index(row.email))):
            self.stdout.write(line)
