from modeltranslation.translator import TranslationOptions, register

from press.models import PressContact, PressRelease, ReleaseAttachment, ReleasePhoto


@register(PressRelease)
class PressReleaseTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("vi",)


@register(ReleasePhoto)
class ReleasePhotoTranslation(TranslationOptions):
    fields = ("caption",)
    required_languages = ("vi",)


@register(ReleaseAttachment)
class ReleaseAttachmentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("vi",)


@register(PressContact)
class PressContactTranslation(TranslationOptions):
    fields = ("role",)
    required_languages = ("vi",)
