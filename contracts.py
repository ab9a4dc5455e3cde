"""The two published contracts as JSON Schemas (draft 2020-12), shipped as package data in
schemas/: the advice `advise --format json` prints, and the answers file `--answers` reads. The
files themselves are the contract, read one way (importlib.resources, as resources.py reads the
templates), so an installed package prints exactly what it ships; tests/test_schema.py holds
them to kb/ and to every advice of kb check's sweep. A leaf module, not named schema.py: run
from the repository root, that would shadow the `schema` package experta imports."""

import functools

NAMES = ("advice", "answers")  # the first is what `deadlift-advisor schema` prints by default


def schema_text(name):
    """schemas/NAME.schema.json as shipped, byte for byte (as text)."""
    from importlib.resources import files

    if name not in NAMES:
        raise ValueError(f"no schema named {name!r}: use one of {', '.join(NAMES)}")
    return (files(__package__).joinpath("schemas", f"{name}.schema.json")
            .read_text(encoding="utf-8"))


@functools.cache
def schema(name):
    """The schema NAME parsed. Shared by every caller: treat it as read-only."""
    import json

    return json.loads(schema_text(name))
