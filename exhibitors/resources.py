"""Spreadsheet import/export of exhibitors and exhibits (django-import-export).

Translated texts travel as explicit `_vi` / `_en` columns: a plain `name` column would only
write the active language. Rows are matched on their slug, so re-importing a corrected sheet
updates rows instead of duplicating them; every row is validated (full_clean), and the
preview lists each row's errors before anything is saved.

Every cell is looked at before the row is (`CheckedResource`): a control character or a value
no column takes becomes that row's error under that column, never a server error; numbers Excel
stored as floats come back as whole numbers, a formula escape of our export is undone. A slug
that names nothing is a row error too.
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from common.spreadsheet_safety import CellRefused, clean_cell
from exhibitors.models import Category, Exhibitor, Product, Sector


class CleanDiff(resources.Diff):
    """The import preview's differences with classes instead of inline styles (refused by our CSP)."""

    def as_html(self):
        return [
            mark_safe(  # noqa: S308 (diff_match_patch escapes the texts; only its own tags are rewritten)
                html.replace('<ins style="background:#e6ffe6;">', '<ins class="import-diff-added">').replace(
                    '<del style="background:#ffe6e6;">', '<del class="import-diff-removed">'
                )
            )
            for html in super().as_html()
        ]


class CheckedResource(resources.ModelResource):
    def get_diff_class(self):
        return CleanDiff

    def before_import_row(self, row, **kwargs):
        errors = {}
        for column in list(row.keys()):
            try:
                row[column] = clean_cell(row[column])
            except CellRefused as exc:
                errors[str(column)] = [str(exc)]
        if errors:
            raise ValidationError(errors)


class SlugWidget(widgets.ForeignKeyWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ObjectDoesNotExist as exc:
            raise ValueError(
                _("No %(kind)s has the identifier “%(slug)s”.") % {"kind": self.model._meta.verbose_name, "slug": value}
            ) from exc


class ExhibitorResource(CheckedResource):
    sectors = fields.Field(
        attribute="sectors", column_name="sectors", widget=widgets.ManyToManyWidget(Sector, field="slug", separator="|")
    )

    class Meta:
        model = Exhibitor
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "name",
            "country",
            "website",
            "press_contact",
            "description_vi",
            "description_en",
            "sectors",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False


class ProductResource(CheckedResource):
    exhibitor = fields.Field(attribute="exhibitor", column_name="exhibitor", widget=SlugWidget(Exhibitor, field="slug"))
    category = fields.Field(attribute="category", column_name="category", widget=SlugWidget(Category, field="slug"))

    class Meta:
        model = Product
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "exhibitor",
            "category",
            "name_vi",
            "name_en",
            "summary_vi",
            "summary_en",
            "description_vi",
            "description_en",
            "display_mode",
            "is_published",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def get_queryset(self):
        return super().get_queryset().select_related("exhibitor", "category")
