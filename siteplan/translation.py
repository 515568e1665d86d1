"""Visitor-facing names on the site plan, in Vietnamese and English."""

from modeltranslation.translator import TranslationOptions, register

from siteplan.models import DisplayArea, PointOfInterest


@register(PointOfInterest)
class PointOfInterestTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)


@register(DisplayArea)
class DisplayAreaTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)
