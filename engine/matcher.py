"""A leaner Rete matcher for a network that is built once and reset for every consultation.

experta builds the network (the same nodes, wired the same way, from the same rules); this
module only changes how tokens travel through it. Profiling (cProfile, see ``make bench``) showed
experta's matcher spending most of a consultation on bookkeeping around the matching itself:

* every new fact went to *every* top-level type test; here it goes straight to its type's tests;
* every node copied each token on arrival, every memory stored tokens as frozensets and turned
  them back into dicts on every comparison, and every test and pairing wrote a log record (even
  with logging off, the record's arguments were built); here tokens are copied only where a
  binding changes them, memories keep the token's own set and dict, and nothing is logged;
* after every change *every* rule's conflict-set node was asked for news; here only the nodes
  that received a token since the last question are asked;
* ``reset`` walked the whole network recursively, visiting shared nodes again and again; here
  each node with memory reports the first time it remembers something, and a reset wipes only
  those.

Matching semantics are untouched: the same nodes see the same tokens in the same order, joins
and negations pair the same contexts with experta's own SameContextCheck, and the conflict sets
produce the same activations. The test suite compares this matcher with experta's own over a
stratified sample of the input space (tests/test_invariants.py).
"""

import contextlib
import functools
import itertools
import threading

from .compat import (Activation, ConflictSetNode, ExpertaFact, FactCapture, FeatureCheck,
                              FeatureTesterNode, NotNode, OrdinaryMatchNode, ReteMatcher, Token,
                              TypeCheck, WhereNode)

_STR = itertools.repeat(str)  # all(map(isinstance, keys, _STR)): every key a name

VALID = Token.TagType.VALID
INVALID = Token.TagType.INVALID

# Held while a network is built. Building writes state that every engine of the process shares:
# experta's interned checks (TypeCheck._instances and the like, filled check-then-set), the rule
# objects of the engine class (experta's Rule.__get__ stores the engine on them), and, for the
# whole build, functools._compose_mro itself (_c3_merges_shared). Two builds at once, in two
# threads, would interleave those; one at a time, they cannot. Consultations never take it.
BUILD_LOCK = threading.RLock()


class LeanToken(Token):
    """experta's Token without the type assertions on every creation and copy."""
    __slots__ = ()

    def __new__(cls, tag, data, context=None):
        data = {data} if isinstance(data, ExpertaFact) else set(data)
        return tuple.__new__(cls, (tag, data, {} if context is None else context))

    def copy(self):
        return tuple.__new__(type(self), (self[0], self[1].copy(), self[2].copy()))


def _token(tag, data, context):
    return tuple.__new__(LeanToken, (tag, data, context))


def _forget(memory, data, context):
    """Remove one remembered (data, context) pair, as experta's ``remove(token.to_info())``."""
    for i, entry in enumerate(memory):
        if entry[0] == data and entry[1] == context:
            del memory[i]
            return entry
    return None


class _Remembers:
    """A node with memory tells the matcher when it first remembers something, so that a reset
    wipes only the nodes a consultation used."""

    touched = None  # the matcher's list, set when the matcher adopts the node


class LeanMatchNode(_Remembers, OrdinaryMatchNode):
    """Join: pairs each token with the compatible tokens remembered on the other side."""

    def _reset(self):
        self.left_memory = []
        self.right_memory = []

    def activate_left(self, token):
        self._pair(token, self.left_memory, self.right_memory, True)

    def activate_right(self, token):
        self._pair(token, self.right_memory, self.left_memory, False)

    def _pair(self, token, own, other, is_left):
        tag, data, context = token
        if tag is VALID:
            if not (self.left_memory or self.right_memory):
                self.touched.append(self)
            own.append((data, context))
        else:
            _forget(own, data, context)
        same = self.matcher
        for other_data, other_context in other:
            if same(context, other_context) if is_left else same(other_context, context):
                joined = {k: v for k, v in context.items() if isinstance(k, str)}
                for k, v in other_context.items():
                    if not isinstance(k, tuple):  # negated values are not needed any further
                        joined[k] = v
                new = _token(tag, data | other_data, joined)
                for child in self.children:
                    child.callback(new)


