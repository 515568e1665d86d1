"""Pieces of the settings that do not depend on the deployment, and the parsers that turn
environment values into settings.

Only `expo/settings.py` reads the environment: it hands each raw value to a parser here and
imports the fixed parts (the app stack, security headers, logging) from these modules.
"""
