"""The command line: read answers -> advise -> render. Thin by design."""

import sys

import click

from .version import __version__

FORMATS = ("json", "txt")


class Group(click.Group):
    """Turns click's own usage errors into the one-line form every other error uses."""

    def main(self, *args, **kwargs):
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
        except click.Abort:
            _fail("Cancelled.", 130, prefix=False)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except KeyboardInterrupt:
            _fail("Cancelled.", 130, prefix=False)
        sys.exit(0)


def _fail(message, code, prefix=True):
    click.echo(f"deadlift-advisor: error: {message}" if prefix else message, err=True)
    sys.exit(code)


def answer_options(fn):
    fn = click.option("--no-input", is_flag=True,
                      help="Never ask: a missing answer takes its default, or is an error if it "
                           "has none.")(fn)
    fn = click.option("--set", "overrides", metavar="KEY=VALUE", multiple=True,
                      help="Give or override one answer (repeatable).")(fn)
    fn = click.option("--answers", "answers_file", metavar="FILE",
                      help="Answers as YAML or JSON ('-' reads standard input).")(fn)
    return fn


def gather(answers_file, overrides):
    """Answers from the file, then --set on top."""
    from .answer_files import load_answers, parse_overrides

    answers = load_answers(answers_file) if answers_file else {}
    for key, value in parse_overrides(overrides).items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    return answers


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="deadlift-advisor",
                      message="%(prog)s %(version)s")
def main():
    """Is your deadlift a leg or a back exercise, and how should you program it?

    \b
    Example:
      deadlift-advisor advise --answers examples/answers.yaml --format txt
    """


@main.command()
@answer_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="Output format.")
@click.option("-o", "--output", metavar="PATH", default="-", show_default=True,
              help="Where to write the advice ('-' is standard output).")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def advise(answers_file, overrides, no_input, fmt, output, force):
    """Advice for one lifter: classification, placement, prescription, follow-ups.

    \b
    Examples:
      deadlift-advisor advise --answers me.yaml
      deadlift-advisor advise --no-input --set variation=sumo --set goal=strength \\
          --set experience=intermediate --format txt
    """
    from . import advise as run_advice
    from .answer_files import InputError, write_atomically
    from .validation import AnswerError
    from .render import render

    try:
        answers = gather(answers_file, overrides)
        # Until the questionnaire exists, a run without --no-input behaves the same way: every
        # given answer is checked first, then the missing ones are named.
        text = render(run_advice(answers), fmt)
        if output == "-":
            click.echo(text, nl=False)
        else:
            write_atomically(output, text, force=force)
    except (InputError, AnswerError) as exc:
        _fail(str(exc), 2)


@main.command()
@answer_options
@click.option("--format", "fmt", type=click.Choice(("txt", "json")), default="txt",
              show_default=True, help="Output format.")
@click.option("-o", "--output", metavar="PATH", default="-", show_default=True,
              help="Where to write the explanation ('-' is standard output).")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def explain(answers_file, overrides, no_input, fmt, output, force):
    """How the advice was reached: each conclusion, the rules behind it, and the sources.

    \b
    Examples:
      deadlift-advisor explain --answers me.yaml
      deadlift-advisor explain --answers me.yaml --format json -o why.json
    """
    from . import advise as run_advice
    from .answer_files import InputError, write_atomically
    from .explain import render_trail
    from .validation import AnswerError

    try:
        answers = gather(answers_file, overrides)
        text = render_trail(run_advice(answers), fmt)
        if output == "-":
            click.echo(text, nl=False)
        else:
            write_atomically(output, text, force=force)
    except (InputError, AnswerError) as exc:
        _fail(str(exc), 2)
