"""How the task queue is doing, for the health check and the admin dashboard.

Background work (e-mail, press kits, release mailings) waits in the database queue until a
worker (`manage.py db_worker`, the Procfile's `worker`) runs it. A stopped worker fails
silently: nothing errors, the work just waits. So the age of the oldest task that is ready to
run, and the tasks that failed lately, are reported where people look.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Min, Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

# Failed tasks are reported for this long; older ones are history (prune_db_task_results).
FAILED_WINDOW = datetime.timedelta(hours=24)


@dataclass(frozen=True)
class QueueHealth:
    ready: int
    oldest_ready_seconds: int | None
    failed: int

    @property
    def waiting_too_long(self):
        limit = settings.EXPO_TASK_WAIT_WARNING_MINUTES * 60
        return self.oldest_ready_seconds is not None and self.oldest_ready_seconds > limit

    @property
    def ok(self):
        return not self.waiting_too_long and not self.failed

    @property
    def oldest_ready_minutes(self):
        return (self.oldest_ready_seconds or 0) // 60

    def as_dict(self):
        return {
            "ready": self.ready,
            "oldest_ready_seconds": self.oldest_ready_seconds,
            "failed_last_24h": self.failed,
        }


def queue_health():
    """One query: tasks ready to run now, how long the oldest has been ready, recent failures."""
    now = timezone.now()
    never = get_date_max()  # django-tasks-db's run_after for "as soon as possible"
    ready = Q(status=TaskResultStatus.READY) & (Q(run_after=never) | Q(run_after__lte=now))
    row = DBTaskResult.objects.aggregate(
        ready=Count("pk", filter=ready),
        # Ready since it was queued, or since the time it was deferred to.
        oldest_queued=Min("enqueued_at", filter=ready & Q(run_after=never)),
        oldest_due=Min("run_after", filter=ready & ~Q(run_after=never)),
        failed=Count("pk", filter=Q(status=TaskResultStatus.FAILED, finished_at__gte=now - FAILED_WINDOW)),
    )
    since = min((t for t in (row["oldest_queued"], row["oldest_due"]) if t is not None), default=None)
    oldest = max(0, int((now - since).total_seconds())) if since else None
    return QueueHealth(ready=row["ready"], oldest_ready_seconds=oldest, failed=row["failed"])
