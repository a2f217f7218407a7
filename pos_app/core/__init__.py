"""The core: money, program, catalog, pricing, members, points, stored value, ledger.

Imports no Qt, no device library and no network code (an import-linter contract in
pyproject.toml keeps it so).
"""
