"""Visitor-facing text of the expo app, in Vietnamese and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from expo.models import Edition, KeyFigure, ProgrammeItem, Venue, VisitorInfo


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("name", "theme", "description", "organiser", "venue_name", "city", "key_visual_alt", "internal_marking")
    required_languages = ("vi",)


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("vi",)


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("title", "description", "hosts", "status_note")
    required_languages = ("vi",)


@register(VisitorInfo)
class VisitorInfoTranslation(TranslationOptions):
    fields = ("body",)
