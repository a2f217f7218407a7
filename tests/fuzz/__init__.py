"""Fuzz tests (hypothesis; fixed example counts so CI stays fast). For a longer run,
multiply every count: ``FUZZ_SCALE=50 .venv/bin/pytest tests/fuzz`` (docs/reliability.md)."""

import os

SCALE = max(1, int(os.environ.get("FUZZ_SCALE", "1")))
