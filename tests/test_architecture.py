"""docs/architecture.md says what pyproject.toml's import contracts check, and the public
modules the contracts protect are every module a public URL reaches."""

import re
import tomllib
from pathlib import Path

import grimp
import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def importlinter():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def contract(contract_id):
    return next(c for c in importlinter()["contracts"] if c["id"] == contract_id)


def section(title):
    text = ARCHITECTURE.read_text()
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_the_architecture_page_lists_every_contract_as_pyproject_states_it():
    expected = "".join(f"- `{c['id']}`: {c['name']}.\n" for c in importlinter()["contracts"])
    listed = "".join(line + "\n" for line in section("Import contracts").splitlines() if line.startswith("- `"))
    assert listed == expected, f"docs/architecture.md, section 'Import contracts', should read:\n{expected}"


def test_the_architecture_page_draws_the_layers_of_the_layers_contract():
    drawing = section("Apps and the direction of imports").split("```")[1]
    drawn = [re.split(r"\s{2,}", line.strip())[0] for line in drawing.strip().splitlines()]
    assert drawn == contract("layers")["layers"]


def test_every_app_is_on_the_architecture_page_and_in_the_layers():
    apps = set(importlinter()["root_packages"])
    in_layers = {name.strip() for layer in contract("layers")["layers"] for name in layer.split("|")}
    assert in_layers == apps
    page = section("Apps and the direction of imports")
    assert {app for app in apps if not re.search(rf"^{app}\b|\| {app}\b|`{app}`", page, re.M)} == set()


def public_views(patterns):
    """(view, route) of every URL outside the admin and the mail provider's callbacks."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if entry.app_name != "admin" and not module.startswith("anymail"):
                yield from public_views(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            view = getattr(entry.callback, "view_class", None) or getattr(entry.callback, "__wrapped__", entry.callback)
            yield view, str(entry.pattern)


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*importlinter()["root_packages"], include_external_packages=False)


def test_every_public_url_is_served_by_a_module_the_public_contract_starts_from(graph):
    """A view mounted by a dotted string, or a URL module the root map does not import, would escape
    `public-modules-no-personal-data`: the root URL map must reach every public view by import."""
    project = set(importlinter()["root_packages"])
    reached = graph.find_upstream_modules("config.urls") | {"config.urls"}
    modules = {(view.__module__, route) for view, route in public_views(get_resolver().url_patterns)}
    ours = {module for module, _route in modules if module.split(".")[0] in project}
    assert {"expo.views", "exhibitors.views", "meetings.views", "meetings.feeds", "siteplan.views"} <= ours
    assert sorted(f"{module} ({route})" for module, route in modules if module in ours - reached) == []
    assert "config.urls" in contract("public-modules-no-personal-data")["source_modules"]
