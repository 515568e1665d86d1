"""Counted figures of the catalogue for `common.facts` (home page, expo fact sheet)."""

from django.utils.translation import gettext_lazy as _

from common.facts import register_count
from exhibitors.models import Exhibitor, Product, Stand


def _exhibitor_ids(edition):
    return Stand.objects.filter(edition=edition).values("exhibitor_id")


@register_count(key="exhibitors", order=10, label=_("exhibitors with a stand"))
def count_exhibitors(edition):
    return Stand.objects.filter(edition=edition).values("exhibitor_id").distinct()


@register_count(key="countries", order=20, label=_("exhibitors' countries"))
def count_countries(edition):
    return Exhibitor.objects.filter(pk__in=_exhibitor_ids(edition)).values("country").distinct()


@register_count(key="exhibits", order=30, label=_("exhibits in the catalogue"))
def count_exhibits(edition):
    return Product.objects.published().filter(exhibitor_id__in=_exhibitor_ids(edition))
