import datetime

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from bench.anchor.models import Row

BODY = ("<p>" + "x" * 96 + "</p>\n") * 295  # ~30 KB


def constant(request):
    return HttpResponse(BODY)


def rows(request):
    page = Paginator(Row.objects.order_by("name", "id"), 24).get_page(request.GET.get("page"))
    return render(request, "anchor/rows.html", {"page": page})


def fill(count=3000):
    """3,000 rows (idempotent)."""
    if Row.objects.count() == count:
        return
    Row.objects.all().delete()
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    Row.objects.bulk_create(
        Row(name=f"Row {n:05d}", number=n, created=start + datetime.timedelta(minutes=n)) for n in range(count)
    )
