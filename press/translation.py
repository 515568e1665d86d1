from modeltranslation.translator import TranslationOptions, register

from press.models import MediaVideo, PressContact, PressRelease, ReleaseAttachment, ReleasePhoto


@register(PressRelease)
class PressReleaseTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("vi",)


@register(ReleasePhoto)
class ReleasePhotoTranslation(TranslationOptions):
    fields = ("caption", "credit")
    required_languages = ("vi",)


@register(ReleaseAttachment)
class ReleaseAttachmentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("vi",)


@register(PressContact)
class PressContactTranslation(TranslationOptions):
    fields = ("role",)
    required_languages = ("vi",)


@register(MediaVideo)
class MediaVideoTranslation(TranslationOptions):
    fields = ("title", "caption", "credit")
    required_languages = ("vi",)
