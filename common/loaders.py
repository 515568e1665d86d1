"""Registries of loaders that each app contributes in a module of its own (demo.py, benchdata.py).

The registries live in common, which imports no app, so apps register themselves: the registry imports
every installed app's `<module_name>` module the first time its loaders are asked for. An app
whose loaders live in a sub-package names it too (`LoaderRegistry("demo", "programme.demo")`),
so the registry's module never imports its contributors (no import cycle).
"""

from django.utils.module_loading import autodiscover_modules


class LoaderRegistry:
    def __init__(self, *module_names):
        self.module_names = module_names
        self._entries = []

    def register(self, *, order, label):
        """Decorator: register `func` to run at `order` (lower first), announced as `label`."""

        def decorator(func):
            self._entries.append((order, label, func))
            return func

        return decorator

    def loaders(self):
        autodiscover_modules(*self.module_names)
        return [(label, func) for _, label, func in sorted(self._entries, key=lambda entry: entry[0])]
