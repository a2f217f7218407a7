"""``pos catalog import``: add and update items from a CSV file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core import catalog, staff
from pos_app.core.terminal import Terminal


def add_catalog(parser: argparse.ArgumentParser) -> None:
    cat = subcommands(parser)
    x = cat.add_parser("import", help="import or update items from CSV")
    x.add_argument("file")
    x.add_argument("--progress", action="store_true", help="report progress on stderr")
    x.set_defaults(func=cmd_catalog_import)


def cmd_catalog_import(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "catalog_import")
    show = args.progress or (not args.json and sys.stderr.isatty())

    def progress(done: int, total: int) -> None:
        if show:
            print(tr("out.catalog_progress", done=done, total=total), file=sys.stderr,
                  flush=True)

    with t.tx() as s:  # a refused file (any bad row) rolls back all that was written
        rep = catalog.import_file(s, Path(args.file), t.now(), progress)
        staff.audit(s, t.now(), who, "catalog_import", Path(args.file).name, rep.__dict__)
    emit(
        args,
        rep.__dict__,
        lambda: print(
            tr("out.catalog_imported", rows=rep.rows, added=rep.added, updated=rep.updated,
               unchanged=rep.unchanged)
        ),
    )
    return 0
