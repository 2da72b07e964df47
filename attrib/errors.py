"""The one family of exceptions the library raises. Only ``cli.py`` turns them into exit codes."""

from __future__ import annotations


class AttribError(Exception):
    """Base class: a data or runtime problem a user can act on (exit code 1 in the CLI)."""


class InputError(AttribError):
    """An input file cannot be read as a Hindi article (missing, binary, wrong encoding, empty)."""


class AnnotationError(AttribError):
    """An annotation record is malformed. Carries file, line, entity and text for the message."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + message)
        self.path, self.line = path, line


class ModelError(AttribError):
    """The model cannot be loaded or does not have the components attrib needs."""


class RegistryError(AttribError):
    """A speaker registry file is malformed."""
