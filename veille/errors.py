"""The errors veille raises.

``VeilleError`` is what the CLI turns into a clean message. ``Rejected`` is not
a failure of the run: a stage raises it to say one article cannot go further,
and the runner records the reason on the article and goes on.
"""


class VeilleError(Exception):
    """Base class: anything the user can act on, with a readable message."""


class ConfigError(VeilleError):
    """A setting, a flag or a configuration file is wrong."""


class InputError(VeilleError):
    """An input path, URL or stream cannot be read at all."""


class StoreError(VeilleError):
    """The store cannot be opened, migrated or written."""


class Rejected(Exception):
    """Raised by a stage: this article cannot be processed further, and why.

    The runner catches it, records ``Rejection(stage, reason)`` on the article
    and continues with the next one.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
