"""Files the user put there: a seed, a brief, a page of docs/.

A named pipe where a file was expected (``mkfifo seeds/x.txt``) would make a plain
``open().read()`` wait for a writer for ever, and a device (``/dev/zero``) would never
end; a symlink is refused by name before this is called, and not followed here either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["NotRegular", "TooLarge", "kind_of_file", "read_regular", "utf8_name"]


class NotRegular(OSError):
    """A folder, named pipe, socket or device where a file was expected; ``kind`` says
    which ("a named pipe")."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: not a regular file ({kind})")
        self.kind = kind


def kind_of_file(mode: int) -> str:
    """What a file that is not a regular file is, by its ``st_mode``."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


class TooLarge(ValueError):
    """A file over the size limit it is read with."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``. It is opened without blocking and
    without following a symlink, then checked: reading a named pipe (``mkfifo
    seeds/x.txt``) would wait for a writer for ever, a device (``/dev/zero``) would
    never end. ``NotRegular`` for those; ``OSError`` when it cannot be read;
    ``TooLarge`` when it is over ``limit`` bytes (known before it is read, or found
    while it grows)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(path, kind_of_file(info.st_mode))
        if limit is not None and info.st_size > limit:
            raise TooLarge(info.st_size)
        chunks = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit:
                raise TooLarge(size)
        return b"".join(chunks)
    finally:
        os.close(fd)


def utf8_name(name: str) -> bool:
    """Whether a file's name is valid UTF-8. Python keeps the bytes of one that is not as
    lone surrogates, which no brief name, state file, URL or page can encode: such a file
    is refused by name rather than stopping the run with a codec error."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
