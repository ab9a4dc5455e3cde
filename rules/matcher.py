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

from ..experta_compat import (Activation, ConflictSetNode, ExpertaFact, FactCapture, FeatureCheck,
                              FeatureTesterNode, NotNode, OrdinaryMatchNode, ReteMatcher, Token,
                              TypeCheck, WhereNode)

VALID = Token.TagType.VALID
INVALID = Token.TagType.INVALID


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
        if all(isinstance(k, str) for k in context):
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
                self.added[key] = Activation(self.rule, data, dict(bound))
        else:
            if info not in self.memory:
                return
            self.memory.discard(info)
            if self.added.pop(key, None) is None:
                self.removed[key] = Activation(self.rule, data, dict(bound))
        self.dirty.append(self)

    def get_activations(self):
        res = (list(self.added.values()), list(self.removed.values()))
        self.added = {}
        self.removed = {}
        return res


LEAN = {OrdinaryMatchNode: LeanMatchNode, NotNode: LeanNotNode, WhereNode: LeanWhereNode,
        ConflictSetNode: LeanConflictSetNode}


class ReusableReteMatcher(ReteMatcher):
    def __init__(self, *args, **kwargs):
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

    def changes(self, adding=None, deleting=None):
        if self._routes is None:
            result = super().changes(adding, deleting)
            self._dirty.clear()  # experta's own changes() has asked every conflict set
            return result
        routes = self._routes
        for tag, facts in ((INVALID, deleting), (VALID, adding)):
            for fact in facts or ():
                tests = routes.get(type(fact))
                if tests:  # no rule tests facts of this type: nothing to match
                    token = _token(tag, {fact}, {})
                    for test in tests:
                        _walk(test, fact, token)
        added, removed = [], []
        for csn in dict.fromkeys(self._dirty):
            c_added, c_removed = csn.get_activations()
            added.extend(c_added)
            removed.extend(c_removed)
        self._dirty.clear()
        return added, removed

    def reset(self):
        for node in self._touched:
            node._reset()
        self._touched.clear()
        for node in self._others:  # nodes of a kind this module has no lean version of
            node._reset()
        self._dirty.clear()


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


def _alpha(node):
    """A feature-test node as (test, [(sub-test or None, callback)]), built once."""
    children = [(_alpha(child.node) if isinstance(child.node, FeatureTesterNode) else None,
                 child.callback) for child in node.children]
    return _compiled(node.matcher), children


def _compiled(check):
    """experta's alpha checks without the log record they build on every call."""
    if isinstance(check, TypeCheck):
        fact_type = check.fact_type
        return lambda fact: type(fact) is fact_type
    if isinstance(check, FactCapture):
        bind = check.bind
        return lambda fact: {bind: fact}
    if isinstance(check, FeatureCheck) and isinstance(check.what, str) and "__" not in check.what:
        what, test, expected = check.what, check.check, check.expected

        def feature(fact):
            try:
                record = fact[what]
            except (IndexError, KeyError, TypeError):
                return False
            return test(record, expected)
        return feature
    return check  # nested keys and anything unforeseen: experta's own check


def _walk(alpha, fact, token):
    """experta's FeatureTesterNode._activate, walked without a copy per node."""
    test, children = alpha
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
        # A new context; the fact set is shared, as no node ever changes a token's set in place.
        token = _token(token[0], token[1], {**context, **match})
    for sub, callback in children:
        if sub is None:
            callback(token)
        else:
            _walk(sub, fact, token)


def _no_memory_reset(node):
    """The _reset of experta's NoMemory mixin, if the node's class uses it."""
    for cls in type(node).__mro__:
        if cls.__name__ == "NoMemory":
            return cls._reset
    return None
