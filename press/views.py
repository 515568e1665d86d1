"""Public press centre: releases, fact sheets, press kit and media accreditation."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common import clock, ratelimit
from common.dates import local_text
from common.responses import private
from exhibitors import selectors
from exhibitors.models import Exhibitor
from press import factsheets, kit, photos, services
from press.forms import AccreditationForm, ReleaseSearchForm
from press.models import FactSheetUpload, PressContact, PressRelease
from press.models.accreditation import kept_until

EXHIBITORS_PER_PAGE = 24
# What a list of releases reads: each row's version needs its bodies too (PressRelease.has_version).
RELEASE_LIST_FIELDS = ("slug", "title_vi", "title_en", "summary_vi", "summary_en", "body_vi", "body_en", "publish_at")


def expire_with_next_release(response):
    """A page listing releases may be cached only until the next embargo lifts."""
    upcoming = PressRelease.objects.next_release_time()
    if upcoming is not None:
        seconds = max(1, int((upcoming - clock.now()).total_seconds()))
        patch_cache_control(response, max_age=seconds)
    return response


@require_safe
def index(request):
    edition = request.edition
    search = ReleaseSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    releases = PressRelease.objects.published()
    exhibitors = Exhibitor.objects.only("slug", "name", "country")
    if query:
        releases = releases.search(query)
        exhibitors = exhibitors.search(query)
    page = Paginator(exhibitors.order_by("name", "pk"), EXHIBITORS_PER_PAGE).get_page(request.GET.get("page"))
    kit_meta = kit.current_kit(translation.get_language())
    context = {
        "search": search,
        "query": query,
        "releases": [
            (release, release.version(translation.get_language()))
            for release in releases.only(*RELEASE_LIST_FIELDS)[:10]
        ],
        "page": page,
        "contacts": PressContact.objects.filter(edition=edition) if edition else [],
        "documents": FactSheetUpload.objects.filter(edition=edition, replaces_generated=False) if edition else [],
        # Until the first kit is built (the demo's, by the task worker), the link says so.
        "kit_ready": kit_meta is not None,
        # The link says how big the zip is and when it was built (a newsroom on a slow line decides by it).
        "kit_size": kit.size(kit_meta) if kit_meta else None,
        "kit_built_at": local_text(kit.built_at(kit_meta), edition.tz) if kit_meta and edition else "",
    }
    return expire_with_next_release(render(request, "press/index.html", context))


@require_safe
def photo_library(request):
    """Release photos and exhibit images with captions, credits and full-size downloads; ?sector= filters."""
    all_sectors = photos.sectors()
    chosen = next((s for s in all_sectors if s.slug == request.GET.get("sector")), None)
    page = photos.exhibit_images(sector=chosen, page=request.GET.get("page"))
    for image in page.object_list:
        image.credit = photos.exhibit_credit(image)
    context = {
        "edition": request.edition,
        "sectors": all_sectors,
        "sector": chosen,
        "unknown_sector": bool(request.GET.get("sector")) and chosen is None,
        # Release photos belong to no sector: shown only on the unfiltered library.
        "release_photos": [] if chosen else photos.release_photos(),
        "page": page,
    }
    return expire_with_next_release(render(request, "press/photo_library.html", context))


@require_safe
def release_detail(request, slug):
    release = get_object_or_404(
        PressRelease.objects.published().prefetch_related("photos", "attachments").select_related("edition"),
        slug=slug,
    )
    version = release.version(translation.get_language())
    context = {"object": release, "release": release, "version": version, "edition": release.edition}
    return render(request, "press/release_detail.html", context)


def _pdf_response(name, filename, *, storage=default_storage):
    # Inline: the browser shows the sheet; each page links a "Download" (`download` attribute) beside it.
    response = FileResponse(storage.open(name), as_attachment=False, filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _serve_sheet(sheet, replacement):
    if replacement is not None:
        return _pdf_response(replacement.file.name, sheet.filename)
    return _pdf_response(factsheets.stored_sheet(sheet), sheet.filename)


def _replacement(language, **subject):
    return FactSheetUpload.objects.filter(language=language, replaces_generated=True, **subject).first()


@require_safe
def expo_factsheet(request):
    edition = request.edition
    if not edition:
        raise Http404
    language = translation.get_language()
    sheet = factsheets.expo_sheet(edition, language, base_url=factsheets.site_url(request))
    return _serve_sheet(sheet, _replacement(language, edition=edition))


@require_safe
def exhibitor_factsheet(request, slug):
    exhibitor = get_object_or_404(selectors.exhibitors_with_sectors(), slug=slug)
    language = translation.get_language()
    sheet = factsheets.exhibitor_sheet(
        exhibitor, language, edition=request.edition, base_url=factsheets.site_url(request)
    )
    return _serve_sheet(sheet, _replacement(language, exhibitor=exhibitor))


@require_safe
def exhibit_factsheet(request, slug):
    product = get_object_or_404(factsheets.exhibit_queryset(), slug=slug)
    language = translation.get_language()
    sheet = factsheets.exhibit_sheet(product, language, edition=request.edition, base_url=factsheets.site_url(request))
    return _serve_sheet(sheet, _replacement(language, product=product))


@require_safe
def press_kit(request):
    language = translation.get_language()
    kit.refresh_if_stale(language)
    meta = kit.current_kit(language)
    if meta is None or kit.holds_withdrawn_release(meta):
        response = render(request, "press/kit_pending.html", status=503)
        response["Retry-After"] = "120"
        return response
    response = FileResponse(
        default_storage.open(meta["name"]),
        as_attachment=True,
        filename=kit.download_name(language, request.edition),
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _closed(request, edition):
    status = 403 if request.method == "POST" else 200
    context = {"closed": True, "closes": edition.accreditation_closes(), "edition": edition}
    return private(render(request, "press/accreditation_form.html", context, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def accreditation(request):
    edition = request.edition
    if not edition:
        raise Http404
    if not services.accepting_applications(edition):
        return _closed(request, edition)
    form = AccreditationForm(request.POST or None, request.FILES or None)
    status = 200
    refused = ""
    if request.method == "POST":
        source = ratelimit.client_address(request)
        if form.is_bot():
            # Tell a bot nothing useful; a person never fills the hidden field. Its tries count.
            services.charge_source(source)
            form.add_error(None, _("Your application could not be accepted. Please try again."))
        elif form.is_valid():
            fields = {name: form.cleaned_data[name] for name in AccreditationForm.Meta.fields}
            try:
                application = services.apply_for_accreditation(
                    edition=edition,
                    fields=fields,
                    photo=form.cleaned_data["photo"],
                    language=translation.get_language(),
                    source=source,
                    base_url=factsheets.site_url(request),
                )
            except ratelimit.Exceeded as exceeded:
                # Limited: nothing saved, nothing counted; the form comes back with what was typed.
                refused, status = exceeded.limit.message, 429
            except ValidationError as error:
                if error.code == "closed":
                    return _closed(request, edition)
                form.add_error(None, error)
                status = 400
            else:
                return redirect("press:accreditation_status", token=services.status_token(application))
    context = {
        "form": form,
        "refused": refused,
        "edition": edition,
        "closes": edition.accreditation_closes(),
        "kept_until": kept_until(edition),
        "contacts": PressContact.objects.filter(edition=edition),
    }
    return private(render(request, "press/accreditation_form.html", context, status=status))


@require_safe
def accreditation_status(request, token):
    application = services.accreditation_for_token(token)
    if application is None:
        # Altered, cut short, or an old-style link (a signed row id): say so, in the page's language.
        edition = request.edition
        contacts = PressContact.objects.filter(edition=edition) if edition else []
        response = render(request, "press/accreditation_link_invalid.html", {"contacts": contacts}, status=404)
        return private(response)
    context = {"application": application, "edition": application.edition}
    return private(render(request, "press/accreditation_status.html", context))
