"""The project package: settings, the root URL map, WSGI/ASGI entry points and the settings parsers."""
