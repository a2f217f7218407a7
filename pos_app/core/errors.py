"""Errors the terminal shows to staff: each says what is wrong in one line, and carries a
stable code with named parameters (``pos_app.core.messages``) so the app and the command
line show it in the chosen language."""

from __future__ import annotations

from typing import Any

from pos_app.core.messages import MESSAGES, Msg, plain


class CodedError(ValueError):
    """A refusal with a code from :data:`~pos_app.core.messages.MESSAGES`.

    ``CodedError("member.phone_taken", phone="138****8000")`` (a code and its parameters),
    ``CodedError(msg)`` (a :class:`Msg` made earlier), or free text (code ``error``; for
    words from outside the core, such as a device library's)."""

    code: str
    params: dict[str, Any]

    def __init__(self, code_or_text: str, /, **params: Any) -> None:
        if isinstance(code_or_text, Msg):
            msg = code_or_text
        elif code_or_text in MESSAGES and code_or_text != "error":
            msg = Msg(code_or_text, **params)
        else:
            msg = Msg("error", text=str(code_or_text))
        super().__init__(str(msg))
        self.msg = msg
        self.code = msg.code
        self.params = msg.params

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": str(self), "params": plain(self.params)}


class PosError(CodedError):
    """Bad input or a business rule refused; nothing was written."""


class NotFound(PosError):
    pass


class NotAllowed(PosError):
    """The staff member's role may not do this without approval."""


def message_of(e: BaseException) -> Msg:
    """The coded message of any error (free text for one from outside the core)."""
    if isinstance(e, CodedError):
        return e.msg
    return Msg("error", text=str(e))
