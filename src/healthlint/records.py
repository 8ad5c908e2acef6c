"""``@record``: the part of ``dataclasses.dataclass`` this package uses, built cheaply.

``dataclasses`` spends about half a millisecond on each class (and imports
``inspect``); a cold run defines two dozen such classes before linting a
3 kB draft, which is a noticeable share of a pre-commit hook's time. A record
gets the same generated ``__init__`` (defaults, ``field(default_factory=...)``,
``__post_init__``), field-wise ``__eq__`` and ``__repr__``, ``__match_args__``,
and optionally ``__slots__`` and frozen instances (which are hashable).
Fields are the class's own annotations, in order; records do not inherit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen record."""


_NEW = object()  # "no default"; as a parameter default: "call the factory"


class _Field:
    __slots__ = ("default", "make", "repr")

    def __init__(self, default: Any, make: Callable[[], Any] | None, repr: bool) -> None:
        self.default, self.make, self.repr = default, make, repr


def field(*, default: Any = _NEW, default_factory: Callable[[], Any] | None = None,
          repr: bool = True) -> Any:
    """A field with a default value or ``default_factory()`` per instance; ``repr=False`` hides it."""
    return _Field(default, default_factory, repr)


def record(cls: type[T] | None = None, /, *, slots: bool = False, frozen: bool = False) -> Any:
    """Decorate a class (``@record`` or ``@record(slots=True, frozen=True)``)."""

    def wrap(c: type[T]) -> type[T]:
        return _build(c, slots, frozen)

    return wrap if cls is None else wrap(cls)


def _build(cls: type[T], slots: bool, frozen: bool) -> type[T]:
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063 - inspect is what we avoid
    env: dict[str, Any] = {"_NEW": _NEW, "_set": object.__setattr__}
    params, body = [], []
    hidden, plain_defaults = [], {}
    for name in names:
        default = cls.__dict__.get(name, _NEW)
        if isinstance(default, _Field):
            if not default.repr:
                hidden.append(name)
            default = default if default.make else default.default
        value = name
        if isinstance(default, _Field):
            env[f"_f_{name}"] = default.make
            params.append(f"{name}=_NEW")
            value = f"_f_{name}() if {name} is _NEW else {name}"
        elif default is not _NEW:
            env[f"_d_{name}"] = plain_defaults[name] = default
            params.append(f"{name}=_d_{name}")
        elif any("=" in p for p in params):
            raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with a default")
        else:
            params.append(name)
        body.append(f"_set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    src = f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(body or ["pass"])
    exec(src, env)  # noqa: S102 - generated from the class's own field names, as dataclasses does
    ns = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__") and k not in names}
    ns.update(__init__=env["__init__"], __eq__=_eq, __repr__=_repr, __match_args__=names, _fields=names,
              _shown=tuple(n for n in names if n not in hidden))
    ns["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    if frozen:
        ns.update(__setattr__=_frozen_set, __delattr__=_frozen_del, __hash__=_hash)
    else:
        ns["__hash__"] = None
    if slots:
        ns["__slots__"] = names
        if frozen:
            ns.update(__getstate__=_getstate, __setstate__=_setstate)
    else:  # like dataclasses: plain defaults stay readable on the class
        ns.update(plain_defaults)
    new = type(cls)(cls.__name__, cls.__bases__, ns)
    new.__qualname__ = cls.__qualname__
    return new


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, n) for n in self._fields)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _repr(self: Any) -> str:
    inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._shown)
    return f"{self.__class__.__qualname__}({inner})"


def _hash(self: Any) -> int:
    return hash(_values(self))


def _frozen_set(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_del(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> tuple[Any, ...]:
    return _values(self)


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for n, v in zip(self._fields, state):
        object.__setattr__(self, n, v)


def replace(obj: T, **changes: Any) -> T:
    """A copy of the record ``obj`` with ``changes`` (as ``dataclasses.replace``)."""
    values = {n: getattr(obj, n) for n in obj._fields}  # type: ignore[attr-defined]
    values.update(changes)
    return type(obj)(**values)
