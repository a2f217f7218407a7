"""Store terminal: core domain (pos_app.core), command line (pos_app.cli) and Qt app."""

__version__ = "0.1.0"
