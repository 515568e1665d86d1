"""The media area's photo library: search (caption, credit, exhibit, day), a selection, and the
selection as one streamed zip whose files carry caption and credit in both languages.

A photo is named in a selection by its kind and id: `r12` a release photo, `e34` an exhibit image.
"""

import datetime
import mimetypes
import os

from django import forms
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from common import clock
from exhibitors.models import Product, ProductImage
from press import photo_files
from press.kit_contents import embargo_stem
from press.media_auth import media_area
from press.models import PressRelease, ReleasePhoto

MAX_SELECTION = 200
PER_PAGE = 48


class PhotoSearchForm(forms.Form):
    q = forms.CharField(label=_("Caption or credit"), required=False, max_length=100)
    exhibit = forms.CharField(label=_("Exhibit"), required=False, max_length=100)
    day = forms.DateField(label=_("Day"), required=False, input_formats=["%d/%m/%Y", "%Y-%m-%d"])


def release_photos(edition, *, q="", day=None, now=None):
    """Photos of the edition's releases a journalist may take: published, or embargoed but given early."""
    now = now or clock.now()
    releases = PressRelease.objects.filter(edition=edition).filter(Q(publish_at__lte=now) | Q(early_for_media=True))
    if day is not None:
        start = datetime.datetime.combine(day, datetime.time(), tzinfo=edition.tz)
        releases = releases.filter(publish_at__gte=start, publish_at__lt=start + datetime.timedelta(days=1))
    photos = ReleasePhoto.objects.filter(release__in=releases.values("pk")).select_related("release")
    for word in q.split():
        photos = photos.filter(
            Q(caption_vi__icontains=word)
            | Q(caption_en__icontains=word)
            | Q(credit_vi__icontains=word)
            | Q(credit_en__icontains=word)
        )
    return photos.order_by("-release__publish_at", "order", "pk")


def exhibit_images(*, q="", exhibit=""):
    products = Product.objects.published()
    if exhibit:
        products = products.search(exhibit)
    images = ProductImage.objects.filter(product__in=products.values("pk")).select_related("product__exhibitor")
    for word in q.split():
        images = images.filter(
            Q(caption_vi__icontains=word) | Q(caption_en__icontains=word) | Q(product__exhibitor__name__icontains=word)
        )
    return images.order_by("product__slug", "order", "pk")


def _release_text(photo):
    return photo_files.PhotoText(
        caption={"vi": photo.caption_vi or "", "en": photo.caption_en or ""},
        credit={"vi": photo.credit_vi or photo.credit or "", "en": photo.credit_en or photo.credit or ""},
        source=photo.release.edition.acronym if photo.release_id else "",
    )


def _exhibit_text(image):
    exhibitor = image.product.exhibitor.name
    return photo_files.PhotoText(
        caption={
            "vi": image.caption_vi or image.product.name_vi,
            "en": image.caption_en or image.product.name_en or "",
        },
        credit={"vi": f"Ảnh: {exhibitor}", "en": f"Courtesy of {exhibitor}"},
        source=exhibitor,
    )


def selected(edition, names):
    """The photos a selection names, each as (file name in the zip, storage name, PhotoText, modified)."""
    release_ids = [int(name[1:]) for name in names if name[:1] == "r" and name[1:].isdigit()]
    image_ids = [int(name[1:]) for name in names if name[:1] == "e" and name[1:].isdigit()]
    files = []
    for photo in release_photos(edition).filter(pk__in=release_ids).select_related("release__edition"):
        if photo.release.is_published:
            stem = f"{timezone.localtime(photo.release.publish_at, edition.tz):%Y-%m-%d}-{photo.release.slug}"
        else:
            stem = embargo_stem(photo.release, edition)  # the embargo in the file's name
        files.append((f"{stem}-{photo.pk}", photo.image.name, _release_text(photo)))
    for image in exhibit_images().filter(pk__in=image_ids).select_related("product"):
        files.append((f"{slugify(image.product.slug)}-{image.pk}", image.image.name, _exhibit_text(image)))
    return files


def zip_entries(edition, files):
    for stem, storage_name, text in files:
        extension = os.path.splitext(storage_name)[1].lower() or ".jpg"
        try:
            moment = default_storage.get_modified_time(storage_name)
        except (NotImplementedError, OSError):
            moment = clock.now()
        local = timezone.localtime(moment, edition.tz)

        def read(name=storage_name, text=text):
            with default_storage.open(name) as handle:
                return photo_files.with_text(handle.read(), text)

        yield f"{stem}{extension}", local.timetuple()[:6], read


@require_safe
@media_area
def library(request):
    edition = request.journalist.edition
    form = PhotoSearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {"q": "", "exhibit": "", "day": None}
    photos = list(release_photos(edition, q=criteria["q"], day=criteria["day"])[:PER_PAGE])
    images = [] if criteria["day"] else list(exhibit_images(q=criteria["q"], exhibit=criteria["exhibit"])[:PER_PAGE])
    if criteria["exhibit"]:
        photos = []  # release photos belong to no exhibit
    context = {"form": form, "photos": photos, "images": images, "edition": edition, "days": edition.days}
    return render(request, "press/media_area/photos.html", context)


@require_safe
@media_area
def download(request):
    names = request.GET.getlist("photo")[:MAX_SELECTION]
    files = selected(request.journalist.edition, names)
    if not files:
        context = {"message": _("Choose at least one photo.")}
        return render(request, "press/media_area/refused.html", context, status=400)
    response = StreamingHttpResponse(
        photo_files.stream_zip(zip_entries(request.journalist.edition, files)), content_type="application/zip"
    )
    stamp = timezone.localtime(clock.now(), request.journalist.edition.tz)
    response["Content-Disposition"] = (
        f'attachment; filename="{request.journalist.edition.slug}-photos-{stamp:%Y%m%d-%H%M}.zip"'
    )
    return response


@require_safe
@media_area
def photo_file(request, kind, pk):
    """One photo, full size, caption and credit embedded (embargoed ones are served only here)."""
    files = selected(request.journalist.edition, [f"{kind}{pk}"])
    if not files:
        raise Http404
    ((stem, storage_name, text),) = files
    with default_storage.open(storage_name) as handle:
        data = photo_files.with_text(handle.read(), text)
    extension = os.path.splitext(storage_name)[1].lower() or ".jpg"
    response = HttpResponse(data, content_type=mimetypes.guess_type(storage_name)[0] or "image/jpeg")
    response["Content-Disposition"] = f'inline; filename="{stem}{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
