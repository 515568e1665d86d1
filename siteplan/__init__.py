"""The site plan: where every hall, stand, outdoor exhibit and display area is, in metres.

A top-level app of its own because it joins expo's venues with the catalogue's stands and
exhibits: expo may import no app, so the plan cannot live there.
"""
