"""The package's shape (issue 12): no import cycles, no module outside the engine package that
imports experta, the rule engine free of deadlift knowledge, and one error hierarchy.

Imports are read from the source with ast, function-level ones included (a cycle hidden in a
function is still a cycle: it only fails later, at the first call).
"""

import ast
import importlib
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP = {"tests", "tools", "docs", "examples", "templates", "build"}


def modules():
    """module name ('' for the package itself) -> path, for every module of the package."""
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in SKIP or parts[0].startswith("."):
            continue
        name = ".".join(parts)[:-3]
        name = name.removesuffix("__init__").rstrip(".")
        found[name] = path
    return found


def imports(name, path, known):
    """The package's modules that ``name`` imports (relative imports, at any depth)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    package = [p for p in package if p]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            subs = [f"{target}.{a.name}".lstrip(".") for a in node.names]
            if all(s in known for s in subs):  # from . import workers: the submodules only
                found.update(subs)
            elif target in known:
                found.add(target)
    found.discard(name)
    return found


def graph():
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges):
    """Every cycle found by a depth-first search (each reported once, from its smallest name)."""
    found, state, stack = set(), {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                cycle = stack[stack.index(nxt):]
                start = cycle.index(min(cycle))
                found.add(tuple(cycle[start:] + cycle[:start]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return sorted(found)


def test_the_graph_is_read_at_all():
    edges = graph()
    assert "api" in edges["cli"] and "engine.compat" in edges["engine"]
    assert "rules.base" in edges["rules.classify"] and "errors" in edges["validation"]


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_a_cycle_is_found():  # the check itself can fail
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [("a", "b", "c")]
    assert cycles({"a": {"b"}, "b": set()}) == []


def experta_importers():
    found = set()
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom)
                     and not node.level else [])
            if any(n == "experta" or n.startswith("experta.") for n in names):
                found.add(name)
    return found


def test_only_the_engine_compat_module_imports_experta():
    assert experta_importers() == {"engine.compat"}


def test_the_engine_package_holds_no_deadlift_knowledge():
    edges = graph()
    for name in edges:
        if name == "engine" or name.startswith("engine."):
            outside = {m for m in edges[name] if not m.startswith("engine")}
            assert outside == set(), f"{name} imports {outside}"
    text = " ".join(p.read_text(encoding="utf-8").lower()
                    for n, p in modules().items() if n.startswith("engine"))
    for word in ("squat", "variation", "injury", "hamstring", "rpe"):
        code = [line for line in text.splitlines() if word in line and not line.strip()
                .startswith(("#", '"', "'")) and '"""' not in line]
        assert not code, f"engine code mentions {word!r}: {code[:3]}"


def test_rule_modules_and_facts_reach_experta_only_through_the_engine_package():
    edges = graph()
    for name in edges:
        if name.startswith("rules.") or name == "kb.facts":
            assert not {m for m in edges[name] if m.startswith("engine.")}, name


def test_every_error_is_an_advisor_error_with_an_exit_code():
    errors = importlib.import_module("deadlift_advisor.errors")
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if c.__module__ == errors.__name__]
    assert len(classes) >= 9
    for cls in classes:
        assert issubclass(cls, errors.AdvisorError), cls
        assert isinstance(cls.exit_code, int) and cls.exit_code in (1, 2, 130), cls


@pytest.mark.parametrize("name", ["errors", "quoting", "resources", "interrupts", "version",
                                  "kb.rts", "kb.caches"])
def test_leaf_modules_stay_leaves(name):
    allowed = {"quoting": {"errors"}, "kb.rts": {"kb.caches", "kb.programming"}}
    assert graph()[name] <= allowed.get(name, set()), graph()[name]


def test_one_answer_spec_one_validator():
    """Whole and partial checks are one function reading one spec: the same answer gives the
    same message either way, and the message is written once in the code."""
    from deadlift_advisor.errors import AnswerError
    from deadlift_advisor.kb.answers import ANSWERS, EXTRA_ANSWERS, SPEC
    from deadlift_advisor.validation import check_answers

    assert list(SPEC) == [*ANSWERS, *EXTRA_ANSWERS]
    bad = {"variation": "sumo", "goal": "strength", "experience": "novice",
           "injury_area": "none", "injury_stage": "acute"}
    messages = []
    for partial in (False, True):
        with pytest.raises(AnswerError) as info:
            check_answers(bad, partial=partial)
        messages.append(str(info.value))
    assert messages[0] == messages[1] and "injury_stage: given, but injury_area" in messages[0]
    # before the questions, the answer it depends on may still be asked
    assert check_answers({"injury_stage": "acute"}, partial=True) == {"injury_stage": "acute"}
    sources = " ".join(p.read_text(encoding="utf-8") for p in modules().values())
    assert sources.count("given, but {other}") == 1 and "injury_stage: given" not in sources
