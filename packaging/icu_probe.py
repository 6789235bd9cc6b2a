"""Ask Qt everything it asks ICU for and print the answers as JSON.

Run once with PySide6's own ICU data and once with the trimmed library first on
LD_LIBRARY_PATH (tests/test_packaging.py does both): for the app's languages
the answers must be the same. Qt Core's ICU calls (`nm -D libQt6Core.so.6`):
collation, locale-aware case mapping, time zone names, converters.
"""

from __future__ import annotations

import json
import sys
from functools import cmp_to_key
from pathlib import Path

from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

WORDS = [
    "Zebra", "apple", "Äpfel", "Ärger", "zoo", "école", "Eclair", "éclair", "côte", "cote",
    "коте", "Ёлка", "ель", "жук", "Łódź", "Lodz", "张伟", "張偉", "王芳", "李娜", "阿", "中国",
    "ひらがな", "カタカナ", "漢字", "محمد", "Ελληνικά", "iPhone 13", "iPhone 9", "öl", "Ol",
]  # fmt: skip
# Locales to sort and name time zones in: the app's own (which must not change), and
# others (which may fall back to ICU's root order and names; reported, not required).
LOCALES = ["en_US", "de_DE", "fr_FR", "ru_RU", "zh_CN", "zh_TW", "sv_SE", "ja_JP", "tr_TR"]
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Asia/Kolkata", "Europe/Moscow"]
CASES = [("tr_TR", "istanbul IŞIK"), ("de_DE", "Straße"), ("el_GR", "άλφα"), ("lt_LT", "i̇̀")]
# Encodings of the WHATWG Encoding Standard that need an ICU converter table, and a few more.
ENCODINGS = [
    "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "windows-874",
    "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
    "ISO-8859-8", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16",
    "KOI8-R", "KOI8-U", "IBM866", "macintosh", "x-mac-cyrillic",
    "GBK", "gb18030", "Big5", "Big5-HKSCS", "EUC-JP", "Shift_JIS", "ISO-2022-JP", "EUC-KR",
    "GB2312", "ISO-2022-KR", "ISO-2022-CN", "TIS-620",  # not WHATWG, but common
]  # fmt: skip


def answers() -> dict[str, object]:
    out: dict[str, object] = {}
    for name in LOCALES:
        collator = QCollator(QLocale(name))
        out[f"sort {name}"] = sorted(WORDS, key=cmp_to_key(collator.compare))
        out[f"compare {name}"] = [collator.compare("Äpfel", "Zebra"), collator.compare("张", "王")]
        for zone in ZONES:
            tz = QTimeZone(zone.encode())
            out[f"zone {zone} {name}"] = [
                tz.displayName(kind, QTimeZone.NameType.LongName, QLocale(name))
                for kind in (QTimeZone.TimeType.StandardTime, QTimeZone.TimeType.DaylightTime)
            ]
    for name, text in CASES:
        out[f"case {name}"] = [QLocale(name).toUpper(text), QLocale(name).toLower(text)]
    # A converter Qt cannot open makes an invalid decoder (Qt opens it at once), and
    # ICU lists a converter as available only when its table loads.
    out["decoders"] = {name: QStringDecoder(name).isValid() for name in ENCODINGS}
    out["available converters"] = sorted(QStringDecoder.availableCodecs())
    return out


def icu_data_loaded() -> str:
    maps = Path("/proc/self/maps")
    if maps.exists():
        for line in maps.read_text().splitlines():
            if "libicudata" in line:
                return line.split()[-1]
    return "?"


if __name__ == "__main__":
    result = answers()
    json.dump({"library": icu_data_loaded(), "answers": result}, sys.stdout, ensure_ascii=False)
