"""The command line: read answers -> (ask what is missing) -> advise -> render -> write.

When questions are asked (``advise`` without ``--no-input``, or no command at all): only when
standard input is a terminal and at least one answer is missing. The questions are shown on
standard output when it is a terminal and carries no advice (no ``-o -``), otherwise on standard
error, so ``deadlift-advisor advise > advice.json`` still asks on the terminal. Without a terminal,
answers that have a default take it (as before) and a missing required answer is one error line.
After the questions: a summary, then the advice goes to ``-o`` if given, to standard output if that
is not a terminal, or else the questionnaire offers to write a sheet. The questionnaire itself is
``questionnaire.py``; nothing is written before its last question.
"""

import os
import sys

import click

from .errors import AdvisorError, AnswerError, BatchStopped, InputError, OutputError
from .contracts import NAMES as SCHEMA_NAMES
from .version import __version__


class Group(click.Group):
    """Turns click's own usage errors into the one-line form every other error uses."""

    def main(self, *args, **kwargs):
        from .interrupts import stop_on_signals

        if os.environ.get("_DEADLIFT_ADVISOR_COMPLETE"):  # a shell asks for candidates
            from .completion import install

            install()
        stop_on_signals()
        try:
            self._main(*args, **kwargs)
        except SystemExit as done:
            _flush_stdout()
            raise SystemExit(done.code) from None
        except BrokenPipeError:  # the reader stopped reading (| head): nothing to say
            _silence_stdout()
            sys.exit(1)
        except OSError as exc:  # a stream the output goes to failed (a full disk, /dev/full)
            _silence_stdout()
            _fail(f"cannot write the output: {exc.strerror or exc}", 2)

    def _main(self, *args, **kwargs):
        if "NO_COLOR" in os.environ:  # https://no-color.org: any value; click does not look
            kwargs.setdefault("color", False)
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:  # pragma: no cover - click >= 8.2
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _fail(f"{exc.format_message()}{hint}", 2)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort as exc:  # click turns Ctrl-C (and so SIGTERM, SIGHUP) into Abort
            _cancelled(exc.__cause__ or exc.__context__)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except AdvisorError as exc:  # every error of the package: its one line and exit code
            if exc.end_prompt:
                click.echo(err=True)  # a question may be waiting on this line
            _fail(str(exc), exc.exit_code, prefix=exc.prefix)
        except KeyboardInterrupt as exc:
            _cancelled(exc)
        sys.exit(0)


def _fail(message, code, prefix=True):
    click.echo(f"deadlift-advisor: error: {message}" if prefix else message, err=True)
    sys.exit(code)


def _cancelled(exc=None):
    """Ctrl-C ends with 130; SIGTERM and SIGHUP (handled like it) with 128 + their number."""
    from .interrupts import Terminated

    if isinstance(exc, Terminated):
        _fail(f"Stopped ({exc.name}).", 128 + exc.signum, prefix=False)
    _fail("Cancelled.", 130, prefix=False)


def _silence_stdout():
    """Point standard output at /dev/null, so the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout():
    """Flush standard output while an error can still be one line (at exit it is a traceback)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError) as exc:
        _silence_stdout()
        _fail(f"cannot write to standard output: {getattr(exc, 'strerror', None) or exc}", 2)


def _complete(kind):
    """A shell_complete callback: completion.py's candidates for ``kind``, imported only when a
    shell asks (README, Shell completion)."""
    def callback(ctx, param, incomplete):
        from .completion import candidates

        return candidates(kind, ctx, incomplete)
    return callback


def answer_options(fn):
    fn = click.option("--no-input", is_flag=True,
                      help="Never ask: a missing answer takes its default, or is an error if it "
                           "has none.")(fn)
    fn = click.option("--set", "overrides", metavar="KEY=VALUE", multiple=True,
                      shell_complete=_complete("set"),
                      help="Give or override one answer (repeatable).")(fn)
    fn = click.option("--answers", "answers_file", metavar="FILE", shell_complete=_complete("file"),
                      help="Answers as YAML or JSON ('-' reads standard input).")(fn)
    return no_defaults_option(fn)


def no_defaults_option(fn):
    """--no-defaults, kept in ctx.meta (gather reads it) so no command's signature changes."""
    def remember(ctx, param, value):
        ctx.meta["no_defaults"] = value

    return click.option("--no-defaults", is_flag=True, expose_value=False, callback=remember,
                        help="Ignore your defaults file for this run (deadlift-advisor "
                             "defaults shows it).")(fn)


