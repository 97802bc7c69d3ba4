"""User-facing errors. The library raises these; only the CLI prints them."""


class ClaimxError(Exception):
    """Base class: a problem claimx can explain in one line."""


class InputError(ClaimxError):
    """An input file or record cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class RuleError(ClaimxError):
    """A rule data file is malformed (names the file and line)."""


class GoldError(ClaimxError):
    """A gold annotation file cannot be used for evaluation."""
