"""The package's data files (templates/*.yaml: the questions' wording, the rules' justifications,
the variations' evidence lines), read one way: importlib.resources, parsed once per process.
A leaf module; the jinja templates themselves are loaded by render.py's PackageLoader."""

import functools


@functools.cache
def template_yaml(name):
    """templates/NAME parsed as YAML. Shared by every caller: treat it as read-only."""
    from importlib.resources import files

    import yaml

    return yaml.safe_load(files(__package__).joinpath("templates", name)
                          .read_text(encoding="utf-8"))
