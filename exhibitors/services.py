"""Writes to the catalogue that views, admin actions and commands share."""

from django.db import transaction

from common.cache import written
from exhibitors.models import Product


@transaction.atomic
def set_published(*, products, published):
    """Publish or unpublish the given exhibits; returns how many changed."""
    ids = list(products.exclude(is_published=published).values_list("pk", flat=True))
    # update() skips save(), which is fine: the folded search text does not depend on the flag.
    changed = Product.objects.filter(pk__in=ids).update(is_published=published)
    if changed:
        # update() sends no post_save: the cache contract moves the site's and the catalogue's versions.
        written(Product)
    return changed
