"""One base class for the errors corpusprep reports to its user, so a caller (or a CLI) catches one thing.

Each error keeps the built-in base it had (a `RuleError` is still a `ValueError`), so code
that caught those goes on working.
"""


class CorpusprepError(Exception):
    """A mistake in the input, the options or the environment, explained in one line (no traceback needed)."""


class OptionsError(CorpusprepError, ValueError):
    """An option out of its range, found when the options object is made (so a library call is checked as the CLI is).

    `field` names the option, so a command line can name its flag instead.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        super().__init__(f"{field} {problem}")
