"""A smaller ICU data library for the Linux bundle.

Qt links to ICU on Linux, and the PySide6 wheel ships ICU's whole data library
(libicudata.so.NN, 32 MB: collation, time zone names, converters, and also
break rules, currency, language, region and unit names, transliterators and
number spelling for about 900 locales). Qt Core calls ICU for four things only
(`nm -D libQt6Core.so.6`): collation (QCollator), locale-aware upper/lower case,
time zone display names and canonical ids (QTimeZone), and converters for
encodings Qt has no built-in codec for (QStringConverter). This module keeps
the data those need, for the app's languages and the root locale, and drops
the rest; ICU falls back to the root locale for any other locale, as it does
for a locale it does not know.

The data library holds one symbol, `icudtNN_dat`, whose bytes are an ICU
"common data" package (the same bytes as an `icudtNNl.dat` file): a header, a
table of contents (item count, then name and data offsets relative to the
table's start), the item names, then the items, each 16-byte aligned. The
package is read from the ELF file, filtered and written back as a new shared
library with the same soname (the C compiler assembles it with `.incbin`).

    python packaging/icu_data.py list LIB          items and sizes
    python packaging/icu_data.py trim LIB OUT [--languages de,en,...]
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Trees of the package no ICU call made by Qt reads.
UNUSED_TREES = frozenset({"brkitr", "curr", "lang", "rbnf", "region", "translit", "unit"})
# Locale trees Qt uses (collation, time zone names): kept for the app's languages and the
# root locale. The root level's locale bundles (number and date formats, ...) are read by
# ICU's formatters, which Qt does not use: only root.res stays there.
LOCALE_TREES = frozenset({"coll", "zone"})
# Root-level items that are not locales and no ICU call made by Qt reads: character
# names (u_charName), spoof checking and the StringPrep profiles.
UNUSED_ITEMS = re.compile(r"^(?:unames\.icu|confusables\.cfu|rfc\d+\w*\.spp)$")
# Converters worth keeping: the encodings of the WHATWG Encoding Standard (what mail,
# web pages and text files use), under the names of ICU's mapping tables. Mainframe
# (EBCDIC) and other vendor tables are dropped. Algorithmic converters (UTF-*,
# ISO-8859-1, US-ASCII, ISO-2022 framing, ...) need no table at all.
KEPT_CONVERTERS = frozenset(
    {
        # windows-1250 ... 1258
        "ibm-5346_P100-1998", "ibm-5347_P100-1998", "ibm-5348_P100-1997",
        "ibm-5349_P100-1998", "ibm-5350_P100-1998", "ibm-9447_P100-2002",
        "ibm-9448_X100-2005", "ibm-9449_P100-2002", "ibm-5354_P100-1998",
        # ISO-8859-2 ... 15 (ICU has no table for 16)
        "ibm-912_P100-1995", "ibm-913_P100-2000", "ibm-914_P100-1995", "ibm-915_P100-1995",
        "ibm-1089_P100-1995", "ibm-9005_X110-2007", "ibm-5012_P100-1999",
        "ibm-920_P100-1995", "iso-8859_10-1998", "iso-8859_11-2001", "ibm-921_P100-1995",
        "iso-8859_14-1998", "ibm-923_P100-1998",
        # KOI8-R, KOI8-U, IBM866, windows-874, macintosh, x-mac-cyrillic
        "ibm-878_P100-1996", "ibm-1168_P100-2002", "ibm-866_P100-1995",
        "windows-874-2000", "macos-0_2-10.2", "macos-7_3-10.2",
        # GBK, gb18030, Big5, Big5-HKSCS, EUC-JP, Shift_JIS, EUC-KR, windows-949, GB2312 (the
        # second name of a pair is the base table the first extends), and the tables
        # ISO-2022-JP/KR/CN switch between
        "windows-936-2000", "ibm-1386_P100-2001", "gb18030", "windows-950-2000",
        "ibm-1373_P100-2002", "ibm-1375_P100-2008", "euc-jp-2007", "ibm-943_P15A-2003",
        "ibm-970_P110_P110-2006_U2", "windows-949-2000", "ibm-1363_P11B-1998",
        "ibm-1383_P110-1999", "jisx-212", "ibm-5478_P100-1995", "ibm-949_P110-1999",
        "ibm-949_P11A-1999", "iso-ir-165", "cns-11643-1992",
    }
)  # fmt: skip


class IcuDataError(Exception):
    """The library is not what this module expects (the build keeps the original)."""


@dataclass(frozen=True)
class Package:
    """An ICU common data package: its header and its items in name order."""

    header: bytes
    items: dict[str, bytes]

    @property
    def prefix(self) -> str:
        """The items' common prefix, "icudt73l/"."""
        first = next(iter(self.items))
        return first.split("/", 1)[0] + "/"

    def to_bytes(self) -> bytes:
        names = sorted(self.items)  # ICU looks items up by binary search
        toc = bytearray(struct.pack("<I", len(names)))
        name_block = bytearray()
        name_start = 4 + 8 * len(names)
        name_offsets = []
        for name in names:
            name_offsets.append(name_start + len(name_block))
            name_block += name.encode("ascii") + b"\0"
        data = bytearray()
        data_start = _aligned(name_start + len(name_block))
        data_offsets = []
        for name in names:
            data_offsets.append(data_start + len(data))
            data += self.items[name]
            data += b"\xaa" * (_aligned(len(data)) - len(data))  # icupkg's padding byte
        for name_offset, data_offset in zip(name_offsets, data_offsets, strict=True):
            toc += struct.pack("<II", name_offset, data_offset)
        toc += name_block
        toc += b"\xaa" * (data_start - len(toc))
        return self.header + bytes(toc) + bytes(data)


