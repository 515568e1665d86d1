from modeltranslation.translator import TranslationOptions, register

from exhibitors.models import Category, Exhibitor, Product, ProductImage, ProductSpecification, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)


@register(Exhibitor)
class ExhibitorTranslation(TranslationOptions):
    fields = ("description",)


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("vi",)


@register(ProductSpecification)
class ProductSpecificationTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("vi",)


@register(ProductImage)
class ProductImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = ("vi",)
