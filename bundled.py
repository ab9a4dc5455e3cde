"""The example files shipped inside the package (examples/), for `deadlift-advisor example`.

A pip or pipx install has no checkout to copy examples/answers.yaml from, so the command lists
the bundled files and prints one. Read through importlib.resources, like resources.py, so they
are found wherever the package is installed; nothing here loads the rule engine or jinja2, so
the command starts almost as fast as --version.
"""

from .errors import InputError

FOLDER = "examples"

# One line per bundled file, shown by `deadlift-advisor example`. tests/test_packaging.py checks
# that every file in examples/ has its line and every line its file.
DESCRIPTIONS = {
    "answers.yaml": "one lifter's answers in YAML, with a recent set and a training week",
    "answers.json": "the same lifter's answers as JSON, without weights or a week",
    "injured.json": "a lifter with a recovering hamstring injury, on a back day, in pounds",
    "roster.csv": "a team for 'deadlift-advisor batch', one athlete a row, two rows wrong on "
                  "purpose",
}


def _folder():
    from importlib.resources import files

    return files(__package__).joinpath(FOLDER)


def names():
    """The bundled files, sorted by name."""
    return sorted(entry.name for entry in _folder().iterdir()
                  if entry.is_file() and not entry.name.startswith((".", "_")))


def listing():
    """Every bundled file with its line, and how to use one."""
    found = names()
    width = max(map(len, found))
    rows = "".join(f"  {name:<{width}}  {DESCRIPTIONS.get(name, '')}".rstrip() + "\n"
                   for name in found)
    return (f"Bundled examples:\n{rows}\n"
            "Print one:        deadlift-advisor example NAME\n"
            "Start from one:   deadlift-advisor example answers.yaml > answers.yaml\n"
            "                  deadlift-advisor advise --answers answers.yaml\n")


def example(name):
    """The bundled file ``name``, as bytes (printed exactly as shipped), or an InputError that
    names the closest file."""
    found = names()
    if name not in found:
        from .quoting import closest, shown

        raise InputError(f"no bundled example named {shown(name)}: there are "
                         f"{', '.join(found)}{closest(name, found)}")
    return _folder().joinpath(name).read_bytes()
