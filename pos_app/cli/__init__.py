"""The ``pos`` command line, laid out as pip's: a thin entry (:func:`main`, in
:mod:`.entry`), the parser with the table of commands (:mod:`.parser`, :mod:`.commands`),
one home for exit codes and errors (:mod:`.errors`) and for output (:mod:`.output`,
:mod:`.views`), what every command runs with (:mod:`.context`), and one module per
command group (``member``, ``sale``, ``hq``, ...), imported only when its command runs.

``pos_app.cli:main`` is the console script's entry point. Import nothing else here:
every module of the package runs this file first.
"""

from pos_app.cli.entry import main

__all__ = ["main"]
