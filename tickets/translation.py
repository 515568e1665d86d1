"""Visitor-facing names of the gates (printed on tickets, in the registrant's language)."""

from modeltranslation.translator import TranslationOptions, register

from tickets.models import Gate


@register(Gate)
class GateTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)
