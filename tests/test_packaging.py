"""The package as a user gets it (issue 13): the sdist and the wheel built as a release builds
them (the sdist first, the wheel from the unpacked sdist), what each holds, the wheel installed
in a fresh venv and run there, `make demo` with that venv, and tests run from the unpacked sdist
against that install.

Offline and quick (about 10 s): `build --no-isolation` with the setuptools the test extras
install, from a copy of the source tree (nothing is written into the checkout). The fresh venv
has no pip and nothing of its own but the wheel. It reaches the dependencies through a .pth
file naming a folder of links to exactly the distributions the wheel's metadata requires (with
its test extra, and theirs), as this interpreter has them: a dependency missing from setup.cfg
fails here as it would for a user, and the editable install of the checkout is not among them.
"""

import email.parser
import fcntl
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from deadlift_advisor import __version__, bundled

REPO = Path(__file__).resolve().parents[1]
DIST = f"deadlift_advisor-{__version__}"

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(300)]

# What the copy of the tree leaves out: the machinery of a checkout, never part of a release.
_SKIP_ANYWHERE = {".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis",
                  ".mypy_cache"}
_SKIP_AT_ROOT = {"build", "dist"}


def _ignore(folder, names):
    skipped = {n for n in names if n in _SKIP_ANYWHERE or n.endswith((".egg-info", ".pyc"))
               or n.startswith(".venv")}
    if Path(folder) == REPO:
        skipped |= {n for n in names if n in _SKIP_AT_ROOT}
    return skipped


