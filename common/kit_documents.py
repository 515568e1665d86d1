"""Documents the press kit holds that other apps own: the programme, the map, each day's briefing.

The press kit (press/kit.py) knows none of those apps: each registers a producer here from its
AppConfig.ready, and the kit asks every producer for its documents when it is built.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class KitDocument:
    """One file for the kit: where it goes in the zip, its title in the kit's language, its bytes,
    when its content last changed (the zip entry's date) and a section of the index."""

    path: str
    title: str
    data: bytes
    modified: datetime.datetime
    section: str = "documents"
    # Changes whenever the content does (the kit is rebuilt only when some version changed).
    version: str = ""


_producers: list[Callable] = []


def register(producer):
    """`producer(edition, language)` returns a list of KitDocument (empty when it has none)."""
    if producer not in _producers:
        _producers.append(producer)
    return producer


def documents(edition, language):
    return [document for producer in _producers for document in producer(edition, language)]
