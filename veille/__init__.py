"""veille: news articles in, a geocoded, source-attributed event dataset out."""

__version__ = "0.1.0"

from .errors import ConfigError, InputError, Rejected, StoreError, VeilleError  # noqa: E402
from .model import Article  # noqa: E402
from .settings import Settings, load_settings  # noqa: E402

__all__ = [
    "Article",
    "ConfigError",
    "InputError",
    "Rejected",
    "Settings",
    "StoreError",
    "VeilleError",
    "__version__",
    "load_settings",
]
