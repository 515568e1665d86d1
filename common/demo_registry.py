"""Where each app registers the loaders of its demo rows (`manage.py load_demo`).

An app adds its rows with `@demo_registry.register(order=…, label=…)` in its own `demo.py`
(or `programme/demo.py`); a loader is `func(*, edition, progress) -> str`, the str a one-line
summary of what it loaded. The registry imports those modules the first time its loaders are
asked for, so web processes never import demo content. The edition itself comes first and
from the expo app (`expo.demo.load_edition`); every loader then runs in the same transaction.
"""

from common.loaders import LoaderRegistry

_registry = LoaderRegistry("demo", "programme.demo")
register = _registry.register
loaders = _registry.loaders
