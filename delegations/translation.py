"""Fields kept in Vietnamese and in English (django-modeltranslation: `<field>_vi`, `<field>_en`).

A delegation's organisation and a member's rank and position appear in letters and printouts in
one language each: the Vietnamese letter and printouts use the `_vi` value, the English ones the
`_en` value (delegations.letters says which are missing before a letter goes out).
"""

from modeltranslation.translator import TranslationOptions, register

from delegations.models import Delegation, Member


@register(Delegation)
class DelegationTranslationOptions(TranslationOptions):
    fields = ("organisation",)
    # Either language may be missing (the letter says so); the model's clean() wants one of them.
    required_languages = ()


@register(Member)
class MemberTranslationOptions(TranslationOptions):
    fields = ("rank", "position")