def output_options(what):
    """-o PATH (default standard output) and --force, for the commands that print one thing."""
    def decorate(fn):
        fn = click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")(fn)
        return click.option("-o", "--output", metavar="PATH", default="-", show_default=True,
                            help=f"Where to write the {what} ('-' is standard output).")(fn)
    return decorate


def gather(answers_file, overrides):
    """The defaults file's settings, then the answers file, then --set on top. Which answers
    came from the defaults alone is kept in ctx.meta["from_defaults"] (the review screen marks
    them)."""
    from .answer_files import load_answers, parse_overrides

    answers = load_answers(answers_file) if answers_file else {}
    cleared = set()
    for key, value in parse_overrides(overrides).items():
        if value is None:
            answers.pop(key, None)
            cleared.add(key)  # --set week= clears a default too
        else:
            answers[key] = value
    ctx = click.get_current_context()
    if ctx.meta.get("no_defaults"):
        return answers
    from . import coach_defaults

    defaults = {k: v for k, v in coach_defaults.load().items() if k not in cleared}
    answers, ctx.meta["from_defaults"] = coach_defaults.apply(answers, defaults)
    return answers


class FormatChoice(click.Choice):
    """The formats render.py offers, looked up when first needed (jinja2 loads only then)."""

    def __init__(self):
        super().__init__((), case_sensitive=False)

    @property
    def choices(self):
        from .render import FORMATS

        return tuple(FORMATS)

    @choices.setter
    def choices(self, value):  # click.Choice.__init__ assigns it; the property is the truth
        pass


def binary_formats():
    from . import render

    return set(getattr(render, "BINARY_FORMATS", {"pdf"}))


def interactive_terminal():
    """stdin is a terminal, and so is the stream the questions would be shown on."""
    return _isatty(sys.stdin) and (_isatty(sys.stdout) or _isatty(sys.stderr))


def _isatty(stream):
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def check_target(path, force):
    """The checks write_atomically makes, made before any question is asked or anything is
    written (so a run cannot fail on them after the user answered everything)."""
    from .answer_files import check_target as check

    check(path, force)


def write_output(path, data, force=False):
    """answer_files.write_atomically: text or bytes (pdf), never over a file without force."""
    from .answer_files import write_atomically

    write_atomically(path, data, force=force)


def write_stdout(data):
    """The output on standard output, flushed here: a full disk or a closed pipe is one line
    (OutputError), not a traceback when Python flushes at exit."""
    try:
        if isinstance(data, str):
            click.echo(data, nl=False)
            sys.stdout.flush()
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except OSError as exc:
        _silence_stdout()
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None


@click.group(cls=Group, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="deadlift-advisor",
                      message="%(prog)s %(version)s")
@click.pass_context
def main(ctx):
    """Is your deadlift a leg or a back exercise, and how should you program it?

    Run it without a command on a terminal to answer the questions one at a time, review your
    answers, read the advice and save a printable sheet.

    \b
    Examples:
      deadlift-advisor example
      deadlift-advisor advise --answers examples/answers.yaml --format txt
    """
    if ctx.invoked_subcommand is not None:
        return
    if not interactive_terminal():
        click.echo(ctx.get_help())
        _fail("no terminal to ask the questions on — run 'deadlift-advisor advise' with "
              "--answers, --set or --no-input", 2)
    ctx.invoke(advise)


@main.command()
@answer_options
@click.option("--format", "fmt", type=FormatChoice(), default=None,
              help="Output format. Without it: the one -o's extension names (.json, .txt, .md, "
                   ".html, .pdf), else txt on a terminal and json when piped or in a file.")
@click.option("-o", "--output", metavar="PATH",
              help="Where to write the advice ('-' is standard output). Without it the advice "
                   "goes to standard output, or, after questions on a terminal, you are offered "
                   "a printable sheet.")
@click.option("--force", is_flag=True, help="Overwrite PATH (and --save-answers) if it exists.")
@click.option("--save-answers", "save_answers", metavar="PATH",
              help="Also write the final answers as YAML, to replay with --answers. Without "
                   "it, after questions on a terminal, you are offered to save them.")
