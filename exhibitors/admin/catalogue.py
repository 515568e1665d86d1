"""Exhibitors (with their stands) and exhibits (with specifications and images) in the admin."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Prefetch
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from common.admin import CountryFilter
from common.publication import held_back
from common.spreadsheet_safety import SAFE_FORMATS
from common.spreadsheets import LabelledExportForm, LimitedImportForm
from exhibitors import services
from exhibitors.models import Exhibitor, Product, ProductImage, ProductSpecification, Stand
from exhibitors.resources import ExhibitorResource, ProductResource
from expo.models import Venue


class HallFilter(admin.SimpleListFilter):
    """Halls and areas of the current edition (stands of past editions do not count)."""

    title = _("hall (current edition)")
    parameter_name = "hall"
    exhibitor_path = ""

    def lookups(self, request, model_admin):
        venues = Venue.objects.filter(edition__is_current=True).order_by("order")
        return [(str(venue.pk), str(venue)) for venue in venues]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        prefix = f"{self.exhibitor_path}__" if self.exhibitor_path else ""
        return queryset.filter(
            **{f"{prefix}stands__venue_id": self.value(), f"{prefix}stands__edition__is_current": True}
        )


class ProductHallFilter(HallFilter):
    exhibitor_path = "exhibitor"


class StandInline(admin.TabularInline):
    model = Stand
    fields = ("edition", "venue", "code")
    extra = 0


def _thumbnail(image):
    if not image or not image.image:
        return "—"
    url, width, height = image.thumbnail()
    if not width or not height:  # size unknown (a file stored without processing): let CSS size it
        return format_html('<img src="{}" width="96" alt="{}" loading="lazy">', url, image.alt_text)
    scale = 96 / width
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy">',
        url,
        round(width * scale),
        round(height * scale),
        image.alt_text,
    )


class ProductSpecificationInline(TranslationTabularInline):
    model = ProductSpecification
    fields = ("order", "label", "value")
    extra = 0


class ProductImageInline(TranslationStackedInline):
    model = ProductImage
    fields = ("preview", "image", "order", "alt_text", "caption")
    readonly_fields = ("preview",)
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return _thumbnail(obj if obj.pk else None)


@admin.register(Exhibitor)
class ExhibitorAdmin(ImportExportMixin, TabbedTranslationAdmin):
    resource_classes = [ExhibitorResource]
    import_form_class = LimitedImportForm
    export_form_class = LabelledExportForm
    formats = SAFE_FORMATS
    # A website typed without a scheme means https (Django 6's default; explicit until then).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "country", "sector_list", "current_stand")
    list_filter = (("country", CountryFilter), "sectors", HallFilter)
    search_fields = ("name", "slug", "description_vi", "description_en")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("sectors",)
    fields = (
        "name",
        "slug",
        "country",
        "logo",
        "website",
        "press_contact",
        "visitor_contact",
        "sectors",
        "description",
    )
    inlines = [StandInline]

    def get_queryset(self, request):
        current = Stand.objects.filter(edition__is_current=True).select_related("venue")
        return (
            super()
            .get_queryset(request)
            .prefetch_related("sectors", Prefetch("stands", queryset=current, to_attr="current_stands"))
        )

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            found |= queryset.search(search_term)  # accent-insensitive: "duong" finds "Đường"
        return found, may_have_duplicates

    @admin.display(description=_("sectors"))
    def sector_list(self, obj):
        return ", ".join(sector.name for sector in obj.sectors.all())

    @admin.display(description=_("stand (current edition)"))
    def current_stand(self, obj):
        stands = getattr(obj, "current_stands", [])
        return str(stands[0]) if stands else "—"


@admin.register(Product)
class ProductAdmin(ImportExportMixin, TabbedTranslationAdmin):
    resource_classes = [ProductResource]
    import_form_class = LimitedImportForm
    export_form_class = LabelledExportForm
    formats = SAFE_FORMATS
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # the video link, as the website
    list_display = ("name", "thumbnail", "exhibitor", "country", "category", "display_mode", "is_published")
    list_filter = (
        "is_published",
        "category__sector",
        "category",
        ("exhibitor__country", CountryFilter),
        ProductHallFilter,
        "display_mode",
    )
    list_select_related = ("exhibitor", "category")
    search_fields = ("name_vi", "name_en", "summary_vi", "summary_en", "slug", "exhibitor__name")
    autocomplete_fields = ("exhibitor", "category")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = (
        "exhibitor",
        "name",
        "slug",
        "category",
        "display_mode",
        "is_published",
        "summary",
        "description",
        "brochure",
        "video_url",
    )
    inlines = [ProductSpecificationInline, ProductImageInline]
    actions = ["publish", "unpublish"]

    def get_queryset(self, request):
        first_images = ProductImage.objects.order_by("order", "pk")
        return super().get_queryset(request).prefetch_related(Prefetch("images", queryset=first_images))

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            found |= queryset.search(search_term)
        return found, may_have_duplicates

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        images = obj.images.all()
        return _thumbnail(images[0] if images else None)

    @admin.display(description=_("country"), ordering="exhibitor__country")
    def country(self, obj):
        return obj.exhibitor.country.name

    @admin.action(description=_("Publish the selected exhibits"), permissions=["change"])
    def publish(self, request, queryset):
        held = held_back(queryset.filter(is_published=False))
        count = services.set_published(products=queryset, published=True)
        message = ngettext("%(count)d exhibit published.", "%(count)d exhibits published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
        for product, reasons in held[:20]:
            reasons = " ".join(str(reason) for reason in reasons)
            text = _("“%(exhibit)s” was not published: %(reasons)s") % {"exhibit": product, "reasons": reasons}
            self.message_user(request, text, messages.WARNING)

    @admin.action(description=_("Unpublish the selected exhibits"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = services.set_published(products=queryset, published=False)
        message = ngettext("%(count)d exhibit unpublished.", "%(count)d exhibits unpublished.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
