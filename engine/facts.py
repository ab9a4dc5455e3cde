"""Facts built the quick way, and catalogue data frozen once: exact but cheaper versions of
what experta's Fact and freeze() do for the plain values nearly every fact holds."""

from .compat import ConditionalElement, ExpertaFact, freeze, frozendict, frozenlist


class FrozenMapping(frozendict):
    """A mapping frozen once, ahead of time; experta's freeze() passes it through unchanged.

    frozendict 1.2 inherits items(), values(), get() and == from the Mapping ABC, which go
    through Python-level views and build two dicts to compare; here they ask the wrapped dict.
    """

    def items(self):
        return self._dict.items()

    def keys(self):
        return self._dict.keys()

    def values(self):
        return self._dict.values()

    def get(self, key, default=None):
        return self._dict.get(key, default)

    def __eq__(self, other):
        if isinstance(other, frozendict):
            return self._dict == other._dict
        return super().__eq__(other)

    __hash__ = frozendict.__hash__  # defining __eq__ would otherwise drop it


class FrozenList(frozenlist):
    """A list frozen once, ahead of time; experta's freeze() passes it through unchanged."""


# experta's documented extension point: register how a type freezes. Without these, every fact
# built from catalogue data would re-freeze the whole nested structure on every consultation.
freeze.register(FrozenMapping)(lambda value: value)
freeze.register(FrozenList)(lambda value: value)


# What experta's freeze() returns unchanged: building a fact from these needs no dispatch.
_KEPT_AS_IS = frozenset({str, int, float, bool, type(None), tuple, FrozenMapping, FrozenList})


class Fact(ExpertaFact):
    """experta's Fact, built without a singledispatch call per field.

    experta's constructor sets every field through ``__setitem__``, which freezes the value with
    a singledispatch function; for the strings, numbers, tuples and frozen catalogue data that
    make up nearly every fact here, freeze() returns the value unchanged, so skip the call. Any
    other value is frozen exactly as experta would; positional fields take experta's own path.
    """

    def __init__(self, *args, **kwargs):
        if args:
            super().__init__(*args, **kwargs)
            return
        if _KEPT_AS_IS.issuperset(map(type, kwargs.values())):  # nearly always: one copy
            dict.update(self, kwargs)
        else:
            for key, value in kwargs.items():
                dict.__setitem__(self, key, value if type(value) in _KEPT_AS_IS else freeze(value))
        self._Fact__defaults = {}

    def __hash__(self):
        # experta's hash (of the items, worked out on first use and kept), found without the
        # AttributeError experta raises and catches the first time, for every fact.
        found = self.__dict__.get("_hash")
        if found is None:
            found = self._hash = hash(frozenset(self.items()))
        return found

    # experta runs these two checks on every declared fact; same answers, fewer calls. (A
    # conditional element is a tuple subclass, never one of the exact types kept as they are.)
    def has_field_constraints(self):
        if _KEPT_AS_IS.issuperset(map(type, self.values())):  # nearly every fact: no loop
            return False
        return any(type(v) not in _KEPT_AS_IS and isinstance(v, ConditionalElement)
                   for v in self.values())

    def has_nested_accessor(self):
        if not has_dunder_key(self):  # stripping underscores cannot create a "__"
            return False
        return any("__" in (k if k.__class__ is str else str(k)).strip("_") for k in self)


def has_dunder_key(fact):
    """Whether any key of ``fact`` holds "__" (True for positional, non-string keys). One join
    and one search, instead of a Python-level look at every key."""
    try:
        return "__" in "\0".join(fact)
    except TypeError:
        return True


def frozen_pairs(mapping):
    """A mapping's items as a tuple of (key, frozen value) pairs: hashable, as every value of a
    fact must be, and for the plain values nearly every message has, built in one step (a
    frozen mapping per message cost more than the rest of the fact)."""
    if _KEPT_AS_IS.issuperset(map(type, mapping.values())):
        return tuple(mapping.items())
    return tuple((k, freeze_once(v)) for k, v in mapping.items())


def freeze_once(value):
    """Deep-freeze catalogue data into types that freeze() will not copy again."""
    if isinstance(value, dict):
        return FrozenMapping((k, freeze_once(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return FrozenList(freeze_once(v) for v in value)
    return value