@click.option("--review", is_flag=True,
              help="Open the answers on the review screen (on a terminal), to change one; they "
                   "are then offered to be saved back to --answers FILE.")
@click.pass_context
def advise(ctx, answers_file, overrides, no_input, fmt, output, force, save_answers, review):
    """Advice for one lifter: classification, placement, prescription, follow-ups.

    On a terminal, every answer not given with --answers or --set is asked (one question at a
    time, then a review screen); --no-input never asks and takes the defaults.

    \b
    Examples:
      deadlift-advisor advise --answers me.yaml
      deadlift-advisor advise --no-input --set variation=sumo --set goal=strength \\
          --set experience=intermediate --format txt
      deadlift-advisor advise --answers me.yaml --set goal=power --save-answers mine.yaml
    """
    try:
        if review and no_input:
            raise InputError("--review opens the answers to change them, --no-input never asks "
                             "— give one of them")
        if review and not interactive_terminal():
            raise InputError("--review needs a terminal to show the review screen on — run it "
                             "in one, or change answers with --set KEY=VALUE")
        answers = gather(answers_file, overrides)
        explicit_fmt = fmt is not None
        fmt = output_format(fmt and fmt.lower(), output)
        reopen = (answers_file if answers_file not in (None, "-") else True) if review else None
        _consult(answers, no_input, fmt, explicit_fmt, output, force, save_answers, reopen)
    except KeyboardInterrupt:
        click.echo(err=True)  # after the ^C the terminal echoed (a question may be pending)
        raise


def _consult(answers, no_input, fmt, explicit_fmt, output, force, save_answers, review=None):
    """Answers (asked if need be) -> advice -> outputs. Raises InputError, AnswerError, or the
    questionnaire's Cancelled and InputEnded; nothing is written before the last question.
    ``review``: open the review screen even with nothing to ask (the answers file's path, or
    True); after the questions, the answers are offered to be saved."""
    from .api import advise as run_advice
    from .validation import missing

    if output not in (None, "-") and save_answers and _same_file(output, save_answers):
        raise InputError(f"-o and --save-answers both name '{save_answers}' — give the answers "
                         f"a file of their own")
    ask = False
    if not no_input:
        if interactive_terminal():
            from .questionnaire import check_given, pending

            answers = check_given(answers)
            ask = bool(review) or bool(pending(answers))
        elif _checked(answers) and missing(answers):  # without a terminal, defaults apply
            gaps = missing(answers)
            many = len(gaps) > 1
            raise AnswerError(f"missing answer{'s' if many else ''}: {', '.join(gaps)} — "
                              f"standard input is not a terminal, so nothing can be asked: "
                              f"give {'them' if many else 'it'} with --answers or --set KEY=VALUE")
    to_stdout = output == "-" or (output is None and not (ask and _stdout_is_terminal()))
    if fmt in binary_formats() and to_stdout and _stdout_is_terminal():
        raise InputError(f"{fmt} is binary and standard output is a terminal — use -o PATH, "
                         f"or redirect standard output")
    if not ask:
        advice = run_advice(answers)
        data = _render(advice, fmt)
        for path in (output if not to_stdout else None, save_answers):
            if path:
                check_target(path, force)
        if to_stdout:
            write_stdout(data)
        else:
            write_output(output, data, force)
        _save(save_answers, advice, answers, force)
        return

    from .questionnaire import Terminal, offer_sheet, questionnaire, show_summary

    for path in (output if output not in (None, "-") else None, save_answers):
        if path:
            check_target(path, force)
    ui = Terminal(err=to_stdout or not _stdout_is_terminal())
    answers = questionnaire(answers, ui, click.get_current_context().meta.get("from_defaults", ()))
    advice = run_advice(answers)
    show_summary(ui, advice)
    if output is None and not to_stdout:
        offer_sheet(ui, advice, write_output, fmt if explicit_fmt else None)
    else:
        data = _render(advice, fmt)
        if to_stdout:
            write_stdout(data)
        else:
            write_output(output, data, force)
            ui.echo(f"Wrote {output}")
    if save_answers:
        _save(save_answers, advice, answers, force)
        ui.echo(f"Wrote your answers to {save_answers}")
    else:
        from .questionnaire import offer_answers

        offer_answers(ui, advice, answers, write_output,
                      review if isinstance(review, str) else None)


