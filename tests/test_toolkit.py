"""The tests share one toolkit (tests/factories.py, tests/accounts.py, tests/helpers.py, tests/processes.py,
tests/hostile.py, tests/browsers.py, tests/places.py) and the fixtures of the conftest.py files:
no test module imports another test module or a conftest."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _imported_modules(path):
    """Every module a file imports, as dotted names (`from tests.x import y` gives tests.x and tests.x.y)."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _forbidden(module):
    last = module.rsplit(".", 1)[-1]
    return module.startswith("tests.") and (last.startswith("test_") or last == "conftest")


def test_no_test_module_imports_another_test_module_or_a_conftest():
    offences = [
        f"{path.relative_to(TESTS)} imports {module}"
        for path in sorted(TESTS.rglob("*.py"))
        for module in _imported_modules(path)
        if _forbidden(module)
    ]
    assert offences == []


def test_the_check_sees_a_test_module_import(tmp_path):
    offender = tmp_path / "test_offender.py"
    offender.write_text("from tests.press.test_accreditation import application\nimport tests.outbox.conftest\n")
    found = sorted(m for m in _imported_modules(offender) if _forbidden(m))
    assert found == ["tests.outbox.conftest", "tests.press.test_accreditation"]
