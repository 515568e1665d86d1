"""The README and docs/*.md name only what exists.

Every backticked token is read as what it looks like and checked against the project: a path
against the checkout, `make X` against the Makefile, `manage.py X` against the management
commands, `/…` against the URL map (with the language prefix and sample values put in for
`<lang>`, `<slug>`, `…`), an environment variable against config/ (and the Makefile, Procfile and
bench that read them), any other UPPER_CASE name against the settings and the code, a dotted
name of ours against what imports, `{% load x %}` against the template tag libraries. Relative
Markdown links must lead to a file. A doc that names what was renamed or deleted fails here.
"""

import importlib
import itertools
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import get_commands
from django.urls import Resolver404, resolve
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# Made by running the project, never committed.
GENERATED = {"var", ".venv"}
# Environment variables: checked against the code that reads the environment.
ENV_PREFIXES = ("DJANGO_", "EXPO_", "S3_", "BENCH_", "ANYMAIL_")
ENV_NAMES = {"DATABASE_URL", "REDIS_URL", "EMAIL_URL", "PORT", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS", "BIND_ADDRESS"}
ENV_READERS = ["config/*.py", "Makefile", "Procfile", "bench/*.py", "scripts/*", ".ci/*", "tests/rehearsal/*.py"]
# Read by a library from the environment, not by our code.
LIBRARY_ENV = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
# A bare file name with one of these endings must be a file of the checkout.
FILE_EXTENSIONS = ("py", "md", "toml", "sh", "po", "css", "js", "html")
# Sample values tried in a URL's placeholders until one resolves.
SAMPLES = ("", "demo", "1", "A-09", "2024-12-19", "00000000-0000-0000-0000-000000000000", "demo/demo")

FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"`([^`]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
UPPER = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
DOTTED = re.compile(r"^[a-z_]+(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?:\(\))?$")
LOAD = re.compile(r"\{% load ([\w ]+?) %\}")
BLOCK = re.compile(r"\{% block (\w+) %\}")
HOLE = re.compile(r"<[^>]*>|…")


@cache
def tracked_files():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return set(out.splitlines())


@cache
def packages():
    """Our packages (the project's and its apps'), whose dotted names are checked by importing them."""
    return {"config"} | {config.name for config in apps.get_app_configs() if (ROOT / config.name).is_dir()}


@cache
def top_level():
    return {name.split("/", 1)[0] for name in tracked_files()} | GENERATED


@cache
def basenames():
    return {name.rsplit("/", 1)[-1] for name in tracked_files()}


@cache
def make_targets():
    text = (ROOT / "Makefile").read_text()
    return set(re.findall(r"^([\w-]+):", text, re.MULTILINE))


@cache
def env_readers_text():
    return "\n".join(path.read_text() for pattern in ENV_READERS for path in ROOT.glob(pattern) if path.is_file())


@cache
def env_name_patterns():
    """Names the code builds, f"EXPO_{variable}_REPLY_TO", as patterns."""
    built = re.findall(r'f"([A-Z][A-Z0-9_]*\{\w+\}[A-Z0-9_{}\w]*)"', env_readers_text())
    return [re.compile(re.sub(r"\\\{\w+\\\}", "[A-Z0-9_]+", re.escape(name)) + "$") for name in built]


@cache
def project_python():
    sources = (ROOT / name for name in tracked_files() if name.endswith(".py"))
    return "\n".join(path.read_text() for path in sources if path.exists())


@cache
def template_blocks():
    return {name for path in ROOT.glob("**/templates/**/*.html") for name in BLOCK.findall(path.read_text())}


@cache
def tag_libraries():
    return {path.stem for path in ROOT.glob("*/templatetags/*.py")}


def check_path(word):
    if word.split("/", 1)[0] in GENERATED:
        return None
    return None if any(ROOT.glob(word.rstrip("/"))) else "no such file or folder"


def check_basename(word):
    return None if word in basenames() else "no file of that name"


def check_env(name):
    if re.search(rf"\b{name}\b", env_readers_text()) or any(pattern.match(name) for pattern in env_name_patterns()):
        return None
    # A setting with a default in the code that reads it, not an environment variable.
    if re.search(rf"getattr\(settings, \"{name}\"", project_python()):
        return None
    return "no such environment variable in config/"


def check_upper(name):
    if name in LIBRARY_ENV:
        return None
    if name.startswith(ENV_PREFIXES) or name in ENV_NAMES:
        return check_env(name)
    if hasattr(settings, name) or re.search(rf"\b{name}\b", project_python()):
        return None
    return "no such setting or name in the code"


@cache
def permissions_and_models():
    """`app.codename` and `app.Model`, as the docs name permissions and models."""
    names = set()
    for model in apps.get_models():
        meta = model._meta
        names.add(f"{meta.app_label}.{model.__name__}")
        codenames = [f"{action}_{meta.model_name}" for action in meta.default_permissions]
        names.update(f"{meta.app_label}.{codename}" for codename in codenames + [code for code, _ in meta.permissions])
    return names


def check_dotted(name):
    if name in permissions_and_models():
        return None
    parts = name.removesuffix("()").split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                return f"{'.'.join(parts[:cut])} has no {attribute}"
            found = getattr(found, attribute)
        return None
    return "does not import"


def check_url(url):
    path = url.split("?", 1)[0].split("#", 1)[0].replace("<lang>", "vi")
    # Past editions mount the same public URL map again under editions/<year>/ (config/archive.py).
    path = re.sub(r"^/(vi|en)/editions/(<year>|\d{4})/", r"/\1/", path)
    language = path[1:3] if re.match(r"^/(vi|en)/", path) else "vi"
    pieces = HOLE.split(path)
    for values in itertools.product(SAMPLES, repeat=len(pieces) - 1):
        candidate = "".join(itertools.chain.from_iterable(itertools.zip_longest(pieces, values, fillvalue="")))
        with translation.override(language):
            try:
                resolve(candidate)
                return None
            except Resolver404:
                continue
    return "no such URL"


def check_word(word):
    word = word.strip("()[],;:.'\"").removesuffix("/*")
    if not word or "://" in word or HOLE.search(word.replace("<lang>", "")) and not word.startswith("/"):
        return None
    if word == "/":
        return None  # the language redirect (LocaleMiddleware), no URL pattern
    if word.startswith("/") and not word.startswith("//"):
        return check_url(word)
    if "=" in word:
        name = word.split("=", 1)[0]
        return check_upper(name) if UPPER.match(name) or name in ENV_NAMES else None
    if UPPER.match(word) or word in ENV_NAMES:
        return check_upper(word)
    extension = word.rsplit(".", 1)[-1]
    if "/" in word and word.split("/", 1)[0] in top_level():
        return check_path(word)
    if "/" not in word and "." in word and extension in FILE_EXTENSIONS:
        return check_basename(word)
    if DOTTED.match(word) and word.split(".", 1)[0] in packages():
        return check_dotted(word)
    return None


def check_command(line):
    """`make X` and `manage.py X` wherever they appear in a token or a shell line."""
    problems = []
    words = line.split()
    for word, following in zip(words, words[1:], strict=False):
        if word == "make" and re.match(r"^[\w-]+$", following) and following not in make_targets():
            problems.append((f"make {following}", "no such make target"))
        if word.endswith("manage.py") and re.match(r"^\w+$", following) and following not in get_commands():
            problems.append((f"manage.py {following}", "no such management command"))
    return problems


def check_text(text, folder=ROOT):
    """Every problem of one document, as (what it names, why that is wrong)."""
    problems = []
    for block in FENCE.findall(text):
        for line in block.splitlines():
            problems += check_command(line)
    prose = FENCE.sub("", text)
    for token in INLINE.findall(prose):
        problems += check_command(token)
        libraries = [name for names in LOAD.findall(token) for name in names.split()]
        libraries = [name for name in libraries if name not in tag_libraries()]
        problems += [(f"{{% load {name} %}}", "no such tag library") for name in libraries]
        blocks = [name for name in BLOCK.findall(token) if name not in template_blocks()]
        problems += [(f"{{% block {name} %}}", "no template has that block") for name in blocks]
        if token.startswith("{"):
            continue
        for word in token.split():
            if reason := check_word(word):
                problems.append((word, reason))
    for target in LINK.findall(prose):
        if not re.match(r"^(https?:|mailto:|#)", target) and not (folder / target.split("#", 1)[0]).exists():
            problems.append((target, "link to no file"))
    return problems


@pytest.mark.parametrize("document", DOCS, ids=lambda path: str(path.relative_to(ROOT)))
def test_document_names_only_what_exists(document):
    problems = check_text(document.read_text(), document.parent)
    assert not problems, "\n".join(f"{document.name}: `{name}`: {reason}" for name, reason in problems)


def test_the_check_finds_what_does_not_exist():
    text = (
        "`expo/pdf.py` `make benchmark` `manage.py load_everything` `/vi/nowhere/` `EXPO_NOWHERE` "
        "`common.text.nowhere` `{% load nowhere %}` `{% block factsheet %}` [x](docs/nowhere.md) `nowhere.py`"
    )
    assert [name for name, _ in check_text(text)] == [
        "expo/pdf.py",
        "make benchmark",
        "manage.py load_everything",
        "/vi/nowhere/",
        "EXPO_NOWHERE",
        "common.text.nowhere",
        "{% load nowhere %}",
        "{% block factsheet %}",
        "nowhere.py",
        "docs/nowhere.md",
    ]


def test_the_check_accepts_what_exists():
    text = (
        "`make run` `DJANGO_DEBUG=1 make test` `manage.py load_demo` `/<lang>/exhibitors/<slug>/` "
        "`/admin/language/` `/api/map?lang=vi` `config/settings.py` `DATABASE_URL` `common.text.fold` "
        "`{% load numbers %}` `{% block content %}` `var/mail/` [deploy](docs/deploy.md)"
    )
    assert check_text(text) == []
