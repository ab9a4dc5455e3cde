"""Values worked out from the knowledge base, cached once per process, and the way to forget
them: whoever changes the knowledge base at run time (a test breaking a rule on purpose) calls
forget_tables() and every one of them is worked out again. A leaf, so kb/ and rules/ share it."""

import functools

_TABLE_CACHES = []


def per_process(maxsize=None):
    """functools.lru_cache, registered with forget_tables()."""
    def decorate(fn):
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _TABLE_CACHES.append(cached)
        return cached
    return decorate


def forget_tables():
    for cached in _TABLE_CACHES:
        cached.cache_clear()
