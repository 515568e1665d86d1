"""Open-data API of the press centre: published releases only (`/api/releases`)."""

from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Query, Router, Schema

from common.sanitize import clean_html
from expo.api import Error
from press.models import PressRelease

router = Router(tags=["press"])


class ReleaseQuery(Schema):
    lang: Literal["vi", "en"] = "vi"
    limit: int = Field(20, ge=1, le=100)


class ReleaseOut(Schema):
    slug: str
    language: Literal["vi", "en"] = Field(
        description="The language title, summary and body are in: the one asked for, or the original "
        "(vi) when the release has no version in it (PressRelease.has_version)."
    )
    title: str
    summary: str
    body_html: str
    publish_at: datetime
    url: str


def _out(release):
    version = release.version(translation.get_language())
    return {
        "slug": release.slug,
        "language": version.language,
        "title": version.title,
        "summary": version.summary,
        "body_html": clean_html(version.body),
        "publish_at": release.publish_at,
        "url": release.get_absolute_url(),
    }


@router.get("/releases", response={200: list[ReleaseOut], 400: Error}, summary="Published press releases, newest first")
def list_releases(request, params: Query[ReleaseQuery]):
    with translation.override(params.lang):
        return [_out(release) for release in PressRelease.objects.published()[: params.limit]]


@router.get("/releases/{slug}", response={200: ReleaseOut, 404: Error}, summary="One published press release")
def release_detail(request, slug: str, lang: Literal["vi", "en"] = "vi"):
    with translation.override(lang):
        return _out(get_object_or_404(PressRelease.objects.published(), slug=slug))