class LeanNotNode(_Remembers, NotNode):
    """Negation: passes a left token on while no compatible right token exists."""

    def _reset(self):
        self.left_memory = []   # [data, context, number of compatible right tokens]
        self.right_memory = []  # (data, context)

    def activate_left(self, token):
        tag, data, context = token
        same = self.matcher
        if tag is VALID:
            if not (self.left_memory or self.right_memory):
                self.touched.append(self)
            count = sum(1 for _, right in self.right_memory if same(context, right))
            self.left_memory.append([data, context, count])
        else:
            _forget(self.left_memory, data, context)
            count = any(same(context, right) for _, right in self.right_memory)
        if not count:
            for child in self.children:
                child.callback(token)

    def activate_right(self, token):
        tag, data, context = token
        if tag is VALID:
            if not (self.left_memory or self.right_memory):
                self.touched.append(self)
            self.right_memory.append((data, context))
            inc = 1
        else:
            _forget(self.right_memory, data, context)
            inc = -1
        same = self.matcher
        for entry in self.left_memory:
            if same(entry[1], context):
                entry[2] += inc
                if entry[2] == 0 and inc == -1:
                    new = LeanToken.valid(entry[0], dict(entry[1]))
                elif entry[2] == 1 and inc == 1:
                    new = LeanToken.invalid(entry[0], dict(entry[1]))
                else:
                    continue
                for child in self.children:
                    child.callback(new)


class LeanWhereNode(WhereNode):
    """TEST(...): calls the test with the bound names it asks for."""

    def activate(self, token):
        context = token[2]
        where = self.matcher
        if where.test(**{k: context.get(k) for k in where.parameters}):
            for child in self.children:
                child.callback(token)


class _Activation(Activation):
    """experta's Activation, keeping the conflict set's frozen fact set instead of copying it
    into a new set (nothing changes an activation's facts; a set and a frozenset compare
    equal)."""

    def __init__(self, rule, facts, context):
        self.rule = rule
        self.facts = facts
        self.key = None
        self.context = context


class LeanConflictSetNode(_Remembers, ConflictSetNode):
    """A rule's conflict set: the activations added and removed since the engine last asked."""

    dirty = None  # the matcher's list of nodes to ask, set when the matcher adopts the node

    def _reset(self):
        self.memory = set()
        self.added = {}
        self.removed = {}

    def activate(self, token):
        tag, data, context = token
        data = frozenset(data)
        info = (data, frozenset(context.items()))
        if all(map(isinstance, context, _STR)):
            key, bound = info, context
        else:
            bound = {k: v for k, v in context.items() if isinstance(k, str)}
            key = (data, frozenset(bound.items()))
        if tag is VALID:
            if info in self.memory:
                return
            if not self.memory:
                self.touched.append(self)
            self.memory.add(info)
            if self.removed.pop(key, None) is None:
                self.added[key] = _Activation(self.rule, data, dict(bound))
        else:
            if info not in self.memory:
                return
            self.memory.discard(info)
            if self.added.pop(key, None) is None:
                self.removed[key] = _Activation(self.rule, data, dict(bound))
        self.dirty.append(self)

    def get_activations(self):
        res = (list(self.added.values()), list(self.removed.values()))
        self.added = {}
        self.removed = {}
        return res


LEAN = {OrdinaryMatchNode: LeanMatchNode, NotNode: LeanNotNode, WhereNode: LeanWhereNode,
        ConflictSetNode: LeanConflictSetNode}


class ReusableReteMatcher(ReteMatcher):
    """experta's ReteMatcher with the lean nodes. Its memories belong to one consultation at a
    time: an engine and its matcher must only ever be used by one thread (the package gives
    every thread an engine of its own)."""

    def __init__(self, *args, **kwargs):
        with BUILD_LOCK:
            self._build(*args, **kwargs)

    def _build(self, *args, **kwargs):
        with _c3_merges_shared():
            super().__init__(*args, **kwargs)
        self._dirty = []
        self._touched = []
        nodes = _all_nodes(self.root_node)
        for node in nodes:
            lean = LEAN.get(type(node))
            if lean is not None:
                node.__class__ = lean
                node._reset()
            if isinstance(node, _Remembers):
                node.touched = self._touched
            if isinstance(node, LeanConflictSetNode):
                node.dirty = self._dirty
        for node in nodes:  # callbacks were bound to the old classes' methods
            node.children = [type(child)(child.node, getattr(child.node, child.callback.__name__))
                             for child in node.children]
        self._others = [node for node in nodes if type(node)._reset is not _no_memory_reset(node)
                        and not isinstance(node, _Remembers)]
        self._routes = {}
        for child in self.root_node.children:
            check = getattr(child.node, "matcher", None)
            if not isinstance(check, TypeCheck):  # an unexpected network shape: do not route
                self._routes = None
                break
            self._routes.setdefault(check.fact_type, []).append(_alpha(child.node))
        if self._routes is not None:  # routed by exact type: the type test itself is skipped
            self._routes = {fact_type: walks[0] if len(walks) == 1 else _both(walks)
                            for fact_type, walks in self._routes.items()}

    def changes(self, adding=None, deleting=None):
        if self._routes is None:
            result = super().changes(adding, deleting)
            self._dirty.clear()  # experta's own changes() has asked every conflict set
            return result
        routes = self._routes
        for fact in deleting or ():
            walk = routes.get(type(fact))
            if walk is not None:
                walk(fact, _token(INVALID, {fact}, {}))
        for fact in adding or ():
            walk = routes.get(type(fact))
            if walk is not None:  # no rule tests facts of this type: nothing to match
                walk(fact, _token(VALID, {fact}, {}))
        added, removed = [], []
        dirty = self._dirty
        if dirty:
            for csn in dict.fromkeys(dirty) if len(dirty) > 1 else dirty:
                if csn.added:
                    added += csn.added.values()
                    csn.added = {}
                if csn.removed:
                    removed += csn.removed.values()
                    csn.removed = {}
            dirty.clear()
        return added, removed

    def reset(self):
        for node in self._touched:
            node._reset()
        self._touched.clear()
        for node in self._others:  # nodes of a kind this module has no lean version of
            node._reset()
        self._dirty.clear()