def _aligned(size: int) -> int:
    return (size + 15) & ~15


def parse_package(blob: bytes) -> Package:
    header_size, magic = struct.unpack_from("<H2s", blob, 0)
    if magic != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise IcuDataError("not a little-endian ICU common data package")
    if header_size % 16:
        raise IcuDataError(f"unexpected header size {header_size}")
    (count,) = struct.unpack_from("<I", blob, header_size)
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items: dict[str, bytes] = {}
    ends = [offset for _, offset in entries[1:]] + [len(blob) - header_size]
    for (name_offset, data_offset), end in zip(entries, ends, strict=True):
        start = header_size + name_offset
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        items[name] = blob[header_size + data_offset : header_size + end]
    return Package(blob[:header_size], items)


@dataclass(frozen=True)
class Symbol:
    name: str
    offset: int  # in the file
    size: int


def data_symbol(library: bytes) -> Symbol:
    """The `icudtNN_dat` symbol of a 64-bit little-endian ELF shared library."""
    if library[:6] != b"\x7fELF\x02\x01":
        raise IcuDataError("not a 64-bit little-endian ELF file")
    shoff, _flags, _ehsize, _phentsize, _phnum, shentsize, shnum = struct.unpack_from(
        "<QIHHHHH", library, 0x28
    )
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + index * shentsize)
        for index in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link]
        for start in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from(
                "<IBBHQQ", library, start
            )
            name_at = strings[4] + st_name
            name = library[name_at : library.index(b"\0", name_at)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name):
                home = sections[shndx]  # file offset = value - section address + section offset
                return Symbol(name, value - home[3] + home[4], st_size)
    raise IcuDataError("no icudtNN_dat symbol")


def read_library(path: Path) -> tuple[Symbol, Package]:
    library = path.read_bytes()
    symbol = data_symbol(library)
    return symbol, parse_package(library[symbol.offset : symbol.offset + symbol.size])


def keep_item(name: str, languages: Iterable[str]) -> bool:
    """Whether a package item (without its "icudtNNl/" prefix) is needed."""
    tree, _, leaf = name.rpartition("/")
    if tree in UNUSED_TREES:
        return False
    if tree == "" and UNUSED_ITEMS.match(leaf):
        return False
    if leaf.endswith(".cnv"):
        return leaf.removesuffix(".cnv") in KEPT_CONVERTERS
    if leaf.endswith(".res") and tree in LOCALE_TREES | {""}:
        locale = leaf.removesuffix(".res")
        if not re.fullmatch(r"[a-z]{2,3}(?:_\w+)?", locale) or locale == "res_index":
            return True  # root, pool, supplementalData, zoneinfo64, metaZones, ...
        return tree != "" and locale.split("_")[0] in set(languages)
    return True


def trimmed(package: Package, languages: Sequence[str]) -> Package:
    prefix = package.prefix
    items = {
        name: data
        for name, data in package.items.items()
        if keep_item(name.removeprefix(prefix), languages)
    }
    return Package(package.header, items)


def write_library(package: Package, symbol: str, soname: str, out: Path) -> None:
    """A shared library with `symbol` holding the package, built with the C compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise IcuDataError("no C compiler (cc) to build the library with")
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp, "data.dat")
        dat.write_bytes(package.to_bytes())
        source = Path(tmp, "data.S")
        source.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, %object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{dat}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",%progbits\n',
            encoding="ascii",
        )
        done = subprocess.run(
            [
                compiler,
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{soname}",
                "-s",
                "-o",
                str(out),
                str(source),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise IcuDataError(f"{compiler} failed: {done.stderr.strip()}")


def trim_library(library: Path, out: Path, languages: Sequence[str]) -> tuple[int, int]:
    """Write the trimmed copy of `library` to `out`; (bytes before, bytes after)."""
    symbol, package = read_library(library)
    write_library(trimmed(package, languages), symbol.name, library.name, out)
    if read_library(out)[0].name != symbol.name:
        raise IcuDataError("the new library lost its data symbol")
    return library.stat().st_size, out.stat().st_size


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list")
    listing.add_argument("library", type=Path)
    trim = sub.add_parser("trim")
    trim.add_argument("library", type=Path)
    trim.add_argument("out", type=Path)
    trim.add_argument("--languages", default="en")
    args = parser.parse_args(argv)
    if args.command == "list":
        _, package = read_library(args.library)
        for name, data in package.items.items():
            print(f"{len(data):9d} {name}")
        return
    before, after = trim_library(args.library, args.out, args.languages.split(","))
    print(f"{args.library.name}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
