"""The invited delegations an exhibitor may ask to meet, as the delegations app tells them.

The portal is public and never imports `delegations` (pyproject.toml); the delegations app fills
this registry from its `AppConfig.ready()` (`delegations/meeting_parties.py`). What leaves it is
a delegation's number and its public name (country and organisation, e.g. "France · Ministère
des Armées"), never a member, a head of delegation or a note. Without a filler the list is empty.
"""

_sources = []


def register(source):
    """`source(edition)` returns [(delegation pk, public name)] in the order exhibitors see them."""
    _sources.append(source)
    return source


def delegations_to_meet(edition):
    """[(pk, public name)] of the delegations `edition`'s exhibitors may ask to meet."""
    if edition is None:
        return []
    return [choice for source in _sources for choice in source(edition)]
