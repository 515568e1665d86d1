"""Press centre work on the task queue (django-tasks; see docs/deploy.md for the worker)."""

import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def mail_release(release_pk):
    """Mail a release to accredited journalists; run when its embargo lifts (a re-embargo makes it a no-op)."""
    from press import mail
    from press.models import PressRelease

    release = PressRelease.objects.filter(pk=release_pk).first()
    made = mail.send_release(release) if release else 0
    logger.info("Release %s: %s messages queued", release_pk, made)
    return made


# Minutes of PDF rendering: a queue of its own, so e-mail never waits behind a kit (Procfile "kits").
# Chosen when queued (`queue_kit_task`), not in the decorator, which checks the queue against the
# backend configured when this module is imported.
KIT_QUEUE = "kits"


def queue_kit_task(kit_task, *args, after=None):
    """Queue a kit build on the kits queue; `after` (a timedelta) delays it where the queue can wait."""
    if after is not None and kit_task.get_backend().supports_defer:
        return kit_task.using(queue_name=KIT_QUEUE, run_after=timezone.now() + after).enqueue(*args)
    return kit_task.using(queue_name=KIT_QUEUE).enqueue(*args)


@task()
def rebuild_press_kit(language):
    from press import kit

    return kit.rebuild(language)


@task()
def build_press_kits(languages):
    """Every language's kit in one go, sheets rendered in one pool: queued by `load_demo`."""
    from press import kit

    summary = kit.build_all(languages, progress=logger.info)
    logger.info("Press kits built: %s", summary)
    return summary
