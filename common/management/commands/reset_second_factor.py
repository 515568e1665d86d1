"""Remove an account's TOTP devices (a lost phone): at its next admin sign-in it enrols again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from common import second_factor


class Command(BaseCommand):
    help = "Remove the second-factor (TOTP) devices of an account, e.g. after a lost phone."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        removed = second_factor.remove_devices(user)
        self.stdout.write(f"{username}: {removed} device(s) removed; the next sign-in enrols a new one.")
