"""Admin helpers shared by every app."""

from common.text import fold


class FoldedSearchMixin:
    """Accent-insensitive search and autocomplete for small tables without a folded column.

    "phong khong" finds "Phòng không": the search fields' values are folded in Python and the
    matching primary keys filtered in one more query. Meant for lists of tens to a few thousand
    rows (categories, sectors, venues); large tables keep a folded, indexed column instead.
    """

    def get_search_results(self, request, queryset, search_term):
        words = fold(search_term).split()
        if not words:
            return queryset, False
        fields = [name.lstrip("^=@") for name in self.get_search_fields(request)]
        matches = set()
        for pk, *values in queryset.order_by().values_list("pk", *fields):
            haystack = fold(" ".join(str(value) for value in values if value))
            if all(word in haystack for word in words):
                matches.add(pk)
        return queryset.filter(pk__in=matches), False
