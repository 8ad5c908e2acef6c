"""``@record`` behaves like the ``dataclasses`` features it replaces."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from healthlint.records import FrozenInstanceError, field, record


@record(slots=True)
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


@record(slots=True, frozen=True)
class Key:
    name: str
    n: int = 1


@record
class Plain:
    a: str
    b: dict[str, int] = field(default_factory=dict)
    c: str = "c"

    def __post_init__(self) -> None:
        self.a = self.a.upper()


@dataclasses.dataclass(slots=True)
class DcPoint:
    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)


def test_init_defaults_and_factories() -> None:
    p, q = Point(1), Point(2, 3, ["t"])
    assert (p.x, p.y, p.tags) == (1, 0, [])
    assert (q.x, q.y, q.tags) == (2, 3, ["t"])
    p.tags.append("mine")
    assert Point(1).tags == []  # a fresh list for each instance
    assert Point(x=4, tags=["k"]).tags == ["k"]
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_same_repr_and_equality_as_dataclasses() -> None:
    assert repr(Point(1, 2, ["a"])).replace("Point", "DcPoint") == repr(DcPoint(1, 2, ["a"]))
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(1, 3)
    assert Point(1) != DcPoint(1)
    assert Point.__match_args__ == ("x", "y", "tags")


def test_slots_and_unhashable_when_mutable() -> None:
    p = Point(1)
    with pytest.raises(AttributeError):
        p.z = 1  # type: ignore[attr-defined]
    assert not hasattr(p, "__dict__")
    with pytest.raises(TypeError):
        hash(p)


def test_frozen_records_are_hashable_and_read_only() -> None:
    k = Key("a")
    assert hash(k) == hash(Key("a", 1)) and {k: 1}[Key("a")] == 1
    with pytest.raises(FrozenInstanceError):
        k.name = "b"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del k.n


def test_pickle_round_trip() -> None:
    for obj in (Point(1, 2, ["x"]), Key("k", 3), Plain("a", {"b": 1})):
        assert pickle.loads(pickle.dumps(obj)) == obj


def test_post_init_and_class_defaults() -> None:
    p = Plain("low")
    assert p.a == "LOW" and p.b == {} and p.c == "c"
    assert Plain.c == "c"  # plain defaults stay on the class, as with dataclasses
    assert p.__dict__ == {"a": "LOW", "b": {}, "c": "c"}


def test_field_without_default_after_default_is_refused() -> None:
    with pytest.raises(TypeError):
        @record
        class Bad:
            a: int = 1
            b: int


def test_field_default_and_hidden_from_repr() -> None:
    @record
    class Memo:
        a: int
        _cache: dict[str, int] | None = field(default=None, repr=False)

    m = Memo(1)
    assert m._cache is None and repr(m).endswith(".Memo(a=1)") and Memo(1, {}) != m


def test_replace_copies_with_changes() -> None:
    from healthlint.records import replace

    p = Point(1, 2, ["t"])
    q = replace(p, y=5)
    assert q == Point(1, 5, ["t"]) and p == Point(1, 2, ["t"]) and replace(Key("a"), n=2) == Key("a", 2)
