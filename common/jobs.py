"""Long work organisers start from the admin, run on the task queue, its progress on a page.

An app declares each kind of job in its own `jobs.py` (found by name, as the demo loaders are):

    @jobs.register("delegations.badges", permission="delegations.view_delegation")
    def print_badges(job, progress):        # progress: common.progress.JobProgress
        ...
        return jobs.Output(summary="5,000 cards", content=pdf_bytes, filename="badges-vi.pdf")

and its admin starts one with `jobs.start(kind, user=…, title=…, arguments={…})`, then sends the
organiser to the job's page (common/jobs_admin.py): what it is doing, how far along, then its file.
A job runs in the language it was started in. Its file may hold personal data (a badge print):
it is kept in the private files, served only to users holding the kind's permission.
"""

import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils import timezone, translation
from django.utils.module_loading import autodiscover_modules
from django_tasks import task

from common.models import BatchJob
from common.progress import JobProgress

logger = logging.getLogger(__name__)

# Minutes of PDF rendering or placing: the queue of long work, with a worker of its own (Procfile
# "kits"), so e-mail on "default" never waits behind a badge print.
QUEUE = "kits"
FOLDER = "jobs"


class JobFailed(Exception):
    """A job failed; its own error, which may quote personal data, is left out."""


@dataclass(frozen=True)
class Kind:
    name: str
    permission: str
    func: object


@dataclass(frozen=True)
class Output:
    summary: str
    content: bytes | None = None
    filename: str = ""


_kinds = {}


def register(name, *, permission):
    """Decorator: `func(job, progress) -> Output` runs the jobs of kind `name`; `permission`: the
    permissions (comma-separated) a user needs to see these jobs and their files."""

    def decorator(func):
        _kinds[name] = Kind(name, permission, func)
        return func

    return decorator


def kinds():
    autodiscover_modules("jobs")
    return dict(_kinds)


def storage():
    # Made on each use: the tests give every test a private folder of its own.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)


def start(name, *, user, title, arguments=None):
    """Record a job and queue it; returns the BatchJob (already finished with an inline queue)."""
    kind = kinds()[name]
    job = BatchJob.objects.create(
        kind=name,
        title=str(title)[:200],
        arguments=arguments or {},
        language=translation.get_language() or settings.LANGUAGE_CODE,
        permission=kind.permission,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    run_job.using(queue_name=QUEUE).enqueue(job.pk)
    job.refresh_from_db()
    return job


def run(job):
    """Run `job` here (the task below, or a command): status, progress, summary and file on its row."""
    kind = kinds()[job.kind]
    job.started_at = timezone.now()
    job.status = BatchJob.Status.RUNNING
    job.save(update_fields=["status", "started_at"])
    try:
        with translation.override(job.language):
            output = kind.func(job, JobProgress(job))
    except Exception as exc:
        # The message may quote a row's values (personal data): only the job and the error's kind.
        logger.error("Batch job %s (%s) failed: %s", job.pk, job.kind, type(exc).__name__)  # noqa: TRY400
        job.status, job.finished_at = BatchJob.Status.FAILED, timezone.now()
        job.save(update_fields=["status", "finished_at"])
        # Raised again without its message nor its cause: the task queue logs and keeps tracebacks.
        raise JobFailed(f"Batch job {job.pk} ({job.kind}) failed: {type(exc).__name__}") from None
    if output.content is not None:
        name = f"{FOLDER}/{job.pk}-{secrets.token_hex(8)}/{output.filename}"
        job.file = storage().save(name, ContentFile(output.content))
        job.filename = output.filename
    job.summary = str(output.summary)
    job.status, job.finished_at = BatchJob.Status.DONE, timezone.now()
    job.save(update_fields=["file", "filename", "summary", "status", "finished_at", "done", "total", "step"])
    return job


@task()
def run_job(job_pk):
    job = BatchJob.objects.filter(pk=job_pk, status=BatchJob.Status.WAITING).first()
    if job is None:
        return None  # run already (a worker that died and was restarted took it again)
    return run(job).summary
