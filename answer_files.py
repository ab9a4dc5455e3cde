"""Reading answers from YAML or JSON files and from --set overrides; writing outputs safely.

Every failure is an InputError with one line that says what is wrong and how to fix it.

Reads are bounded: only regular files (or '-', standard input) are read, at most
``MAX_ANSWERS_BYTES`` (a roster ``MAX_ROSTER_BYTES``), and what they hold may nest at most
``MAX_DEPTH`` levels and count at most ``MAX_VALUES`` values (YAML aliases counted each time they
are used), so a small file cannot make the advisor hang or fill memory.

Writes never leave a half-written file and never replace anything but a regular file: the text
goes to a temporary file in the target's folder, which then becomes the target either by a hard
link, which fails if the name exists (so two runs racing for one new name cannot both win), or,
with ``force``, by a rename over the old regular file (whose permissions the new file keeps).
Directories, symbolic links (even dangling ones), FIFOs, devices and sockets are refused.
"""

import errno
import json
import os
import stat
import sys


from .errors import InputError, OutputError


MAX_ANSWERS_BYTES = 1 << 20  # 1 MiB: a full answers file is under 2 KB
MAX_ROSTER_BYTES = 16 << 20  # 16 MiB: a 2,000-athlete roster is about 400 KB
MAX_DEPTH = 32  # an answers file nests 4 levels at most (week: day: [exercise])
MAX_VALUES = 10_000  # per answers file, or per roster row
MAX_ROSTER_VALUES = 2_000_000

_KINDS = ((stat.S_ISDIR, "directory"), (stat.S_ISLNK, "symbolic link"),
          (stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISCHR, "character device"),
          (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))


def kind_of(mode):
    """'regular file', or what else a stat mode says the path is."""
    if stat.S_ISREG(mode):
        return "regular file"
    return next((name for test, name in _KINDS if test(mode)), "special file")


def _size(limit):
    return f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit >> 10} KiB"


def _read_bytes(path, limit=MAX_ANSWERS_BYTES, what="answers file"):
    """The file's bytes and the name to show; refuses anything but a regular file or '-', and
    more than ``limit`` bytes."""
    if path == "-":
        try:
            raw = sys.stdin.buffer.read(limit + 1)
        except OSError as exc:
            raise InputError(f"cannot read standard input: {exc.strerror or exc}") from None
        name = "standard input"
    else:
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer; what the path is, is then
            # asked of the open file, so it cannot change between the check and the read.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            raise InputError(f"{what} '{path}' not found — check the path") from None
        except IsADirectoryError:
            raise InputError(f"'{path}' is a directory, not an {what} — give the path of a "
                             f".yaml or .json file") from None
        except PermissionError:
            raise InputError(f"cannot read '{path}': permission denied") from None
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read '{path}': {getattr(exc, 'strerror', None) or exc}") \
                from None
        kind = kind_of(os.fstat(fd).st_mode)
        if kind != "regular file":
            os.close(fd)
            if kind == "directory":
                raise InputError(f"'{path}' is a directory, not an {what} — give the path of a "
                                 f".yaml or .json file")
            raise InputError(f"'{path}' is a {kind}, not a regular file — save the answers "
                             f"to a file, or pipe them in with '-'")
        with os.fdopen(fd, "rb") as handle:
            try:
                raw = handle.read(limit + 1)
            except OSError as exc:
                raise InputError(f"cannot read '{path}': {exc.strerror or exc}") from None
        name = f"'{path}'"
    if len(raw) > limit:
        raise InputError(f"{name} is larger than {_size(limit)}, the limit for an {what} — "
                         f"is it the right file?")
    return raw, name


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
    """The parsed document; every way a parser can fail (its own errors, numbers too long for
    Python, nesting deeper than the stack) is one InputError."""
    try:
        if as_json:
            return json.loads(text)
        import yaml  # only when a YAML file is read: keeps JSON runs' start-up lean

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise InputError(f"{name}: invalid YAML{where}: {problem}") from None
        except (KeyError, IndexError, AttributeError, TypeError):  # PyYAML on a bad tag value
            raise InputError(f"{name}: a value cannot be read (a tag such as !!bool, !!int or "
                             f"!!timestamp on a value it does not fit?) — check the file") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: "
                         f"{exc.msg}") from None
    except RecursionError:
        raise InputError(f"{name}: nested too deeply to read — an answers file needs at most "
                         f"{MAX_DEPTH} levels") from None
    except (ValueError, OverflowError) as exc:  # int('…' * 5000): Python's digit limit
        detail = ("a number has more digits than Python reads" if "digit" in str(exc)
                  else "a value cannot be read")
        raise InputError(f"{name}: {detail} — check the file") from None


