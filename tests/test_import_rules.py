"""How the project's modules import each other: no import circle anywhere, and no import
of the project's own modules hidden inside a function without a comment saying why
(start-up cost, Qt only when the app opens...). Both read the source as it is, with
grimp (what import-linter builds on) and the ast."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pos_app", "devices", "receipts", "sync")


def import_circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for start in modules:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.find_modules_directly_imported_by(w)))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    component = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.append(w)
                        if w == v:
                            break
                    if len(component) > 1:
                        circles.append(sorted(component))
    return circles


def test_no_import_circle_between_project_modules() -> None:
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert len(graph.modules) > 100
    circles = import_circles(graph)
    chains = [
        " -> ".join(graph.find_shortest_chain(c[0], c[1]) or ()) + " -> ... -> " + c[0]
        for c in circles
    ]
    assert circles == [], "\n".join(chains)


def test_a_circle_is_found() -> None:
    graph = grimp.ImportGraph()
    for m in ("a", "a.x", "a.y", "a.z"):
        graph.add_module(m)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.z")
    assert import_circles(graph) == []
    graph.add_import(importer="a.z", imported="a.x")
    assert import_circles(graph) == [["a.x", "a.y", "a.z"]]


def _is_project_import(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import):
        return any(a.name.split(".")[0] in PACKAGES for a in node.names)
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] in PACKAGES
    return False


def unexplained_function_imports(source: str, name: str) -> list[str]:
    """Imports of the project's modules made inside a function with no comment saying why:
    neither on the import's own lines nor on the line just above its run of imports."""
    comments = {
        tok.start[0]
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    }
    found = []
    for fn in ast.walk(ast.parse(source)):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for body in _bodies(fn):
            run_start = None
            for stmt in body:
                if not isinstance(stmt, ast.Import | ast.ImportFrom):
                    run_start = None
                    continue
                run_start = run_start or stmt.lineno
                own = set(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
                if _is_project_import(stmt) and not own & comments and (
                    run_start - 1 not in comments
                ):
                    found.append(f"{name}:{stmt.lineno}: {ast.unparse(stmt)}")
    return sorted(set(found))


def _bodies(fn: ast.AST) -> list[list[ast.stmt]]:
    """Every statement list inside ``fn`` (its body, branches, loops, with, try)."""
    out = []
    for node in ast.walk(fn):
        for field in ("body", "orelse", "finalbody", "handlers"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                out.append(value)
    return out


def test_function_level_project_imports_say_why() -> None:
    files = [f for p in PACKAGES for f in sorted((ROOT / p).rglob("*.py"))
             if "migrations" not in f.parts]
    assert len(files) > 100
    found = [
        hit
        for f in files
        for hit in unexplained_function_imports(f.read_text("utf-8"), str(f.relative_to(ROOT)))
    ]
    assert found == [], (
        "move these imports to the top of the module, or say on the line above why they "
        "wait (start-up cost...):\n" + "\n".join(found)
    )


def test_the_import_check_reads_comments() -> None:
    source = '''
def a():
    from pos_app.core import staff
    import json

def b():
    # Qt only when the app opens
    import os

    from pos_app.ui import app

def c():
    from pos_app import demo  # the demo data only for an empty folder
    if True:
        import receipts.records
'''
    assert unexplained_function_imports(source, "m.py") == [
        "m.py:15: import receipts.records",
        "m.py:3: from pos_app.core import staff",
    ]
