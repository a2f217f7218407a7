"""Device adapters of the store terminal: scanners, card readers, printer, drawer, pole display.

No Qt here. The UI talks to :class:`devices.manager.DeviceManager`; see docs/devices.md.
"""
