"""Tab completion in bash, zsh and fish, through click's own protocol (README, "Shell completion").

The candidates come from the knowledge base: the answer keys of ``--set`` and their values from
kb/answers.SPEC (choices, the whole numbers of a range, the split presets for ``week``), and the
variation names from kb/variations, so completion offers exactly what validation accepts. The
descriptions zsh and fish show beside them are the questionnaire's names for the same things
(templates/questions.yaml).

cli.py imports this module only when a shell asks for candidates, and nothing here imports the
engine or jinja2: a shell waits for the answer on every Tab.
"""

import os

from click.shell_completion import (BashComplete, CompletionItem, ZshComplete,
                                    add_completion_class, split_arg_string)

from .kb.answers import SPEC


def install():
    """Use the shell rules below for ``*_source`` and ``*_complete`` (cli.Group.main)."""
    add_completion_class(Bash)
    add_completion_class(Zsh)


def candidates(kind, ctx, incomplete):
    """What ``kind`` of word is being completed: ``set`` (--set KEY=VALUE), ``variations``
    (compare's names, less those already given), ``file`` (the shell's own file names), or an
    answer key (compare's --goal)."""
    if kind == "file":
        return [CompletionItem(incomplete, type="file")]
    if kind == "set":
        return set_items(ctx, incomplete)
    if kind == "variations":
        given = set(ctx.params.get("names") or ())
        return [item for item in value_items("variation", incomplete) if item.value not in given]
    return value_items(kind, incomplete)


def set_items(ctx, incomplete):
    """``go`` -> ``goal=``; ``goal=st`` -> ``goal=strength``. Keys already set on the line are
    not offered again."""
    key, sep, value = incomplete.partition("=")
    if not sep:
        given = {pair.partition("=")[0].strip() for pair in ctx.params.get("overrides") or ()}
        return [CompletionItem(f"{k}=", help=_key_help(k)) for k in SPEC
                if k.startswith(key) and k not in given]
    return [CompletionItem(f"{key}={item.value}", help=item.help)
            for item in value_items(key.strip(), value)]


def value_items(key, incomplete):
    """The values answer ``key`` can take that start with ``incomplete``, read the way
    validation reads a choice (any case, ``-`` or a space for ``_``)."""
    typed = incomplete.strip().lower().replace("-", "_").replace(" ", "_")
    return [CompletionItem(v, help=help_) for v, help_ in _values(key) if v.startswith(typed)]


def _values(key):
    spec = SPEC.get(key, {})
    if spec.get("type") == "choice":
        labels = _choice_labels(key)
        return [(v, labels.get(v)) for v in spec["choices"]]
    if spec.get("type") == "int":
        return [(str(n), None) for n in range(spec["min"], spec["max"] + 1)]
    if spec.get("type") == "week":
        from .kb.weeks import SPLITS

        splits = _wording().get("extras", {}).get("week", {}).get("splits", {})
        return [(name, splits.get(name)) for name in SPLITS]
    return []  # free text and numbers: nothing to offer


def _choice_labels(key):
    wording = _wording()
    if key in wording.get("questions", {}):
        choices = wording["questions"][key].get("choices", {})
    else:
        choices = wording.get("extras", {}).get(key, {}).get("choices", {})
    return {v: c.get("label") if isinstance(c, dict) else c for v, c in choices.items()}


def _key_help(key):
    wording = _wording()
    extras = wording.get("extras", {})
    found = (wording.get("questions", {}).get(key)
             or extras.get({"one_rm": "weights", "recent_set": "weights"}.get(key, key)) or {})
    return found.get("name") or found.get("question")


def _wording():
    from .resources import template_yaml

    return template_yaml("questions.yaml") or {}


class Bash(BashComplete):
    """bash breaks the line into words at ``=`` too (COMP_WORDBREAKS), so ``--set goal=st``
    arrives as ``goal``, ``=``, ``st`` and click would see no ``--set`` value to complete. The
    words are joined again here; each candidate is sent back without the part before the ``=``
    that bash keeps on the line, since bash replaces only the word after it. After a candidate
    that ends in ``=`` (a key) bash adds no space, so the value can be typed at once."""

    source_template = BashComplete.source_template.replace(
        "COMPREPLY+=($value)",
        "COMPREPLY+=($value)\n            [[ $value == *= ]] && compopt -o nospace")
    kept = ""

    def get_completion_args(self):
        words = split_arg_string(os.environ["COMP_WORDS"])
        cword = int(os.environ["COMP_CWORD"])
        words = (words + [""] * (cword + 1 - len(words)))[:cword + 1]
        joined, glue = [], False
        for word in words:
            if word == "=" and len(joined) > 1:
                joined[-1] += word
                glue = True
            elif glue:
                joined[-1] += word
                glue = False
            else:
                joined.append(word)
        incomplete, current = joined[-1], words[-1]
        self.kept = incomplete if current == "=" else incomplete[:len(incomplete) - len(current)]
        return joined[1:-1], incomplete

    def format_completion(self, item):
        # The longest end of the kept text that starts the candidate (at an "=" or at the word's
        # start) is on the line already: "goal=" of "goal=strength", but not "--format=" before
        # "html", which click completed as the option's value alone.
        value = item.value
        starts = [0] + [i + 1 for i, c in enumerate(self.kept) if c == "="]
        for start in starts:
            if start < len(self.kept) and value.startswith(self.kept[start:]):
                value = value[len(self.kept) - start:]
                break
        return f"{item.type},{value}"


# zsh puts a space after every candidate: not after a key ending in "=" (added apart, with no
# suffix), so the value can be typed at once. Inserted before click's own lines that add the
# candidates; with a click whose script reads differently, its script is used as it is.
_ZSH_OPEN = """    local -a open open_with_descriptions
    open=(${(M)completions:#*=}); completions=(${completions:#*=})
    open_with_descriptions=(${(M)completions_with_descriptions:#*=:*})
    completions_with_descriptions=(${completions_with_descriptions:#*=:*})
    [ -n "$open_with_descriptions" ] && _describe -V unsorted open_with_descriptions -U -S ''
    [ -n "$open" ] && compadd -U -S '' -V unsorted -a open

"""
_ZSH_ANCHOR = '    if [ -n "$completions_with_descriptions" ]; then'


class Zsh(ZshComplete):
    """click's zsh completion, with no space after a ``KEY=`` candidate."""

    source_template = ZshComplete.source_template.replace(_ZSH_ANCHOR, _ZSH_OPEN + _ZSH_ANCHOR, 1)
