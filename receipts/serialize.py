"""A receipt document to JSON and back, exactly (money as strings, never floats).

Store the JSON of every printed document with its print job (keyed by receipt
number): a supervisor's reprint is ``reprint(from_json(stored))`` rendered again,
so it carries the 重印 / REPRINT mark, and an old receipt can be printed on the
other paper width.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import Any

from .document import ReceiptDocument

FORMAT = 1


def to_data(obj: Any) -> Any:
    """Plain JSON-able data: dataclasses as dicts, Decimal/datetime/date/Path as str."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, tuple | list):
        return [to_data(x) for x in obj]
    if obj is None or isinstance(obj, str | int | bool):
        return obj
    raise TypeError(f"cannot serialize {type(obj).__name__}: {obj!r}")


def from_data(cls: Any, data: Any, where: str = "") -> Any:
    """The inverse of :func:`to_data` for dataclass ``cls`` (ValueError naming the field)."""
    return _convert(cls, data, where or cls.__name__)


def _convert(tp: Any, v: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if v is None:
            if type(None) in args:
                return None
            raise ValueError(f"{where}: must not be null")
        if isinstance(v, int) and not isinstance(v, bool) and int in args:
            return v
        non_none = [a for a in args if a is not type(None)]
        if len(non_none) == 1:
            return _convert(non_none[0], v, where)
        last: Exception | None = None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _convert(arg, v, where)
            except ValueError as e:
                last = e
        raise ValueError(f"{where}: {v!r} fits none of {args}") from last
    if origin is tuple:
        if not isinstance(v, list):
            raise ValueError(f"{where}: expected a list, got {v!r}")
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], x, f"{where}[{i}]") for i, x in enumerate(v))
        if len(args) != len(v):
            raise ValueError(f"{where}: expected {len(args)} items, got {len(v)}")
        return tuple(_convert(a, x, f"{where}[{i}]") for i, (a, x) in enumerate(zip(args, v,
                                                                                    strict=True)))
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(v, dict):
            raise ValueError(f"{where}: expected an object, got {v!r}")
        hints = typing.get_type_hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in v:
                kwargs[f.name] = _convert(hints[f.name], v[f.name], f"{where}.{f.name}")
        unknown = set(v) - {f.name for f in dataclasses.fields(tp)}
        if unknown:
            raise ValueError(f"{where}: unknown fields {sorted(unknown)}")
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(v)
        except ValueError as e:
            raise ValueError(f"{where}: {v!r} is not a {tp.__name__}") from e
    if tp is Decimal:
        if not isinstance(v, str):
            raise ValueError(f"{where}: money must be a string like \"12.50\", got {v!r}")
        try:
            return Decimal(v)
        except InvalidOperation as e:
            raise ValueError(f"{where}: not a decimal: {v!r}") from e
    if tp is datetime:
        return datetime.fromisoformat(_str(v, where))
    if tp is date:
        return date.fromisoformat(_str(v, where))
    if tp is Path:
        return Path(_str(v, where))
    if tp is bool:
        if not isinstance(v, bool):
            raise ValueError(f"{where}: expected true/false, got {v!r}")
        return v
    if tp is int:
        if not isinstance(v, int) or isinstance(v, bool):
            raise ValueError(f"{where}: expected an integer, got {v!r}")
        return v
    if tp is str:
        return _str(v, where)
    raise ValueError(f"{where}: cannot read type {tp!r}")


def _str(v: Any, where: str) -> str:
    if not isinstance(v, str):
        raise ValueError(f"{where}: expected a string, got {v!r}")
    return v


def to_json(doc: ReceiptDocument) -> str:
    return json.dumps({"format": FORMAT, "document": to_data(doc)}, ensure_ascii=False,
                      sort_keys=True)


def from_json(text: str) -> ReceiptDocument:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"receipt JSON: expected format {FORMAT}, got {str(data)[:80]!r}")
    doc = from_data(ReceiptDocument, data["document"], "document")
    assert isinstance(doc, ReceiptDocument)
    return doc