FORMAT_OF_EXTENSION = {".json": "json", ".txt": "txt", ".md": "md", ".markdown": "md",
                       ".html": "html", ".htm": "html", ".pdf": "pdf"}


def output_format(fmt, output):
    """The format to write: --format when given (refused if -o's extension names another), else
    the one -o's extension names, else txt for a person at a terminal and json for a program
    (standard output piped, or a file of another extension)."""
    path = output if output not in (None, "-") else None
    named = FORMAT_OF_EXTENSION.get(os.path.splitext(path)[1].lower()) if path else None
    if fmt is not None:
        if named is not None and named != fmt:
            raise InputError(f"--format {fmt} does not match -o '{path}' (a {named} file name) — "
                             f"drop --format, or name the file .{fmt}")
        return fmt
    if named is not None:
        return named
    if path is None and _stdout_is_terminal():
        return "txt"
    return "json"


def _same_file(a, b):
    """Two paths for one file (the same name written two ways, or links to one file)."""
    if os.path.realpath(os.path.abspath(a)) == os.path.realpath(os.path.abspath(b)):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _render(advice, fmt):
    from .render import render

    return render(advice, fmt)


def _save(path, advice, given, force):
    if path:
        from .questionnaire import answers_yaml

        write_output(path, answers_yaml(advice.profile, given), force)


def _checked(answers):
    """Given answers checked before anything is said about missing ones (a typo in a key must
    not be reported as the answer it was meant to be missing): the partial check."""
    from .validation import check_answers

    check_answers(answers, partial=True)
    return True


def _stdout_is_terminal():
    return _isatty(sys.stdout)


@main.command()
@answer_options
@click.option("--format", "fmt", type=click.Choice(("txt", "json")), default="txt",
              show_default=True, help="Output format.")
@click.option("--why-not", "why_not", metavar="TARGET",
              help="Why TARGET is not in the advice, and which single answer would put it "
                   "there: a day (back_day, leg_day, own_day, ...), max_effort, deadlift, a "
                   "variation or an exercise.")
@click.option("--width", type=click.IntRange(60, 100), default=None,
              help="Wrap the text at this many columns (default: the terminal's, 60-100).")
@output_options("explanation")
def explain(answers_file, overrides, no_input, fmt, output, force, why_not, width):
    """How the advice was reached: each conclusion, the rules behind it, and the sources.

    \b
    Examples:
      deadlift-advisor explain --answers me.yaml
      deadlift-advisor explain --answers me.yaml --format json -o why.json
      deadlift-advisor explain --answers me.yaml --why-not back_day
    """
    from .api import advise as run_advice
    from .render import render_trail

    answers = gather(answers_file, overrides)
    if why_not is None:
        _emit(render_trail(run_advice(answers), fmt, width), output, force)
        return
    from . import why_not as counterfactual

    target = counterfactual.resolve(why_not)  # an unknown TARGET fails before any consultation
    advice = run_advice(answers)
    _emit(render_trail(advice, fmt, width, why_not=counterfactual.answer(answers, target, advice)),
          output, force)


def _emit(text, output, force):
    """Text to standard output ('-') or atomically to a file."""
    if output == "-":
        write_stdout(text)
    else:
        write_output(output, text, force=force)


@main.command()
@click.option("--format", "fmt", type=click.Choice(("table", "md", "json")), default="table",
              show_default=True, help="Output format.")
@output_options("catalogue")
def exercises(fmt, output, force):
    """Every exercise a week can name, by day type, with the names the advisor reads as it.

    \b
    Examples:
      deadlift-advisor exercises
      deadlift-advisor exercises --format md -o exercises.md
    """
    from . import catalogue

    _emit(catalogue.render("exercises", catalogue.exercises(), fmt), output, force)


@main.command()
@click.option("--format", "fmt", type=click.Choice(("table", "md", "json")), default="table",
              show_default=True, help="Output format.")
@output_options("catalogue")
def variations(fmt, output, force):
    """Every variation the advisor knows: category, movers, one line of evidence, sources.

    \b
    Examples:
      deadlift-advisor variations
      deadlift-advisor variations --format md -o variations.md
    """
    from . import catalogue

    _emit(catalogue.render("variations", catalogue.catalogue(), fmt), output, force)


@main.command()
@click.argument("names", nargs=-1, required=True, metavar="A B [C]",
                shell_complete=_complete("variations"))
