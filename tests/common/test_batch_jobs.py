"""The batch jobs' page (common/jobs.py, common/jobs_admin.py): progress while a job runs, its file
only for those holding its kind's permission, a failure said as such, a constant number of queries."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from common import jobs
from common.models import BatchJob
from common.progress import JobProgress
from tests.accounts import admin_login
from tests.factories import staff


@pytest.fixture
def kinds(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    seen = {}

    @jobs.register("tests.count", permission="delegations.view_delegation")
    def count(job, progress):
        for _n in progress.iterate(range(job.arguments["to"]), total=job.arguments["to"], label="Counting"):
            pass
        seen["rows"] = BatchJob.objects.filter(pk=job.pk).values_list("done", "total", "step").get()
        return jobs.Output(summary=f"{job.arguments['to']} counted.", content=b"%PDF-1.7 counted", filename="c.pdf")

    @jobs.register("tests.fail", permission="delegations.view_delegation")
    def fail(job, progress):
        raise RuntimeError("passport B1234567 unreadable")

    yield seen
    jobs._kinds.pop("tests.count")
    jobs._kinds.pop("tests.fail")


@pytest.mark.django_db
def test_a_job_reports_its_progress_then_its_summary_and_file(protocol_client, protocol_user, kinds):
    job = jobs.start("tests.count", user=protocol_user, title="Counting to 5", arguments={"to": 5})
    assert kinds["rows"] == (5, 5, "Counting")  # written to the row while it ran
    job.refresh_from_db()
    assert (job.status, job.summary, job.percent, job.created_by) == ("done", "5 counted.", 100, protocol_user)
    page = protocol_client.get(reverse("admin:common_batchjob_change", args=[job.pk]))
    text = page.content.decode()
    assert "Counting to 5" in text and "5 counted." in text and 'value="100"' in text and "c.pdf" in text
    download = protocol_client.get(reverse("admin:common_batchjob_file", args=[job.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 counted"
    assert "private" in download["Cache-Control"]


@pytest.mark.django_db
def test_a_running_job_reloads_its_page_and_a_waiting_one_shows_its_status(protocol_client):
    job = BatchJob.objects.create(
        kind="tests.count", title="Badges", permission="delegations.view_delegation", status="running", done=3, total=12
    )
    JobProgress(job).step("Drawing")
    page = protocol_client.get(reverse("admin:common_batchjob_change", args=[job.pk]))
    assert page["Refresh"] == "3"
    assert "Drawing" in page.content.decode()
    changelist = protocol_client.get(reverse("admin:common_batchjob_changelist")).content.decode()
    assert 'value="0"' in changelist  # a new step starts its count again
    BatchJob.objects.filter(pk=job.pk).update(status="done")
    assert "Refresh" not in protocol_client.get(reverse("admin:common_batchjob_change", args=[job.pk]))


@pytest.mark.django_db
def test_a_failed_job_is_marked_failed_and_its_error_not_shown(protocol_client, protocol_user, kinds, caplog):
    jobs.start("tests.fail", user=protocol_user, title="Failing", arguments={})  # the queue records the failure
    job = BatchJob.objects.get()
    assert job.status == "failed" and job.finished_at is not None
    page = protocol_client.get(reverse("admin:common_batchjob_change", args=[job.pk])).content.decode()
    assert "thất bại" in page and "B1234567" not in page
    assert "B1234567" not in caplog.text  # the message may quote a row: only the job is named in the log


@pytest.mark.django_db
def test_without_the_kinds_permission_a_job_and_its_file_stay_hidden(protocol_user, kinds):
    job = jobs.start("tests.count", user=protocol_user, title="Counting to 2", arguments={"to": 2})
    _user, client = staff("Press office")
    assert "Counting to 2" not in client.get(reverse("admin:common_batchjob_changelist")).content.decode()
    assert client.get(reverse("admin:common_batchjob_file", args=[job.pk])).status_code == 403
    assert client.get(reverse("admin:common_batchjob_change", args=[job.pk])).status_code in (302, 403)
    visitor = Client()
    assert visitor.get(reverse("admin:common_batchjob_file", args=[job.pk])).status_code == 302  # to the sign-in
    superuser = User.objects.create_superuser("root", "root@example.invalid", "x")
    admin_login(visitor, superuser)
    response = visitor.get(reverse("admin:common_batchjob_file", args=[job.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.7 counted"
    response.close()


@pytest.mark.django_db
def test_the_jobs_list_takes_the_same_queries_for_one_job_or_many(protocol_client, django_assert_num_queries):
    def make(count):
        for n in range(count):
            BatchJob.objects.create(kind="tests.count", title=f"Job {n}", permission="delegations.view_delegation")

    url = reverse("admin:common_batchjob_changelist")
    make(1)
    protocol_client.get(url)
    with django_assert_num_queries(10) as one:
        protocol_client.get(url)
    make(30)
    with django_assert_num_queries(len(one.captured_queries)):
        protocol_client.get(url)
