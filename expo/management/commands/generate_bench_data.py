import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from common import bench_registry, demo_registry
from common.cache import bump_on_commit
from common.progress import Progress
from expo.demo import load_edition
from expo.models import Edition


class Command(BaseCommand):
    help = (
        "Fill the database with design-scale rows for `make bench` (seeded, repeatable). Use a separate "
        "database: it adds thousands of invented exhibitors, exhibits, programme items and delegations."
    )

    def add_arguments(self, parser):
        parser.add_argument("--exhibitors", type=int, default=2500)
        parser.add_argument("--exhibits", type=int, default=15000)
        parser.add_argument("--delegations", type=int, default=500)
        parser.add_argument("--members", type=int, default=5000)
        parser.add_argument("--programme", type=int, default=300)
        parser.add_argument("--images", type=int, default=300, help="Exhibits that get a drawn image.")
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, **options):
        counts = {
            key: options[key] for key in ("exhibitors", "exhibits", "delegations", "members", "programme", "images")
        }
        if any(value < 0 for value in counts.values()):
            raise CommandError("Counts cannot be negative.")
        rng = random.Random(options["seed"])  # noqa: S311 (repeatable test data, not secrets)
        steps = bench_registry.generators()
        progress = Progress(self.stdout, steps=1 + len(steps))
        progress.step("Demo edition as the base (sectors, categories, venues)")
        # The demo's press kits are not bench data (make bench times the kit on its own, over every
        # generated exhibitor): building them here would render thousands of sheets first.
        with transaction.atomic(), override_settings(PRESS_KIT_ON_DEMO=False):
            edition, summary = load_edition()
            for _label, loader in demo_registry.loaders():
                loader(edition=edition, progress=progress)
        progress.done(summary)
        edition = Edition.objects.get(pk=edition.pk)
        for label, generator in steps:
            progress.step(label)
            with transaction.atomic():
                progress.done(generator(edition=edition, counts=counts, rng=rng, progress=progress))
                # bulk_create() sends no post_save: make the public pages fresh after the commit.
                bump_on_commit()
        self.stdout.write(
            self.style.SUCCESS(f"Bench data generated in {progress.elapsed:.0f} s (seed {options['seed']}).")
        )