@click.option("--goal", default="strength", show_default=True, shell_complete=_complete("goal"),
              help="The goal the variations are programmed for.")
@click.option("--experience", default="intermediate", show_default=True,
              shell_complete=_complete("experience"),
              help="The experience they are programmed for.")
@click.option("--format", "fmt", type=click.Choice(("txt", "md", "html", "json")), default="txt",
              show_default=True, help="Output format (html has the activation charts).")
@output_options("comparison")
def compare(names, goal, experience, fmt, output, force):
    """Two or three variations side by side: category, muscles per tier, how programming differs.

    \b
    Examples:
      deadlift-advisor compare conventional sumo
      deadlift-advisor compare conventional trap_bar rack_pull --format html -o compare.html
    """
    from . import catalogue
    from .validation import check_value

    if not 2 <= len(names) <= 3:
        raise AnswerError(f"compare takes two or three variations, got {len(names)}")
    chosen = [check_value("variation", n) for n in names]
    if len(set(chosen)) != len(chosen):
        raise AnswerError("compare: name each variation once")
    data = catalogue.compare(chosen, goal=check_value("goal", goal),
                             experience=check_value("experience", experience))
    _emit(catalogue.render("compare", data, fmt), output, force)


@main.command()
@click.argument("name", required=False, metavar="[NAME]")
@output_options("example")
def example(name, output, force):
    """The example files that come with the package: without NAME a list, with NAME that file.

    \b
    Examples:
      deadlift-advisor example
      deadlift-advisor example answers.yaml
      deadlift-advisor example roster.csv -o roster.csv
    """
    from . import bundled

    _emit(bundled.example(name) if name is not None else bundled.listing(), output, force)


@main.command("schema")
@click.argument("name", type=click.Choice(SCHEMA_NAMES), default=SCHEMA_NAMES[0], required=False)
@output_options("schema")
def schema_command(name, output, force):
    """The JSON Schema (draft 2020-12) of the advice `advise --format json` prints, or of an
    answers file (NAME: advice or answers; default advice).

    \b
    Examples:
      deadlift-advisor schema
      deadlift-advisor schema answers -o answers.schema.json
    """
    from .contracts import schema_text

    _emit(schema_text(name), output, force)


@main.command("defaults")
@click.option("--path", "path_only", is_flag=True, help="Print only where the file is.")
@click.option("--init", is_flag=True,
              help="Create the file with every setting commented out (never over an existing "
                   "one).")
def defaults_command(path_only, init):
    """Your defaults file: settings every run starts from (units, plate step, the team's week,
    back days, season phase, placement). An answers file, a roster and --set win over it;
    --no-defaults ignores it for a run.

    \b
    Examples:
      deadlift-advisor defaults
      deadlift-advisor defaults --init
      $EDITOR "$(deadlift-advisor defaults --path)"
    """
    from . import coach_defaults

    path = coach_defaults.location()
    if path_only:
        click.echo(path)
        return
    if init:
        coach_defaults.create(path)
        click.echo(f"Wrote {path} — remove the '#' in front of a setting to use it")
        return
    settings = coach_defaults.load(path)
    state = ("" if os.path.lexists(path) else
             " (not created yet: deadlift-advisor defaults --init writes one to edit)")
    click.echo(f"Your defaults file: {path}{state}")
    from .render import render_defaults

    click.echo(render_defaults(settings), nl=False)


@main.group()
def kb():
    """Maintain the knowledge base."""


@kb.command("check")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes to use (default: one per core).")
@click.option("--limit", type=click.IntRange(1), default=None, hidden=True,
              help="Check only the first N profiles (for quick runs).")
