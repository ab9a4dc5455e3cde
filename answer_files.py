"""Reading answers from YAML or JSON files and from --set overrides; writing outputs safely.

Every failure is an InputError with one line that says what is wrong and how to fix it.
"""

import json
import os
import sys


class InputError(Exception):
    """A file or option the user gave cannot be used; str(error) is the one line to show."""


def _read_bytes(path):
    if path == "-":
        return sys.stdin.buffer.read(), "standard input"
    if os.path.isdir(path):
        raise InputError(f"'{path}' is a directory, not an answers file — give the path of a "
                         f".yaml or .json file")
    try:
        with open(path, "rb") as handle:
            return handle.read(), f"'{path}'"
    except FileNotFoundError:
        raise InputError(f"answers file '{path}' not found — check the path") from None
    except PermissionError:
        raise InputError(f"cannot read '{path}': permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read '{path}': {exc.strerror or exc}") from None


def _decode(raw, name):
    if b"\x00" in raw:
        raise InputError(f"{name} looks like a binary file, not YAML or JSON text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                         f"{exc.start}) — save it as UTF-8") from None
    if not text.strip():
        raise InputError(f"{name} is empty — add answers such as 'variation: conventional'")
    return text


def _parse(text, name, as_json):
    if as_json:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: "
                             f"{exc.msg}") from None
    import yaml  # only when a YAML file is read: keeps JSON runs' start-up lean

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{name}: invalid YAML{where}: {problem}") from None


def load_answers(path):
    """Answers mapping from a YAML or JSON file ('-' reads standard input)."""
    raw, name = _read_bytes(path)
    text = _decode(raw, name)
    as_json = path.lower().endswith(".json")
    data = _parse(text, name, as_json)
    if data is None:  # only comments, or an explicit null
        raise InputError(f"{name} is empty (only comments) — add answers such as "
                         f"'variation: conventional'")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"'{data}'"
        raise InputError(f"{name}: the top level must be a mapping of answers (key: value), "
                         f"found {kind}")
    return {str(key): value for key, value in data.items()}


def parse_overrides(pairs):
    """--set KEY=VALUE pairs as a mapping; an empty VALUE removes the key's answer."""
    result = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--set '{pair}': expected KEY=VALUE, e.g. --set goal=strength")
        result[key.strip()] = value.strip() if value.strip() else None
    return result


def check_target(path, force):
    """Can ``path`` be written? (Not empty, not a folder, no file there unless force, its folder
    exists.) Raises InputError; also used before a questionnaire starts."""
    if not path:
        raise InputError("the output path is empty — give a file name, or '-' for standard output")
    if os.path.isdir(path):
        raise InputError(f"'{path}' is a directory — give a file name for the output")
    if os.path.exists(path) and not force:
        raise InputError(f"'{path}' already exists — use --force to overwrite it")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(f"cannot write '{path}': folder '{folder}' does not exist")


def write_atomically(path, text, *, force=False):
    """Write text (str, as UTF-8, or bytes) to path via a temporary file in the same folder, then
    rename.

    Nothing is left behind on failure, and an existing file is only replaced with force.
    """
    check_target(path, force)
    import tempfile  # only when writing: keeps standard-output runs' start-up lean

    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".deadlift-advisor-", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write '{path}': {exc.strerror or exc}") from None
    try:
        # mkstemp makes the file private (0600); a sheet is meant to be shared, so give it the
        # permissions any new file gets under the user's umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(tmp, path)
    except OSError as exc:
        os.unlink(tmp)
        raise InputError(f"cannot write '{path}': {exc.strerror or exc}") from None
    except BaseException:
        os.unlink(tmp)
        raise
