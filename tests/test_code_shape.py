"""The code keeps its shape: the business rules read as named steps (no function or
method in pos_app/core longer than 80 lines; a migration may be, none lives in the core;
a new program section gets its own small parse function), and the app's tests mirror its
modules (tests/ui/.../test_<module>.py), and the screens do their database work through
named operations (pos_app/ui/operations/)."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "pos_app" / "core"
MAX_LINES = 80


def long_functions(root: Path, limit: int) -> list[str]:
    """``file:line name (N lines)`` for each function under ``root`` longer than ``limit``,
    counted from its ``def`` line to its last line (decorators not counted)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                length = node.end_lineno - node.lineno + 1
                if length > limit:
                    rel = path.relative_to(root.parent)
                    found.append(f"{rel}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_core_function_over_80_lines() -> None:
    assert CORE.is_dir()
    assert long_functions(CORE, MAX_LINES) == []


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    # the rule itself: an 81-line function is named, an 80-line one is not
    body = "\n".join(f"    x{i} = {i}" for i in range(79))
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "rules.py").write_text(
        f"def ok():\n{body}\n\n\ndef too_long():\n{body}\n    return 1\n", encoding="utf-8"
    )
    found = long_functions(tmp_path / "core", MAX_LINES)
    assert found == ["core/rules.py:83 too_long (81 lines)"]


def test_app_tests_mirror_the_app_modules() -> None:
    """tests/ui/<path>/test_<name>.py tests pos_app/ui/<path>/<name>.py."""
    ui = CORE.parent / "ui"
    tests = Path(__file__).resolve().parent / "ui"
    orphans = [
        str(p.relative_to(tests))
        for p in sorted(tests.rglob("test_*.py"))
        if not (ui / p.parent.relative_to(tests) / f"{p.stem[len('test_'):]}.py").exists()
    ]
    assert orphans == []


def test_screens_do_their_database_work_through_named_operations() -> None:
    """No screen hands the database thread a closure of its own (``ctx.run(...)``) or
    writes in a transaction of its own (``t.tx()``): that work is a named operation in
    pos_app/ui/operations/ (docs/architecture.md, "How to add a screen")."""
    ui = CORE.parent / "ui"
    found = []
    for path in sorted(ui.rglob("*.py")):
        if "operations" in path.parts or path.name in ("context.py", "worker.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (node.func.attr == "run" and name == "ctx") or node.func.attr == "tx":
                found.append(f"{path.relative_to(ui)}:{node.lineno}")
    assert found == []