def kb_check(jobs, limit):
    """Run the engine over the whole input space and check invariants and KB hygiene.

    \b
    Example:
      deadlift-advisor kb check
    """
    import time

    from . import kbcheck

    total = limit or kbcheck.total_profiles()
    start = time.perf_counter()
    show = sys.stderr.isatty()
    with click.progressbar(length=total, label="Checking profiles", file=sys.stderr,
                           hidden=not show) as bar:
        report = kbcheck.run(jobs=jobs, progress=bar.update, limit=limit)
    elapsed = time.perf_counter() - start
    click.echo(f"{report['profiles']} profiles checked in {elapsed:.1f} s; "
               f"{report['rules_fired']} of {report['rules']} rules fired")
    if report["partial"]:
        click.echo(f"partial check: {report['profiles']} of {report['whole']} profiles, so the "
                   f"hygiene checks that need them all (every rule fires, every variation and "
                   f"exercise is reached) were skipped")
    for answers, problems in report["violations"]:
        for problem in problems:
            click.echo(f"VIOLATION {problem} — answers: {answers}")
    for problem in report["hygiene"]:
        click.echo(f"HYGIENE {problem}")
    count = sum(len(p) for _, p in report["violations"]) + len(report["hygiene"])
    click.echo(f"{count} violation{'s' if count != 1 else ''}" if count else "no violations")
    sys.exit(1 if count else 0)


@main.command()
@click.argument("roster", metavar="ROSTER")
@click.option("-o", "--output", "out_dir", metavar="DIR", required=True,
              help="Folder for the sheets and summary.csv (created if missing).")
@click.option("--format", "fmt", type=FormatChoice(), default="html", show_default=True,
              help="Sheet format.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes to use (default: one per core).")
@click.option("--force", is_flag=True, help="Overwrite sheets that already exist.")
@click.option("--skip-existing", is_flag=True,
              help="Keep the sheets already in DIR and write the rest (finish a run that "
                   "stopped); summary.csv and the team files are written anew.")
@click.option("--combined", is_flag=True,
              help="Also every sheet in one PDF, DIR/roster.pdf, each from a new page.")
@click.option("--team-summary", "team", type=click.Choice(["html", "pdf", "both"],
                                                          case_sensitive=False),
              help="Also a one-page table of the team: DIR/team.html, DIR/team.pdf or both.")
@no_defaults_option
@click.pass_context
def batch(ctx, roster, out_dir, fmt, jobs, force, skip_existing, combined, team):
    """One sheet per athlete of a roster (CSV, or a YAML/JSON list), plus summary.csv.

    A bad row is reported with its row number and skipped; the exit code is 1 if any row
    failed.

    \b
    Examples:
      deadlift-advisor batch examples/roster.csv -o sheets/ --format html
      deadlift-advisor batch team.csv -o sheets/ --team-summary both --combined
    """
    from . import batch as batch_module
    from .quoting import printable

    team = (team or "").lower()
    team_formats = ("html", "pdf") if team == "both" else (team,) if team else ()
    stopped = None
    rows = batch_module.load_roster(roster)
    if not ctx.meta.get("no_defaults"):
        from . import coach_defaults

        defaults = coach_defaults.load()
        if defaults:  # under every row's own answers (a bad row stays that row's error)
            rows = [(n, coach_defaults.apply(a, defaults)[0] if isinstance(a, dict) else a)
                    for n, a in rows]
    show = sys.stderr.isatty()
    try:
        with click.progressbar(length=len(rows), label="Writing sheets", file=sys.stderr,
                               hidden=not show) as bar:
            results = batch_module.run(
                rows, out_dir, fmt.lower(), jobs=jobs, progress=bar.update, force=force,
                skip_existing=skip_existing, combined=combined,
                team=team_formats, source=None if roster == "-" else os.path.basename(roster))
    except BatchStopped as exc:  # the rows that failed before the stop are listed first
        stopped, results = exc, exc.results
    failed = [r for r in results if r["status"] == "error"]
    for r in failed:
        who = f" ({printable(r['athlete'])})" if r["athlete"] else ""
        click.echo(f"row {r['row']}{who}: {printable(r['error'])}", err=True)
    if stopped:
        raise stopped
    kept = sum(r["status"] == "kept" for r in results)
    click.echo(f"{len(results) - len(failed) - kept} sheets written to {out_dir}"
               f"{f', {kept} kept from an earlier run' if kept else ''}, {len(failed)} "
               f"row{'s' if len(failed) != 1 else ''} failed; summary in "
               f"{os.path.join(out_dir, 'summary.csv')}")
    sheets = len(results) - len(failed)
    for name, path in batch_module.run_outputs(out_dir, combined, team_formats).items():
        if name != batch_module.COMBINED_NAME:
            click.echo(f"team summary: {path}")
        elif sheets:
            click.echo(f"every sheet in one PDF: {path}")
        else:
            click.echo(f"{name} not made: no row has a sheet")
    sys.exit(1 if failed else 0)
