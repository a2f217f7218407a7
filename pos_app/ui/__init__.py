"""The cashier app (PySide6): one module per screen, thin over :mod:`pos_app.core`.

Database work runs on the one database thread of :mod:`pos_app.ui.worker`; devices are
reached through :mod:`pos_app.ui.device_bridge`.
"""
