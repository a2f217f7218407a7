"""Errors the terminal shows to staff: each says what is wrong in one line."""


class PosError(ValueError):
    """Bad input or a business rule refused; nothing was written."""


class NotFound(PosError):
    pass


class NotAllowed(PosError):
    """The staff member's role may not do this without approval."""
