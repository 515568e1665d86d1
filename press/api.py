"""Open-data API of the press centre: published releases only (`/api/releases`)."""

from datetime import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view

from common.sanitize import clean_html
from expo.api import Error, in_language_asked_for
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

    # Read in the language asked for (in_language_asked_for).
    @staticmethod
    def resolve_language(release):
        return release.version(translation.get_language()).language

    @staticmethod
    def resolve_title(release):
        return release.version(translation.get_language()).title

    @staticmethod
    def resolve_summary(release):
        return release.version(translation.get_language()).summary

    @staticmethod
    def resolve_body_html(release):
        return clean_html(release.version(translation.get_language()).body)

    @staticmethod
    def resolve_url(release):
        return release.get_absolute_url()


@router.get("/releases", response={200: list[ReleaseOut], 400: Error}, summary="Published press releases, newest first")
@decorate_view(in_language_asked_for)
def list_releases(request, params: Query[ReleaseQuery]):
    return PressRelease.objects.published()[: params.limit]


@router.get("/releases/{slug}", response={200: ReleaseOut, 404: Error}, summary="One published press release")
@decorate_view(in_language_asked_for)
def release_detail(request, slug: str, lang: Literal["vi", "en"] = "vi"):  # lang: validated and documented here
    return get_object_or_404(PressRelease.objects.published(), slug=slug)