def check_shape(data, name, max_values=MAX_VALUES):
    """Refuse a document nested deeper than MAX_DEPTH or holding more than ``max_values`` values,
    counting every use of a YAML alias (a few hundred bytes of aliases can stand for billions of
    values). Walks with a list, not recursion."""
    count, stack = 0, [(data, 0)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > max_values:
            raise InputError(f"{name}: more than {max_values:,} values (YAML aliases count each "
                             f"time they are used) — an answers file needs a few dozen")
        if depth > MAX_DEPTH:
            raise InputError(f"{name}: nested more than {MAX_DEPTH} levels deep — an answers "
                             f"file needs at most 4")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
            stack.extend((k, depth + 1) for k in value)
        elif isinstance(value, (list, tuple)):
            stack.extend((v, depth + 1) for v in value)
    return count


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
        from .quoting import shown

        kind = "a list" if isinstance(data, list) else shown(data)
        raise InputError(f"{name}: the top level must be a mapping of answers (key: value), "
                         f"found {kind}")
    check_shape(data, name)
    answers = {}
    for key, value in data.items():
        if not isinstance(key, str):
            from .quoting import shown

            raise InputError(f"{name}: answer keys are names such as 'goal', found "
                             f"{shown(key)}")
        answers[key] = value
    return answers


def parse_overrides(pairs):
    """--set KEY=VALUE pairs as a mapping; an empty VALUE removes the key's answer."""
    result = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            from .quoting import shown

            raise InputError(f"--set {shown(pair)}: expected KEY=VALUE, e.g. --set goal=strength")
        result[key.strip()] = value.strip() if value.strip() else None
    return result


def check_target(path, force):
    """Can ``path`` be written? Not empty; nothing there, or (with force) a regular file; its
    folder exists. Raises InputError; also used before a questionnaire starts, and for every
    file of a batch before the first is written. Returns the existing file's stat, or None."""
    if not path:
        raise OutputError("the output path is empty — give a file name, or '-' for standard output")
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        existing = None
    except (OSError, ValueError) as exc:  # a name too long, a folder that is a file, a NUL
        raise OutputError(f"cannot write '{path}': {getattr(exc, 'strerror', None) or exc}") \
            from None
    if existing is not None:
        kind = kind_of(existing.st_mode)
        if kind == "directory":
            raise OutputError(f"'{path}' is a directory — give a file name for the output")
        if kind == "symbolic link":
            raise OutputError(f"'{path}' is a symbolic link — give the path of the file itself "
                             f"(the advisor never writes through or over a link)")
        if kind != "regular file":
            raise OutputError(f"'{path}' is a {kind}, not a regular file — the advisor writes "
                             f"only regular files; give another path, or '-' for standard output")
        if not force:
            raise OutputError(f"'{path}' already exists — use --force to overwrite it")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(f"cannot write '{path}': folder '{folder}' does not exist")
    return existing


# Hard links are not offered everywhere (FAT, some network and FUSE file systems).
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS,
             getattr(errno, "ENOTSUP", errno.EPERM), getattr(errno, "EOPNOTSUPP", errno.EPERM)}


def _temporary(folder, prefix):
    """A new file in ``folder`` created exclusively with the permissions any new file gets
    under the user's umask (mkstemp's 0600 would make a shared sheet private)."""
    for _ in range(100):
        tmp = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name")


def write_atomically(path, text, *, force=False, temp_prefix=".deadlift-advisor-"):
    """Write text (str, as UTF-8, or bytes) to ``path`` as described in the module docstring.
    Raises InputError; on any failure or interruption the target is as it was (or, if it did not
    exist, still absent) and no temporary file is left."""
    existing = check_target(path, force)
    payload = text.encode("utf-8") if isinstance(text, str) else text
    from .interrupts import deferred

    with deferred():  # Ctrl-C, SIGTERM, SIGHUP: after the write, never half-way through it
        _write(path, payload, existing, force, temp_prefix)


def _write(path, payload, existing, force, temp_prefix):
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = _temporary(folder, temp_prefix)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        if existing is not None:  # --force over a regular file: keep who may read it
            os.chmod(tmp, stat.S_IMODE(existing.st_mode))
            if hasattr(os, "chown") and existing.st_uid != os.geteuid():
                try:
                    os.chown(tmp, existing.st_uid, existing.st_gid)
                except OSError:
                    pass
        _publish(tmp, path, force)
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except FileNotFoundError:  # renamed into place
                pass
            except OSError:
                pass


def _publish(tmp, path, force):
    """Give the complete temporary file the target's name: exclusively without force."""
    if force:
        current = _lstat(path)  # checked again: something may have appeared since
        if current is not None and not stat.S_ISREG(current.st_mode):
            raise OutputError(f"'{path}' is a {kind_of(current.st_mode)}, not a regular file — "
                             f"give another path")
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise OutputError(f"'{path}' already exists — use --force to overwrite it") from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
    try:  # no hard links here: claim the name exclusively, then rename the content over it
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise OutputError(f"'{path}' already exists — use --force to overwrite it") from None
    os.replace(tmp, path)


def _lstat(path):
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
