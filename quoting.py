"""How answers are compared with their choices and quoted in error lines, and which characters
no user text may hold. A leaf module (it imports only errors.py), shared by every module that
checks input, so that none of them has to import another.
"""

from .errors import AnswerError


def closest(word, options):
    import difflib  # only when an answer is wrong: a start-up that has none skips the import

    match = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" — did you mean '{match[0]}'?" if match else ""


def normalise_choice(value):
    return value.strip().lower().replace("-", "_").replace(" ", "_")


def resolve_choice(text, choices, aliases=None):
    """What a person most plausibly meant by ``text``, as ``(choice, candidates)``.

    Exact beats alias beats prefix: the normalised text is a choice, else a known alias
    ("rdl", "lbs"), else the unique choice that it (or an alias) begins ("pre" -> pre_season,
    "hex b" -> trap_bar). ``choice`` is None when nothing or more than one thing matches;
    ``candidates`` then holds the choices a prefix fits (two or more: ambiguous) or is empty.
    """
    aliases = aliases or {}
    word = normalise_choice(text)
    if word in choices:
        return word, ()
    if word in aliases:
        return aliases[word], ()
    if not word:
        return None, ()
    fits = {c for c in choices if c.startswith(word)}
    fits |= {target for alias, target in aliases.items() if alias.startswith(word)}
    candidates = tuple(c for c in choices if c in fits)
    return (candidates[0], ()) if len(candidates) == 1 else (None, candidates)


def check_choice(key, value, choices, aliases=None):
    """One of ``choices``, forgiving case, '-'/' ', aliases and unique prefixes
    (resolve_choice); otherwise an AnswerError that lists the candidates of an ambiguous prefix
    or names the closest choice."""
    if not isinstance(value, str):
        hint = (" — YAML reads yes/no/on/off as true/false: quote the value"
                + (", or write none" if "none" in choices else "")) if isinstance(value, bool) else ""
        raise AnswerError(f"{key}: expected one of {', '.join(choices)}, got {describe(value)}"
                          f"{hint}")
    choice, candidates = resolve_choice(value[:200], choices, aliases)
    if choice is not None:
        return choice
    raise AnswerError(unmatched(key, value, choices, aliases, candidates))


def unmatched(key, value, choices, aliases=None, candidates=()):
    """The line for a value resolve_choice could not place: ambiguous, or unknown with the
    nearest choice or alias (said as the choice it stands for)."""
    if candidates:
        return (f"{key}: {shown(value)} could be {', '.join(candidates[:-1])} or "
                f"{candidates[-1]} — type more of it")
    return (f"{key}: {shown(value)} is not one of {', '.join(choices)}"
            f"{suggestion(value, choices, aliases)}")


def nearest(value, choices, aliases=None):
    """The choice nearest a mistyped value (an alias counts, as the choice it stands for), or
    None when nothing is close."""
    import difflib

    aliases = aliases or {}
    names = {**{c: c for c in choices}, **aliases}
    match = difflib.get_close_matches(normalise_choice(value[:200]), list(names), n=1,
                                      cutoff=0.6)
    return names[match[0]] if match else None


def suggestion(value, choices, aliases=None):
    near = nearest(value, choices, aliases)
    return f" — did you mean '{near}'?" if near else ""


# Characters refused in any text a user gives (a name, an exercise): they could move the
# terminal's cursor, set its title or clipboard (C0 and C1 controls, escape sequences), reorder
# what a reader sees (bidirectional overrides and isolates), break a line where no line should
# break (U+2028, U+2029), or cannot be written as UTF-8 at all (lone surrogates).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                  "\u2066\u2067\u2068\u2069")


def _refused(char):
    code = ord(char)
    return (code < 32 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
            or char in _BIDI or char in "\u2028\u2029")


def check_characters(key, text):
    """AnswerError if ``text`` holds a character no sheet, terminal or spreadsheet should get."""
    bad = next((c for c in text if _refused(c)), None)
    if bad is not None:
        raise AnswerError(f"{key}: the character U+{ord(bad):04X} is not allowed (control, "
                          f"bidirectional or unpaired surrogate characters) — retype the text")


def printable(text):
    """Text safe to show on one line: control characters (newlines too) escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace")
                   .decode("ascii", "replace") for c in text)


SHOWN_LENGTH = 60


def shown(value, limit=SHOWN_LENGTH):
    """A value as an error line may quote it: printable, one line, at most ``limit``
    characters (a 1 MB value must not become a 1 MB error message)."""
    if isinstance(value, str):
        text = printable(value[:limit + 1])  # escaped already: quoted, not repr()-ed again
        return f"'{text[:limit]}…'" if len(value) > limit or len(text) > limit else f"'{text}'"
    return describe(value)


def describe(value):
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a true/false value ({str(value).lower()})"
    if isinstance(value, int):
        return f"a number ({value})" if abs(value) < 10 ** 15 else "a very large number"
    if isinstance(value, float):
        return f"a number ({value:g})"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return shown(value)
    return f"a value of type {type(value).__name__}"
