from modeltranslation.translator import TranslationOptions, register

from delegations.models import Member


@register(Member)
class MemberTranslationOptions(TranslationOptions):
    fields = ("position",)
