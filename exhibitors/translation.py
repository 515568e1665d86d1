from modeltranslation.translator import TranslationOptions, register

from exhibitors.models import Category, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)