def _env(home):
    """A run that depends on nothing of this machine's: no PYTHONPATH, no defaults file, no
    colours."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "DEADLIFT_ADVISOR", "PIP_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), NO_COLOR="1")
    return env


def _run(args, cwd, env, stdin=None, check=True, timeout=120):
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, timeout=timeout)
    if check:
        assert proc.returncode == 0, (args, proc.stdout.decode(errors="replace")[-3000:],
                                      proc.stderr.decode(errors="replace")[-3000:])
    return proc


class Built:
    """Paths of one build: the log, the sdist and wheel, the unpacked sdist, the venv."""

    def __init__(self, root):
        self.root = root
        self.log = root / "build.log"
        self.sdist = root / "dist" / f"{DIST}.tar.gz"
        self.wheel = root / "dist" / f"{DIST}-py3-none-any.whl"
        self.unpacked = root / "sdist" / DIST
        self.venv = root / "venv"
        self.home = root / "home"
        self.python = self.venv / "bin" / "python"
        self.script = self.venv / "bin" / "deadlift-advisor"
        self.env = _env(self.home)

    def make(self):
        if importlib.util.find_spec("build") is None:
            pytest.fail("python -m build is missing: install the test extras (pip install -e "
                        "'.[test]')")
        src = self.root / "src"
        shutil.copytree(REPO, src, ignore=_ignore)
        self.home.mkdir()
        # PYTHONDONTWRITEBYTECODE would make setuptools warn that it compiles nothing
        proc = _run([sys.executable, "-m", "build", "--no-isolation", "--outdir",
                     self.root / "dist", src], self.root, self.env, check=False, timeout=240)
        self.log.write_bytes(proc.stdout + proc.stderr)
        assert proc.returncode == 0, self.log.read_text(errors="replace")[-3000:]
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        with tarfile.open(self.sdist) as tar:
            tar.extractall(self.root / "sdist", **safe)
        _run([sys.executable, "-m", "venv", "--without-pip", self.venv], self.root, self.env)
        purelib = Path(_run([self.python, "-c", "import sysconfig; print(sysconfig.get_paths()"
                                                "['purelib'])"], self.root, self.env)
                       .stdout.decode().strip())
        deps = self.root / "dependencies"
        _link_distributions(_requirements_of(self.wheel), deps)
        (purelib / "_test_dependencies.pth").write_text(f"{deps}\n")
        _run([sys.executable, "-m", "pip", "--python", self.python, "install", "--no-deps",
              "--no-index", "--no-cache-dir", "--disable-pip-version-check", "--quiet",
              self.wheel], self.root, self.env)
        (self.root / "done").touch()


def _requirements_of(wheel):
    """The distributions the wheel needs, with its test extra, and theirs, as this interpreter
    has them installed: {name: Distribution}."""
    from packaging.requirements import Requirement

    with zipfile.ZipFile(wheel) as whl:
        meta = email.parser.Parser().parsestr(whl.read(f"{DIST}.dist-info/METADATA").decode())
    wanted = [(Requirement(r), "test") for r in meta.get_all("Requires-Dist")]
    found = {}
    while wanted:
        req, extra = wanted.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra or ""}):
            continue
        key = req.name.lower().replace("_", "-")
        if key in found:
            continue
        found[key] = dist = importlib.metadata.distribution(req.name)
        wanted += [(Requirement(r), extra) for r in dist.requires or ()
                   for extra in ("", *req.extras)]
    return found


def _link_distributions(distributions, folder):
    """A folder holding links to just these distributions' modules and metadata: the fresh
    venv sees what the wheel declares, never what else this interpreter happens to have."""
    folder.mkdir()
    for dist in distributions.values():
        tops = {f.parts[0] for f in dist.files or ()} - {"..", "__pycache__"}
        for top in sorted(tops):
            source = Path(dist.locate_file(top))
            if source.exists() and not (folder / top).exists():
                (folder / top).symlink_to(source)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """One build per test session, shared by the xdist workers (the first one builds, under a
    lock, the others wait and reuse it)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the session's folder, above each worker's own
    root = base / "packaging"
    root.mkdir(exist_ok=True)
    with open(base / "packaging.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = Built(root)
        if not (root / "done").exists():
            for leftover in root.iterdir():  # a build that failed half-way: start again
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
            result.make()
    return result


def _files_under(folder):
    """Files below ``folder`` of the checkout, relative to the checkout, caches left out."""
    base = REPO / folder
    if not base.is_dir():
        return set()
    return {p.relative_to(REPO).as_posix() for p in base.rglob("*")
            if p.is_file() and not _SKIP_ANYWHERE & set(p.relative_to(REPO).parts)
            and p.suffix != ".pyc"}


def _wheel_names(built):
    with zipfile.ZipFile(built.wheel) as whl:
        return set(whl.namelist())


def _metadata(built):
    with zipfile.ZipFile(built.wheel) as whl:
        text = whl.read(f"{DIST}.dist-info/METADATA").decode("utf-8")
    return email.parser.Parser().parsestr(text)


# --- the build -------------------------------------------------------------------------------

def test_the_build_warns_about_nothing(built):
    """setuptools says nothing it would want fixed: no deprecated licence classifier, no
    MANIFEST.in line that matches nothing, no data folder taken for a package."""
    lines = built.log.read_text(errors="replace").splitlines()
    warned = [line for line in lines if re.search(r"warn|deprecat", line, re.IGNORECASE)]
    assert warned == [], "\n".join(warned)
    assert f"Successfully built {DIST}.tar.gz and {DIST}-py3-none-any.whl" in lines


def test_the_wheel_holds_the_package_and_its_data(built):
    names = _wheel_names(built)
    data = (_files_under("examples") | _files_under("templates") | _files_under("schemas")
            | {"py.typed"})
    assert {"examples/answers.yaml", "templates/sheet.html.j2", "py.typed"} <= data
    modules = {p.relative_to(REPO).as_posix() for p in REPO.glob("*.py")}
    for package in ("engine", "kb", "rules"):
        modules |= {f for f in _files_under(package) if f.endswith(".py")}
    missing = sorted(f for f in data | modules if f"deadlift_advisor/{f}" not in names)
    assert missing == [], f"not in the wheel: {missing}"
    if (REPO / "schemas").is_dir():
        assert any(n.startswith("deadlift_advisor/schemas/") and n.endswith(".json")
                   for n in names)
    assert f"{DIST}.dist-info/licenses/LICENSE" in names
    # only the package: no tests, tools, docs, compiled files or setuptools' leftovers
    stray = sorted(n for n in names if n.startswith(("deadlift_advisor/tests/",
                                                       "deadlift_advisor/tools/",
                                                       "deadlift_advisor/docs/", "tests/"))
                   or n.endswith(".pyc") or "egg-info" in n)
    assert stray == []
    with zipfile.ZipFile(built.wheel) as whl:
        entry_points = whl.read(f"{DIST}.dist-info/entry_points.txt").decode()
    assert "deadlift-advisor = deadlift_advisor.cli:main" in entry_points


def test_the_metadata_a_package_index_shows(built):
    meta = _metadata(built)
    assert meta["Name"] == "deadlift-advisor" and meta["Version"] == __version__
    assert meta["License-Expression"] == "MIT"
    assert meta["Requires-Python"] == ">=3.10"
    classifiers = meta.get_all("Classifier")
    for wanted in ("Development Status :: 3 - Alpha", "Operating System :: POSIX :: Linux",
                   "Topic :: Scientific/Engineering :: Artificial Intelligence",
                   "Typing :: Typed", "Programming Language :: Python :: 3.10",
                   "Programming Language :: Python :: 3.13", "Environment :: Console"):
        assert wanted in classifiers
    # the licence is the expression; setuptools refuses "License ::" classifiers beside it
    assert not [c for c in classifiers if c.startswith("License ::")]
    # no home page is claimed: the project has no public address yet
    assert meta.get_all("Project-URL") is None and meta["Home-page"] is None
    description = meta.get_payload()
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "pipx install deadlift-advisor" in description and "Not medical advice" in description
    # every link and image must work on an index's page, away from the repository
    targets = re.findall(r"\]\(([^)\s]+)", description) + re.findall(r"<img[^>]+src=\"([^\"]+)",
                                                                     description)
    relative = [t for t in targets if not t.startswith(("https://", "http://", "#"))]
    assert relative == []


def test_the_licence_file_matches_the_metadata():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 the deadlift-advisor authors" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_the_sdist_holds_what_its_tests_and_build_need(built):
    with tarfile.open(built.sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    wanted = {"LICENSE", "README.md", "MANIFEST.in", "Makefile", "ruff.toml", "setup.cfg",
              "pyproject.toml", "py.typed", "docs/pypi.md", "docs/sheet.png",
              *{p.name for p in REPO.glob("*.py")}}
    for folder in ("tests", "examples", "templates", "schemas", "tools", "engine", "kb",
                   "rules"):
        wanted |= _files_under(folder)
    assert {"tests/conftest.py", "tests/helpers.py", "tests/snapshots/sheet.txt"} <= wanted
    missing = sorted(wanted - names)
    assert missing == [], f"not in the sdist (add them to MANIFEST.in): {missing}"
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]


# --- the installed wheel ---------------------------------------------------------------------

def test_the_wheel_is_what_the_venv_runs(built):
    where = _run([built.python, "-I", "-c", "import deadlift_advisor; print(deadlift_advisor"
                                            ".__file__)"], built.home, built.env)
    assert Path(where.stdout.decode().strip()).is_relative_to(built.venv)


def test_version_from_the_installed_command(built):
    run = _run([built.script, "--version"], built.home, built.env)
    assert run.stdout.decode() == f"deadlift-advisor {__version__}\n"


def test_example_lists_every_bundled_file_with_its_line(built):
    out = _run([built.script, "example"], built.home, built.env).stdout.decode()
    for name in _bundled_names():
        line = next((ln for ln in out.splitlines() if ln.split()[:1] == [name]), None)
        assert line is not None, f"{name} not listed:\n{out}"
        assert bundled.DESCRIPTIONS[name] in line
    assert "deadlift-advisor example answers.yaml > answers.yaml" in out


@pytest.mark.parametrize("name", ["answers.yaml", "answers.json", "injured.json", "roster.csv"])
def test_example_prints_the_bundled_file_exactly(built, name):
    run = _run([built.script, "example", name], built.home, built.env)
    assert run.stdout == (REPO / "examples" / name).read_bytes()


def test_an_example_piped_into_advise(built):
    example = _run([built.script, "example", "answers.yaml"], built.home, built.env).stdout
    run = _run([built.script, "advise", "--answers", "-", "--no-input"], built.home, built.env,
               stdin=example)
    advice = json.loads(run.stdout)
    assert advice["profile"]["athlete"] == "Sam Example"
    assert advice["classification"]["category"] == "leg"
    assert advice["prescription"]["loads"], "the example's recent set gives weights"


def test_example_to_a_file_never_overwrites_without_force(built, tmp_path):
    target = tmp_path / "injured.json"
    _run([built.script, "example", "injured.json", "-o", target], built.home, built.env)
    assert target.read_bytes() == (REPO / "examples" / "injured.json").read_bytes()
    target.write_text("mine")
    again = _run([built.script, "example", "injured.json", "-o", target], built.home, built.env,
                 check=False)
    assert again.returncode == 2 and target.read_text() == "mine"
    assert again.stderr.decode().count("\n") == 1 and "already exists" in again.stderr.decode()
    _run([built.script, "example", "injured.json", "-o", target, "--force"], built.home,
         built.env)
    assert target.read_bytes() == (REPO / "examples" / "injured.json").read_bytes()


@pytest.mark.parametrize("given, expected", [
    ("answers.yml", "did you mean 'answers.yaml'?"),
    ("roster", "did you mean 'roster.csv'?"),
    ("../setup.cfg", "there are answers.json, answers.yaml"),
])
def test_an_unknown_example_is_one_line(built, given, expected):
    run = _run([built.script, "example", given], built.home, built.env, check=False)
    err = run.stderr.decode()
    assert run.returncode == 2 and run.stdout == b""
    assert err.startswith("deadlift-advisor: error: no bundled example named ")
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err


def test_the_sdist_tests_pass_against_the_installed_wheel(built):
    """A packager's route: unpack the sdist, install the wheel, run the tests that came in the
    sdist. A quick slice: the API, and the help's examples run by the installed command."""
    run = _run([built.python, "-I", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "tests/test_api.py", "tests/test_cli.py::test_help_shows_examples_that_really_run"],
               built.unpacked, built.env, check=False, timeout=240)
    out = run.stdout.decode(errors="replace")
    assert run.returncode == 0, out[-4000:] + run.stderr.decode(errors="replace")[-2000:]
    assert re.search(r"\b\d+ passed\b", out)


def _first_run_blocks():
    """The shell and Python blocks a newcomer reads first: README.md's top (down to the
    development set-up) and the package index's page, docs/pypi.md."""
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("\n## Set-up", 1)[0]
    page = (REPO / "docs" / "pypi.md").read_text(encoding="utf-8")
    return [(lang, body) for text in (readme, page)
            for lang, body in re.findall(r"```(sh|python)\n(.*?)```", text, re.DOTALL)]


def test_the_first_run_commands_work_from_the_installed_wheel(built, tmp_path):
    """Every deadlift-advisor line of the first screen, in order, in an empty folder with only
    the installed command (the bare `deadlift-advisor`, which asks questions on a terminal, is
    left out); and the Python example."""
    blocks = _first_run_blocks()
    commands = [re.sub(r"\s+#.*$", "", line) for lang, body in blocks if lang == "sh"
                for line in body.splitlines()]
    lines = [c for c in commands if c.startswith("deadlift-advisor ")]
    assert "deadlift-advisor example answers.yaml > answers.yaml" in " ".join(lines)
    env = {**built.env, "PATH": f"{built.venv / 'bin'}:/usr/bin:/bin"}
    for line in lines:
        run = _run(["bash", "-e", "-c", line], tmp_path, env, check=False)
        assert run.returncode == 0, (line, run.stderr.decode(errors="replace"))
    assert (tmp_path / "sheet.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    python = [body for lang, body in blocks if lang == "python"]
    assert python
    for body in python:
        _run([built.python, "-I", "-c", body], tmp_path, built.env)


def test_make_demo_is_quiet_and_says_where_everything_went(built, tmp_path):
    """`make demo` from the unpacked sdist, with a venv that already holds the package (so the
    install step, which needs a package index, is skipped as it is after `make install`)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    (built.venv / ".installed").touch()
    out_dir = tmp_path / "out"
    run = _run(["make", "--no-print-directory", "demo", f"VENV={built.venv}", f"OUT={out_dir}"],
               built.unpacked, built.env, timeout=240)
    lines = run.stdout.decode().splitlines()
    assert len(lines) <= 8, "\n".join(lines)
    advice = json.loads((out_dir / "demo-advice.json").read_text(encoding="utf-8"))
    label = advice["classification"]["label"]
    assert lines[0].startswith("examples/answers.yaml: ") and label in lines[0]
    for name in ("demo-sheet.html", "demo-sheet.txt", "demo-advice.json"):
        assert (out_dir / name).stat().st_size > 0
        assert any(f"{out_dir}/{name}" in line for line in lines), name
    text = " ".join(lines)
    assert f"source {built.venv}/bin/activate" in text and "pipx install ." in text
    assert run.stderr == b""


# --- the bundled examples, in this checkout --------------------------------------------------

def _bundled_names():
    return sorted(p.name for p in (REPO / "examples").iterdir() if p.is_file())


def test_every_bundled_file_has_a_description_and_every_description_a_file():
    assert sorted(bundled.DESCRIPTIONS) == _bundled_names() == bundled.names()


def test_example_loads_neither_the_engine_nor_jinja2(tmp_path):
    """`deadlift-advisor example` starts like --version: the rule engine, experta and jinja2
    are never imported."""
    code = ("import sys\n"
            "from deadlift_advisor.cli import main\n"
            "try:\n    main(['example', 'answers.yaml'])\n"
            "except SystemExit:\n    pass\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('experta', 'jinja2')\n"
            "               or m.startswith(('deadlift_advisor.engine', 'deadlift_advisor.rules',"
            " 'deadlift_advisor.api')))\n"
            "print(heavy, file=sys.stderr)\n")
    run = _run([sys.executable, "-c", code], tmp_path, _env(tmp_path))
    assert run.stdout == (REPO / "examples" / "answers.yaml").read_bytes()
    assert run.stderr.decode().strip() == "[]"


def test_the_public_api_is_annotated():
    """py.typed promises types: advise, Advice.to_dict and the lazy exports carry them (api.py's
    are strings: its types are imported for type checkers only)."""
    from typing import Any

    import deadlift_advisor
    from deadlift_advisor import Advice, advise

    assert (REPO / "py.typed").is_file()
    assert advise.__annotations__ == {"answers": "Mapping[str, object]", "return": "Advice"}
    assert Advice.to_dict.__annotations__ == {"return": dict[str, Any]}
    assert Advice.__annotations__["profile"] is dict
    assert deadlift_advisor.__getattr__.__annotations__ == {"name": str, "return": object}
