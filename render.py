"""The jinja2 environment (PackageLoader, autoescape for HTML, StrictUndefined) and the formats."""

import functools
import json

from jinja2 import (Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined,
                    select_autoescape)


@functools.cache
def environment():
    # The bytecode cache (jinja's own, in its per-user temporary folder) spares every run after the
    # first the compile of the message catalogue, a quarter of the command's start-up time.
    env = Environment(loader=PackageLoader("deadlift_advisor", "templates"),
                      bytecode_cache=_bytecode_cache(),
                      autoescape=select_autoescape(["html", "htm"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["label"] = _label
    return env


def _bytecode_cache():
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


def _label(value):
    """Display name for an id (muscle, day, goal, ...) from the LABELS in messages.j2."""
    return messages().LABELS.get(value, str(value).replace("_", " "))


@functools.cache
def messages():
    """The message catalogue: one macro per message id, plus LABELS."""
    return environment().get_template("messages.j2").module


def to_json(advice):
    return json.dumps(advice.to_dict(), indent=2, ensure_ascii=False) + "\n"


def to_txt(advice):
    env = environment()
    text = env.get_template("summary.txt.j2").render(a=advice.to_dict())
    return text if text.endswith("\n") else text + "\n"


FORMATS = {"json": to_json, "txt": to_txt}


def render(advice, fmt):
    return FORMATS[fmt](advice)
