"""The organisers' page of batch jobs (common/jobs.py): what each is doing, how far along, its file.

Read-only: a job is started from the page it belongs to (a badge print from the delegations, the
run sheets from the liaison officers, the scheduler from the meeting requests). Each user sees the
jobs whose kind's permission they hold, and only they may download the file. A running job's page
reloads itself every few seconds (a refresh header, no script: CSP).
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from common import jobs
from common.models import BatchJob
from common.responses import private

RELOAD_SECONDS = 3


def permitted(queryset, user):
    """The jobs `user` may see: those whose kind's permission they hold."""
    if user.is_superuser:
        return queryset
    kinds = queryset.order_by().values_list("permission", flat=True).distinct()
    return queryset.filter(permission__in=[codes for codes in kinds if may_download(user, codes)])


def may_download(user, permission):
    """`permission`: a job's permissions, comma-separated; the user must hold every one."""
    return user.has_perms(permission.split(","))


@admin.register(BatchJob)
class BatchJobAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "progress", "created_by", "created_at", "duration", "download")
    list_filter = ("status", "kind")
    list_select_related = ("created_by",)
    fields = ("title", "status", "progress", "step", "summary", "created_by", "created_at", "duration", "download")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        # Anyone who may start a job may follow it: the rows are filtered by each kind's permission.
        if obj is not None:
            return permitted(BatchJob.objects.filter(pk=obj.pk), request.user).exists()
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def get_queryset(self, request):
        return permitted(super().get_queryset(request), request.user)

    def get_urls(self):
        view = self.admin_site.admin_view(self.file_view)
        return [path("<int:pk>/file/", view, name="common_batchjob_file"), *super().get_urls()]

    @admin.display(description=_("progress"))
    def progress(self, obj):
        if obj.status in (BatchJob.Status.WAITING, BatchJob.Status.FAILED):
            return obj.get_status_display()
        counted = f" {obj.done:,}/{obj.total:,}" if obj.total else ""
        return format_html(
            '<progress max="100" value="{}">{}%</progress> {}%{}', obj.percent, obj.percent, obj.percent, counted
        )

    @admin.display(description=_("time"))
    def duration(self, obj):
        seconds = obj.seconds
        return "—" if seconds is None else _("%(seconds).1f s") % {"seconds": seconds}

    @admin.display(description=_("file"))
    def download(self, obj):
        if not obj.file:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:common_batchjob_file", args=[obj.pk]), obj.filename)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        job = BatchJob.objects.filter(pk=object_id).only("status").first()
        if job is not None and job.status in (BatchJob.Status.WAITING, BatchJob.Status.RUNNING):
            response["Refresh"] = str(RELOAD_SECONDS)
        return response

    def file_view(self, request, pk):
        job = get_object_or_404(BatchJob, pk=pk)
        if not may_download(request.user, job.permission):
            raise PermissionDenied
        if not job.file:
            raise Http404(_("This job has no file (yet)."))
        try:
            handle = jobs.storage().open(job.file, "rb")
        except FileNotFoundError as exc:
            raise Http404(_("This job's file is no longer kept.")) from exc
        content_type = "application/pdf" if job.filename.endswith(".pdf") else "application/octet-stream"
        response = FileResponse(handle, content_type=content_type, filename=job.filename)
        response["Content-Disposition"] = f'inline; filename="{job.filename}"'
        return private(response)
