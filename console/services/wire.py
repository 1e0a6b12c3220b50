"""Values on the wire between a console and the console server: the service calls'
arguments, results and refusals as JSON, and back to the same Python values.

Self-describing, so that neither side needs type hints to read it: JSON's own types stand
for themselves (``None``, ``bool``, ``int``, ``float``, ``str``, lists, and objects whose
keys are strings not starting with ``$``); everything else is an object with a ``"$"``
tag:

- ``{"$": "tuple" | "set" | "frozenset", "v": [...]}``; ``{"$": "map", "v": [[k, v], ...]}``
  (a dict whose keys are not all plain strings);
- ``{"$": "datetime" | "date" | "time", "v": ISO 8601}`` (an aware time keeps its offset,
  and ``"z": "Asia/Shanghai"`` its zone when it has one),
  ``{"$": "timedelta", "v": seconds}``, ``{"$": "decimal", "v": "12.50"}``,
  ``{"$": "zone", "v": "Asia/Shanghai"}``, ``{"$": "bytes", "v": base64}``, a setting by
  its name ``{"$": "option", "v": "follow_up_days"}``;
- ``{"$": "enum", "t": TYPE, "v": value}``;
- ``{"$": "dc", "t": TYPE, "f": {field: value}}``: a dataclass (a record, a message code);
- ``{"$": "exc", "t": TYPE, "a": {parameter: value}}``: a refusal a service raised, made
  again on the other side with the same constructor arguments (read back from the
  attributes of the same names); ``TYPE`` ``builtins:ValueError`` and the other plain
  errors carry ``{"a": {"text": "…"}}``.

``TYPE`` is ``module:qualified name`` and is only ever looked up in this app's domain,
repository and service modules, and only dataclasses, enums and exceptions are made from
it (by calling their constructor with the fields): a reader never runs anything else the
wire names. Plain Python: no I/O.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import decimal
import enum
import importlib
import inspect
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.domain.options import BY_KEY, Option

#: Where a wire type may come from (never the window, the storage or the server).
TRUSTED = ("console.domain.", "console.repositories.", "console.services.")
#: Plain exceptions sent as their text.
PLAIN_ERRORS: dict[str, type[Exception]] = {
    e.__name__: e
    for e in (ValueError, LookupError, KeyError, PermissionError, RuntimeError, TimeoutError)
}


class WireError(ValueError):
    """What came over the wire is not a value of this protocol."""


class NotOnTheWire(TypeError):
    """A value that cannot be sent (a file, a function, an object that is not a record)."""


def _type_name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _resolve(name: object) -> type:
    if not isinstance(name, str) or ":" not in name:
        raise WireError(f"not a type name: {name!r}")
    module, _, qualname = name.partition(":")
    if module == "builtins" and qualname in PLAIN_ERRORS:
        return PLAIN_ERRORS[qualname]
    if not module.startswith(TRUSTED) or not all(p.isidentifier() for p in qualname.split(".")):
        raise WireError(f"{name!r} is not a type the protocol carries")
    try:
        found: Any = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        raise WireError(f"unknown type {name!r}") from None
    if not isinstance(found, type):
        raise WireError(f"{name!r} is not a type")
    return found


def encode(value: Any) -> Any:
    """*value* as JSON-ready data (NotOnTheWire for what cannot be sent)."""
    if isinstance(value, enum.Enum):  # before str and int: StrEnum, IntEnum
        _check_trusted(type(value))
        return {"$": "enum", "t": _type_name(type(value)), "v": encode(value.value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return {"$": "tuple", "v": [encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {"$": "frozenset", "v": [encode(v) for v in value]}
    if isinstance(value, set):
        return {"$": "set", "v": [encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {"$": "map", "v": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        if isinstance(value.tzinfo, ZoneInfo):  # keep the zone, not only today's offset
            return {"$": "datetime", "v": value.isoformat(), "z": value.tzinfo.key}
        return {"$": "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$": "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$": "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"$": "timedelta", "v": value.total_seconds()}
    if isinstance(value, decimal.Decimal):
        return {"$": "decimal", "v": str(value)}
    if isinstance(value, ZoneInfo):
        return {"$": "zone", "v": value.key}
    if isinstance(value, bytes):
        return {"$": "bytes", "v": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Option):  # a setting travels by its name
        return {"$": "option", "v": value.key}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        _check_trusted(type(value))
        return {
            "$": "dc",
            "t": _type_name(type(value)),
            "f": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)},
        }
    if isinstance(value, BaseException):
        return encode_error(value)
    raise NotOnTheWire(f"a {type(value).__name__} cannot be sent to or from the server")


def _check_trusted(cls: type) -> None:
    if not cls.__module__.startswith(TRUSTED):
        raise NotOnTheWire(f"{_type_name(cls)} is not a type the protocol carries")


def encode_error(exc: BaseException) -> dict[str, Any]:
    """A raised refusal on the wire. NotOnTheWire when it cannot be made again on the
    other side (its constructor's arguments are not all kept as attributes)."""
    cls = type(exc)
    if cls.__name__ in PLAIN_ERRORS and PLAIN_ERRORS[cls.__name__] is cls:
        text = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        return {"$": "exc", "t": f"builtins:{cls.__name__}", "a": {"text": text}}
    _check_trusted(cls)
    arguments: dict[str, Any] = {}
    for name, parameter in inspect.signature(cls.__init__).parameters.items():
        if parameter.kind is parameter.VAR_KEYWORD:  # **params, kept as self.params
            extra = getattr(exc, name, None)
            if isinstance(extra, dict) and all(isinstance(k, str) for k in extra):
                arguments.update({k: encode(v) for k, v in extra.items()})
            continue
        if name == "self" or parameter.kind is parameter.VAR_POSITIONAL:
            continue
        if not hasattr(exc, name):
            if parameter.default is not parameter.empty:
                continue
            raise NotOnTheWire(f"{_type_name(cls)} does not keep its argument {name!r}")
        arguments[name] = encode(getattr(exc, name))
    return {"$": "exc", "t": _type_name(cls), "a": arguments}


def decode(data: Any) -> Any:
    """The value :func:`encode` made (WireError when *data* is not such a value)."""
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        raise WireError(f"not a wire value: {type(data).__name__}")
    tag = data.get("$")
    if tag is None:
        return {k: decode(v) for k, v in data.items()}
    try:
        return _TAGS[tag](data)
    except KeyError:
        raise WireError(f"unknown wire tag {tag!r}") from None
    except (
        TypeError,
        ValueError,
        ZoneInfoNotFoundError,
        decimal.InvalidOperation,
        binascii.Error,
    ) as exc:
        if isinstance(exc, WireError):
            raise
        raise WireError(f"a {tag} that cannot be read: {exc}") from None


def _items(data: dict[str, Any]) -> list[Any]:
    found = data.get("v")
    if not isinstance(found, list):
        raise WireError("a list was expected")
    return [decode(v) for v in found]


def _enum(data: dict[str, Any]) -> enum.Enum:
    cls = _resolve(data.get("t"))
    if not issubclass(cls, enum.Enum):
        raise WireError(f"{data.get('t')!r} is not an enum")
    return cls(decode(data.get("v")))


def _dataclass(data: dict[str, Any]) -> Any:
    cls = _resolve(data.get("t"))
    given = data.get("f")
    if not dataclasses.is_dataclass(cls) or not isinstance(given, dict):
        raise WireError(f"{data.get('t')!r} is not a record")
    values = {k: decode(v) for k, v in given.items()}
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(values) - set(fields)
    if unknown:
        raise WireError(f"{data.get('t')!r} has no field {sorted(unknown)[0]!r}")
    made = cls(**{k: v for k, v in values.items() if fields[k].init})
    for name, value in values.items():
        if not fields[name].init:
            object.__setattr__(made, name, value)
    return made


def _error(data: dict[str, Any]) -> BaseException:
    cls = _resolve(data.get("t"))
    given = data.get("a")
    if not issubclass(cls, Exception) or not isinstance(given, dict):
        raise WireError(f"{data.get('t')!r} is not an error")
    if cls in PLAIN_ERRORS.values():
        return cls(str(given.get("text", "")))
    return cls(**{k: decode(v) for k, v in given.items()})


def _map(data: dict[str, Any]) -> dict[Any, Any]:
    pairs = _items(data)
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise WireError("a map is a list of [key, value] pairs")
    return {_hashable(k): v for k, v in pairs}


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _text(data: dict[str, Any]) -> str:
    found = data.get("v")
    if not isinstance(found, str):
        raise WireError("a text value was expected")
    return found


def _option(key: str) -> Option[Any]:
    try:
        return BY_KEY[key]
    except KeyError:
        raise WireError(f"there is no setting {key!r}") from None


def _datetime(data: dict[str, Any]) -> dt.datetime:
    value = dt.datetime.fromisoformat(_text(data))
    zone = data.get("z")
    if zone is None:
        return value
    if not isinstance(zone, str) or value.tzinfo is None:
        raise WireError("a time's zone must be a zone name, on an aware time")
    return value.astimezone(ZoneInfo(zone))


_TAGS: dict[str, Any] = {
    "tuple": lambda d: tuple(_items(d)),
    "set": lambda d: {_hashable(v) for v in _items(d)},
    "frozenset": lambda d: frozenset(_hashable(v) for v in _items(d)),
    "map": _map,
    "datetime": _datetime,
    "date": lambda d: dt.date.fromisoformat(_text(d)),
    "time": lambda d: dt.time.fromisoformat(_text(d)),
    "timedelta": lambda d: dt.timedelta(seconds=float(d.get("v"))),
    "decimal": lambda d: decimal.Decimal(_text(d)),
    "zone": lambda d: ZoneInfo(_text(d)),
    "bytes": lambda d: base64.b64decode(_text(d), validate=True),
    "option": lambda d: _option(_text(d)),
    "enum": _enum,
    "dc": _dataclass,
    "exc": _error,
}
