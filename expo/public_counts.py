"""Numbers that an admin-only app lets public pages show, without those pages importing it.

The delegations app holds personal data and stays behind the admin: no public module may
import it (import-linter checks this). Yet the expo's fact sheet states how many delegations
confirmed. So the owning app registers a counter here when it starts, and public code asks
for the number by name: only the number crosses, and without the app it is 0.
"""

CONFIRMED_DELEGATIONS = "confirmed_delegations"

_counters = {}


def register(name, counter):
    """`counter(edition) -> int`, registered by the app that owns the data (from AppConfig.ready)."""
    _counters[name] = counter


def count(name, edition):
    counter = _counters.get(name)
    return counter(edition) if counter is not None and edition else 0
