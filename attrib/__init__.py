"""attrib: who said what in Hindi news — quotes, partial quotes and claims with their speakers."""

__version__ = "0.1.0"

from .errors import AttribError  # noqa: E402

__all__ = ["AttribError", "__version__", "extract"]


def extract(text, **kwargs):
    """Extract attributed statements from ``text``; see :func:`attrib.extract.extract`."""
    from .extract import extract as _extract

    return _extract(text, **kwargs)
