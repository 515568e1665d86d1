"""How the task queue is doing, for the health check and the admin dashboard.

Background work (e-mail, press kits, release mailings) waits in the database queue until a
worker (`manage.py db_worker`, the Procfile's `worker`) runs it. A stopped worker fails
silently: nothing errors, the work just waits. So the age of the oldest task that is ready to
run, and the tasks that failed lately, are reported where people look.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

# Failed tasks are reported for this long; older ones are history (prune_db_task_results).
FAILED_WINDOW = datetime.timedelta(hours=24)
# A task this long "running" is taken for a worker that died mid-task (a kit build takes minutes).
RUNNING_LIMIT = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class QueueHealth:
    ready: int
    oldest_ready_seconds: int | None
    failed: int
    # Queues whose oldest ready task waited too long while no worker took anything from them,
    # and how long the oldest of their tasks has waited.
    stuck: tuple[str, ...] = ()
    stuck_seconds: int = 0

    @property
    def waiting_too_long(self):
        return bool(self.stuck)

    @property
    def ok(self):
        return not self.stuck and not self.failed

    @property
    def stuck_minutes(self):
        return self.stuck_seconds // 60

    def as_dict(self):
        return {
            "ready": self.ready,
            "oldest_ready_seconds": self.oldest_ready_seconds,
            "stuck_queues": list(self.stuck),
            "failed_last_24h": self.failed,
        }


def queue_health():
    """One query, per queue: tasks ready to run now, how long the oldest has been ready, when a
    worker last took a task from it; and the failures of the last day.

    A queue is stuck when its oldest ready task has waited longer than
    EXPO_TASK_WAIT_WARNING_MINUTES and no worker has taken a task from it meanwhile, nor is
    running one (the press kits' worker busy with a long build is not stuck).
    """
    now = timezone.now()
    limit = datetime.timedelta(minutes=settings.EXPO_TASK_WAIT_WARNING_MINUTES)
    never = get_date_max()  # django-tasks-db's run_after for "as soon as possible"
    ready = Q(status=TaskResultStatus.READY) & (Q(run_after=never) | Q(run_after__lte=now))
    rows = (
        DBTaskResult.objects.order_by()
        .values("queue_name")
        .annotate(
            ready=Count("pk", filter=ready),
            # Ready since it was queued, or since the time it was deferred to.
            oldest_queued=Min("enqueued_at", filter=ready & Q(run_after=never)),
            oldest_due=Min("run_after", filter=ready & ~Q(run_after=never)),
            last_started=Max("started_at"),
            running_since=Max("started_at", filter=Q(status=TaskResultStatus.RUNNING)),
            failed=Count("pk", filter=Q(status=TaskResultStatus.FAILED, finished_at__gte=now - FAILED_WINDOW)),
        )
    )
    total_ready = failed = 0
    oldest = None
    stuck, stuck_since = [], now
    for row in rows:
        total_ready += row["ready"]
        failed += row["failed"]
        since = min((t for t in (row["oldest_queued"], row["oldest_due"]) if t is not None), default=None)
        if since is None:
            continue
        oldest = since if oldest is None else min(oldest, since)
        worked = (row["last_started"] and now - row["last_started"] <= limit) or (
            row["running_since"] and now - row["running_since"] <= RUNNING_LIMIT
        )
        if now - since > limit and not worked:
            stuck.append(row["queue_name"])
            stuck_since = min(stuck_since, since)
    return QueueHealth(
        ready=total_ready,
        oldest_ready_seconds=max(0, int((now - oldest).total_seconds())) if oldest else None,
        failed=failed,
        stuck=tuple(sorted(stuck)),
        stuck_seconds=int((now - stuck_since).total_seconds()),
    )
