"""The ``pos`` command line, laid out as pip's: a thin entry (:mod:`.main`), the parser
with the table of commands (:mod:`.parser`, :mod:`.commands`), one home for exit codes
and errors (:mod:`.errors`) and for output (:mod:`.output`, :mod:`.views`), what every
command runs with (:mod:`.context`), and one module per command group (``member``,
``sale``, ``hq``, ...), imported only when its command runs.

Keep this file free of imports: every module of the package imports it first.
"""
