"""A leaner Rete matcher for a network that is built once and reset for every consultation.

experta's matcher is correct but does three things per consultation that cost more than the
reasoning itself (measured with cProfile; see ``make bench``):

* every new fact is copied to *every* top-level type test of the network, although only the
  tests for its own type can pass; here each fact goes straight to its type's subtree;
* after every change it asks *every* rule's conflict-set node for news; here only the nodes that
  received a token since the last question are asked;
* ``reset`` walks the whole network recursively, visiting shared nodes again and again; here the
  nodes that hold memory are collected once and wiped directly;
* every token is type-checked with assertions on creation and on each of its many copies; tokens
  made here skip the checks (the facts come from the engine, never from outside) and every copy
  keeps the lean class;
* in the alpha network (the one-input tests on a single fact) every node copies the token before
  testing it; here a fact is walked through its type's tests with one token, copied only where a
  test binds a variable (the only place a token changes). Nodes after the alpha network (joins,
  negations, conflict sets) get the token exactly as before and still make their own copies.

Matching semantics are untouched: the same nodes see the same tokens in the same order.
"""

from collections.abc import Mapping

from ..experta_compat import ConflictSetNode, Fact, FeatureTesterNode, ReteMatcher, Token, TypeCheck


class LeanToken(Token):
    __slots__ = ()

    def __new__(cls, tag, data, context=None):
        data = {data} if isinstance(data, Fact) else set(data)
        return tuple.__new__(cls, (tag, data, {} if context is None else context))

    def copy(self):
        return tuple.__new__(type(self), (self.tag, self.data.copy(), self.context.copy()))


class ReusableReteMatcher(ReteMatcher):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._routes = {}
        for child in self.root_node.children:
            check = getattr(child.node, "matcher", None)
            if not isinstance(check, TypeCheck):  # an unexpected network shape: do not route
                self._routes = None
                break
            self._routes.setdefault(check.fact_type, []).append(_alpha(child.node))
        self._dirty = []
        self._memory_nodes = []
        seen = set()
        stack = [self.root_node]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, ConflictSetNode):
                node._activate = self._watch(node, node._activate)
            if type(node)._reset is not _no_memory_reset(node):
                self._memory_nodes.append(node)
            stack.extend(child.node for child in node.children)

    def _watch(self, node, activate):
        dirty = self._dirty

        def activate_and_mark(token):
            dirty.append(node)
            return activate(token)
        return activate_and_mark

    def changes(self, adding=None, deleting=None):
        if self._routes is None:
            return super().changes(adding, deleting)
        for fact in deleting or ():
            token = LeanToken.invalid(fact)
            for test in self._routes.get(type(fact), ()):
                _walk(test, fact, token)
        for fact in adding or ():
            token = LeanToken.valid(fact)
            for test in self._routes.get(type(fact), ()):
                _walk(test, fact, token)
        added, removed = [], []
        for csn in dict.fromkeys(self._dirty):
            c_added, c_removed = csn.get_activations()
            added.extend(c_added)
            removed.extend(c_removed)
        self._dirty.clear()
        return added, removed

    def reset(self):
        for node in self._memory_nodes:
            node._reset()
        self._dirty.clear()


def _alpha(node):
    """A feature-test node as (test, [(sub-test or None, callback)]), built once."""
    children = [(_alpha(child.node) if isinstance(child.node, FeatureTesterNode) else None,
                 child.callback) for child in node.children]
    return node.matcher, children


def _walk(alpha, fact, token):
    """experta's FeatureTesterNode._activate, walked without a copy per node."""
    test, children = alpha
    match = test(fact)
    if not match:
        return
    if isinstance(match, Mapping):
        context = token.context
        for key, value in match.items():
            if isinstance(key, tuple):  # a negated binding
                if key[1] in context and context[key[1]] == value:
                    return
            else:
                if context.get(key, value) != value:
                    return
                if (False, key) in context and context[(False, key)] == value:
                    return
        token = token.copy()
        token.context.update(match)
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
