"""How a questionnaire can end early. A module of their own so the command line can catch them
without importing the questionnaire on runs that ask nothing (start-up time)."""


class Cancelled(Exception):
    """The user pressed Ctrl-C: stop, write nothing."""


class InputEnded(Exception):
    """Standard input ended (Ctrl-D, closed pipe) while a question was pending."""
