"""Visitor-facing text of the results page, in Vietnamese and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from meetings.models import Agreement, MeetingPlace


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "party_a", "party_b", "place")
    required_languages = ("vi",)


@register(MeetingPlace)
class MeetingPlaceTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)
