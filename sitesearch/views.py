"""`/<lang>/search/?q=`: one search over exhibitors, exhibits, programme and press releases."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from exhibitors.suggestions import for_search
from press.views import expire_with_next_release
from sitesearch.selectors import sections


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the site"), max_length=200, required=False, strip=True)


@require_safe
def site_search(request):
    edition = request.edition or None
    form = SiteSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    found = sections(query, edition=edition) if query.strip() else []
    context = {
        "form": form,
        "query": query,
        "sections": found,
        "total": sum(section.total for section in found),
    }
    if found:
        context.update(for_search(query, edition=edition, found_nothing=not context["total"]))
    response = render(request, "sitesearch/results.html", context, status=200 if form.is_valid() else 400)
    # A release whose embargo lifts later must appear then, not when the cached page expires.
    return expire_with_next_release(response)
