"""Writes to the catalogue that views, admin actions and commands share."""

from django.db import transaction

from common.cache import written
from common.publication import held_back
from exhibitors.models import Product


@transaction.atomic
def set_published(*, products, published):
    """Publish or unpublish the given exhibits; returns how many changed. Exhibits another app
    holds back (`common.publication`: the portal's declarations) are not published; ask
    `held_back(products)` first to tell the editor which and why."""
    ids = set(products.exclude(is_published=published).values_list("pk", flat=True))
    if published and ids:
        held = held_back(Product.objects.filter(pk__in=ids).only("pk", "exhibitor_id"))
        ids -= {product.pk for product, _reasons in held}
    # update() skips save(), which is fine: the folded search text does not depend on the flag.
    changed = Product.objects.filter(pk__in=ids).update(is_published=published)
    if changed:
        # update() sends no post_save: the cache contract moves the site's and the catalogue's versions.
        written(Product)
    return changed
