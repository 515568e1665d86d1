"""What may hold an exhibit back from publication, without the catalogue knowing who asks.

The catalogue (exhibitors) publishes exhibits; the portal, above it, knows which exhibits need an
approved declaration first. The portal registers a blocker here from its AppConfig.ready; the
catalogue asks `held_back()` before it publishes (its service and Product.clean), so it never
imports the portal.

A blocker is `function(products) -> [(product, reason), …]` over a list of exhibits (an unsaved one
too: an editor may tick "published" on a new exhibit), answering for those it holds back, in a
fixed number of queries for any number of exhibits.
"""

_blockers = []


def register_blocker(function):
    if function not in _blockers:
        _blockers.append(function)
    return function


def held_back(products):
    """[(product, [reason, …]), …]: the exhibits of `products` that may not be published now, in order."""
    products = list(products)
    reasons = {}
    for blocker in _blockers if products else ():
        for product, reason in blocker(products):
            # Keyed by identity: an unsaved exhibit has no pk (and no hash) yet.
            reasons.setdefault(id(product), []).append(reason)
    return [(product, reasons[id(product)]) for product in products if id(product) in reasons]
