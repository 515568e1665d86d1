"""The accredited journalists' area (/<lang>/press/media/): sign-in by e-mailed link, embargoed
releases and photos before the time, press conferences, the photo library with bulk download, video.

Every view but the sign-in pages is wrapped in `media_area`: a visitor without a journalist's
session is sent to the sign-in page, and every answer is private (never cached on the way).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common import clock, ratelimit
from common.responses import private
from press import factsheets, kit_contents, media_auth, media_services
from press.media_auth import media_area
from press.models import MediaVideo, PressConference, PressRelease
from press.ranges import ranged_response


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("The e-mail address you applied with"), max_length=254, widget=forms.EmailInput()
    )


def media_releases(edition, now=None):
    """Releases a journalist reads here: the published ones, and the embargoed ones given early."""
    now = now or clock.now()
    early = PressRelease.objects.early_for_media(now).filter(edition=edition)
    published = PressRelease.objects.published(now).filter(edition=edition)
    return early, published


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request):
    if media_auth.journalist(request) is not None:
        return private(redirect("press:media_home"))
    form = SignInForm(request.POST or None)
    status, sent, refused = 200, False, ""
    if request.method == "POST":
        if form.is_valid():
            try:
                media_auth.send_sign_in_link(
                    edition=request.edition,
                    email=form.cleaned_data["email"],
                    source=ratelimit.client_address(request),
                    base_url=factsheets.site_url(request),
                )
            except ratelimit.Exceeded as exceeded:
                refused, status = exceeded.limit.message, 429
            else:
                sent = True  # said alike whether the address is accredited or not
        else:
            status = 400
    context = {"form": form, "sent": sent, "refused": refused, "edition": request.edition}
    return private(render(request, "press/media_area/sign_in.html", context, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def redeem(request, key):
    """GET shows a button; only its POST uses the link (mail scanners that open links use nothing)."""
    if media_auth.find_link(key) is None:
        return private(render(request, "press/media_area/link_invalid.html", status=404))
    if request.method == "POST":
        if media_auth.redeem(request, key) is None:
            return private(render(request, "press/media_area/link_invalid.html", status=404))
        return private(redirect("press:media_home"))
    return private(render(request, "press/media_area/redeem.html"))


@require_POST
def sign_out(request):
    media_auth.sign_out(request)
    return private(redirect("press:media_sign_in"))


@require_safe
@media_area
def home(request):
    edition = request.journalist.edition
    early, published = media_releases(edition)
    conferences = list(PressConference.objects.open_to_media(edition))
    mine = set(request.journalist.conference_registrations.values_list("conference_id", flat=True))
    context = {
        "journalist": request.journalist,
        "edition": edition,
        "early": [
            (release, kit_contents.embargo_text(release, edition)) for release in early.prefetch_related("photos")
        ],
        "published": published.only("slug", "title_vi", "title_en", "publish_at", "body_vi", "body_en")[:10],
        "conferences": [(conference, conference.pk in mine) for conference in conferences],
        "now": clock.now(),
    }
    return render(request, "press/media_area/home.html", context)


def _media_release(request, slug):
    early, published = media_releases(request.journalist.edition)
    release = (early | published).filter(slug=slug).prefetch_related("photos").first()
    if release is None:
        raise Http404
    return release


@require_safe
@media_area
def release(request, slug):
    release = _media_release(request, slug)
    context = {
        "release": release,
        "version": release.version(translation.get_language()),
        "embargoed": not release.is_published,
        "embargo": kit_contents.embargo_text(release, release.edition),
        "edition": release.edition,
    }
    return render(request, "press/media_area/release.html", context)


@require_safe
@media_area
def release_pdf(request, slug):
    release = _media_release(request, slug)
    embargoed = not release.is_published
    entry = kit_contents.release_entry(
        release, release.edition, translation.get_language(), base_url=factsheets.site_url(request), embargoed=embargoed
    )
    name = kit_contents.stored_release_pdf(entry)
    response = FileResponse(
        default_storage.open(name),
        filename=entry["path"].removeprefix("releases/"),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@media_area
def conference_register(request, pk):
    conference = get_object_or_404(PressConference.objects.open_to_media(request.journalist.edition), pk=pk)
    try:
        media_services.register_for_conference(
            conference=conference, accreditation=request.journalist, base_url=factsheets.site_url(request)
        )
    except ValidationError as error:
        context = {"message": error.messages[0], "edition": request.journalist.edition}
        return render(request, "press/media_area/refused.html", context, status=409)
    return redirect("press:media_home")


@require_POST
@media_area
def conference_give_back(request, pk):
    conference = get_object_or_404(PressConference.objects.open_to_media(request.journalist.edition), pk=pk)
    media_services.give_back_seat(conference=conference, accreditation=request.journalist)
    return redirect("press:media_home")


@require_safe
@media_area
def videos(request):
    context = {"videos": MediaVideo.objects.for_media(request.journalist.edition), "now": clock.now()}
    return render(request, "press/media_area/videos.html", context)


@require_safe
@media_area
def video_file(request, pk):
    video = get_object_or_404(MediaVideo.objects.for_media(request.journalist.edition), pk=pk)
    return ranged_response(request, video.file, content_type=_video_type(video.file.name))


def _video_type(name):
    return "video/webm" if name.lower().endswith(".webm") else "video/mp4"
