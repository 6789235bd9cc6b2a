"""The libraries an ELF file links to directly (its DT_NEEDED entries).

PyInstaller's own dependency lookup on Linux runs `ldd`, which lists a file's
whole dependency tree as if it were linked to all of it; the spec needs the
direct links, to leave out a system library together with what only it needs.
"""

from __future__ import annotations

import struct
from pathlib import Path

SHT_DYNAMIC = 6
DT_NEEDED = 1


def needed(path: str | Path) -> list[str]:
    """DT_NEEDED names of a 64-bit little-endian ELF file; [] for anything else."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:6] != b"\x7fELF\x02\x01":
        return []
    shoff, _flags, _ehsize, _phentsize, _phnum, shentsize, shnum = struct.unpack_from(
        "<QIHHHHH", data, 0x28
    )
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + index * shentsize) for index in range(shnum)
    ]
    names = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != SHT_DYNAMIC:
            continue
        strings = sections[link][4]
        for start in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, start)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                at = strings + value
                names.append(data[at : data.index(b"\0", at)].decode())
    return names
