"""Shared pieces of attrib's rule components."""


class Stateless:
    """Serialisation for a component whose behaviour lives in its config: nothing to write or read."""

    def to_disk(self, path, *, exclude=tuple()):
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self