@contextlib.contextmanager
def _c3_merges_shared():
    """While experta builds the network, compute each class's dispatch order once per set of
    registered types, not once per singledispatch function.

    experta's wire_rule makes a new singledispatch function for every rule. All of them register
    the same types, and each works out its implementation for every element type it meets from
    scratch: functools merges the class's MRO with the registered types (C3) each time. That was
    about a quarter of the engine's build, and so of every cold start. The merge depends only on
    the class and the registered types, so it is computed once and shared; the rest of
    functools' lookup runs unchanged.

    The patch is process-wide: only ever enter this holding BUILD_LOCK, or two builds at once
    could restore each other's patch and leave it in place for good. A singledispatch call in
    another thread meanwhile gets the same answer through the shared merge.
    """
    compose = functools._compose_mro
    merged = {}

    def shared(cls, types):
        key = (cls, tuple(types))
        if key not in merged:
            merged[key] = compose(cls, types)
        return list(merged[key])

    functools._compose_mro = shared
    try:
        yield
    finally:
        functools._compose_mro = compose


def _both(walks):
    def both(fact, token):
        for walk in walks:
            walk(fact, token)
    return both


def _all_nodes(root):
    """Every node of the network once, parents before children."""
    seen, order, stack = set(), [], [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(child.node for child in node.children)
    return order


_MISSING = object()


def _alpha(node):
    """The part of the alpha network below ``node`` as one function ``(fact, token)``.

    Built once per engine. Among a node's children, equality tests of one field against
    different literals (season_phase == "pre_season", == "in_season", ...) become a single dict
    lookup, the classic Rete alpha-network index; every other test is compiled into a closure.
    """
    callbacks, walkers, index = [], [], {}
    for child in node.children:
        sub = child.node
        if not isinstance(sub, FeatureTesterNode):
            callbacks.append(child.callback)
            continue
        literal = _indexable(sub.matcher)
        if _anonymous_capture(sub.matcher):
            walkers.append(_alpha(sub))
        elif literal is None:
            walkers.append(_tested(sub))
        else:
            what, value = literal
            index.setdefault(what, {}).setdefault(value, []).append(_alpha(sub))
    walkers += [_lookup(what, table) for what, table in index.items()]
    if not callbacks and len(walkers) == 1:  # most nodes: one test below, nothing else
        return walkers[0]
    if not walkers and len(callbacks) == 1:
        callback = callbacks[0]

        def only(fact, token):
            callback(token)
        return only

    def children(fact, token):
        for callback in callbacks:
            callback(token)
        for walk in walkers:
            walk(fact, token)
    return children


def _lookup(what, table):
    table = {value: walks[0] if len(walks) == 1 else _both(walks) for value, walks in table.items()}

    def lookup(fact, token):
        try:
            walk = table.get(fact.get(what, _MISSING))
        except TypeError:  # an unhashable value equals none of the (hashable) literals
            return
        if walk is not None:
            walk(fact, token)
    return lookup


_WHOLE_FACT = object()


def _tested(node):
    """A feature-test node: its test, then its children with the bindings the test made."""
    children = _alpha(node)
    single = _single(node.matcher)
    if single is not None:
        return _tested_single(children, *single)
    test = _compiled(node.matcher)

    def tested(fact, token):
        match = test(fact)
        if not match:
            return
        if match is not True:  # a mapping of bindings
            context = token[2]
            for key, value in match.items():
                if isinstance(key, tuple):  # a negated binding
                    if key[1] in context and context[key[1]] == value:
                        return
                else:
                    if context.get(key, value) != value:
                        return
                    if (False, key) in context and context[(False, key)] == value:
                        return
            # A new context; the fact set is shared, as no node changes a token's set in place.
            token = _token(token[0], token[1], {**context, **match})
        children(fact, token)
    return tested


def _single(check):
    """(field, accept, name) for the tests most patterns are made of: one field's value
    accepted by a literal, a predicate or anything, and bound to at most one name; or a named
    capture of the whole fact (``AS.x << ...``). None for anything else."""
    if isinstance(check, FactCapture) and not _anonymous_capture(check):
        return _WHOLE_FACT, None, check.bind
    if _plain_field(check) is None:
        return None
    simple = _simple(check)
    if simple is None or simple == (None, None):  # composite, or an unbound wildcard
        return None
    return (check.what, *simple)


def _tested_single(children, what, accept, name):
    """experta's feature test and binding for one field and one name, without the mapping the
    check returns and the loop over it."""
    def tested(fact, token):
        if what is _WHOLE_FACT:
            value = fact
        else:
            try:
                value = fact[what]
            except (IndexError, KeyError, TypeError):
                return
            if accept is not None and not accept(value):
                return
            if name is None:
                children(fact, token)
                return
        context = token[2]
        if name in context and context[name] != value:
            return
        if (False, name) in context and context[(False, name)] == value:
            return
        children(fact, _token(token[0], token[1], {**context, name: value}))
    return tested


def _anonymous_capture(check):
    """experta binds the fact of every pattern without ``AS`` to a name of its own,
    ``__pattern_<id>__``, that nothing reads: rules never receive names starting with two
    underscores, and no other pattern can share the name, so it constrains no join. Passing
    the token on unchanged saves a context copy per pattern a fact matches."""
    return isinstance(check, FactCapture) and isinstance(check.bind, str) \
        and check.bind.startswith("__pattern_")


def _plain_field(check):
    """The field a FeatureCheck reads when experta reads it as ``fact[what]``, else None."""
    what = getattr(check, "what", None)
    if isinstance(check, FeatureCheck) and isinstance(what, str) and "__" not in what \
            and not what.isnumeric():
        return what
    return None


def _indexable(check):
    """(field, literal) for an equality test without a binding, else None."""
    if _plain_field(check) is None or check.check.__name__ != "equal_literal":
        return None
    literal = check.expected
    if literal.__bind__ is not None:
        return None
    try:
        hash(literal.value)
    except TypeError:
        return None
    return check.what, literal.value


def _compiled(check):
    """experta's alpha checks without the log record they build on every call."""
    if isinstance(check, TypeCheck):
        fact_type = check.fact_type
        return lambda fact: type(fact) is fact_type
    if isinstance(check, FactCapture):
        bind = check.bind
        return lambda fact: {bind: fact}
    what = _plain_field(check)
    if what is not None:
        test = _value_test(check)

        def feature(fact):
            try:
                record = fact[what]
            except (IndexError, KeyError, TypeError):
                return False
            return test(record)
        return feature
    return check  # nested keys and anything unforeseen: experta's own check


def _simple(check):
    """(accept, name) for experta's three simple checks of a value: a literal, a predicate, or
    anything (accept None); each binds at most one name. None for the composite checks."""
    kind, expected = check.check.__name__, check.expected
    if kind == "equal_literal":
        value = expected.value
        return (lambda actual: value == actual), expected.__bind__
    if kind == "match_predicate":
        return expected.match, expected.__bind__
    if kind == "wildcard_match":
        return None, expected.__bind__
    return None


def _value_test(check):
    """A FeatureCheck's test of the field's value, as experta's check functions compute it, or
    experta's own check function where its kind is not one of these."""
    kind, expected = check.check.__name__, check.expected
    simple = _simple(check)
    if simple is not None:
        accept, bind = simple
        if accept is None:
            return (lambda actual: True) if bind is None else (lambda actual: {bind: actual})
        if bind is None:
            return lambda actual: bool(accept(actual))
        return lambda actual: {bind: actual} if accept(actual) else False
    if kind == "or_match":
        tests = [_value_test(sub) for sub in expected]

        def any_of(actual):
            for test in tests:
                result = test(actual)
                if result:
                    return result
            return False
        return any_of
    if kind == "and_match":
        tests = [_value_test(sub) for sub in expected]

        def all_of(actual):
            bound = {}
            for test in tests:
                result = test(actual)
                if result is False:
                    return False
                if result is not True:
                    if not isinstance(result, dict):
                        raise TypeError("Bad check value.")
                    bound.update(result)
            return bound or True
        return all_of
    if kind == "not_equal":
        test = _value_test(expected)

        def negated(actual):
            result = test(actual)
            if isinstance(result, dict):
                return {(False, k): v for k, v in result.items()}
            return not result
        return negated
    return lambda actual: check.check(actual, expected)


def _no_memory_reset(node):
    """The _reset of experta's NoMemory mixin, if the node's class uses it."""
    for cls in type(node).__mro__:
        if cls.__name__ == "NoMemory":
            return cls._reset
    return None
