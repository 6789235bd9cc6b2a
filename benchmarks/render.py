"""Dossier rendering time, memory, size and pages: a heavy case and a typical one.

    .venv/bin/python benchmarks/render.py [--runs 3] [--keep DIR]

The heavy case (issue 5, point 8): 300 timeline entries, 8 photos of 12 MP
(one HEIC, one JPEG turned by its EXIF orientation), 3 PDF receipts of 10
pages, a 20,000-character symptom text in mixed scripts. The typical case:
10 entries, 2 photos. Both are generated into a temporary folder first (not
timed). Each figure is measured in a fresh process, so that "cold" really
means it:

- cold: a fresh process, nothing cached: imports, fonts, every photo decoded;
- renditions ready: the print renditions were made beforehand, as the app
  does when a file is attached (`prepare_rendition`); fresh process otherwise;
- app: renditions ready and `warm_up(scripts=True)` called first, as the app
  can do on a worker thread after start-up: the user's first dossier;
- second render: the same process renders again (fonts loaded, renditions ready).

Wall time is the `render_dossier` call (the import of desktop.dossier is
reported apart; reportlab, pypdf and Pillow are imported inside the call),
peak memory the process's maximum resident set (VmHWM: interpreter and
libraries included), size and pages those of the written PDF. Medians of
--runs; on a shared or throttled machine expect +-20 % between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.model import (  # noqa: E402
    Attachment,
    AttachmentRole,
    Case,
    Channel,
    ContactEntry,
    Device,
    DeviceKind,
    Outcome,
    Owner,
    Purchase,
    Symptoms,
    Tier,
)

PREPARED = date(2026, 11, 20)
SCRIPTS = [
    "The display flickers and turns green after a few minutes of use.",
    "Экран мерцает и становится зелёным через несколько минут.",
    "Η οθόνη τρεμοπαίζει και γίνεται πράσινη μετά από λίγα λεπτά.",
    "屏幕闪烁，几分钟后变成绿色。螢幕閃爍，幾分鐘後變成綠色。",
    "画面がちらつき、数分後に緑色になります。",
    "تومض الشاشة وتتحول إلى اللون الأخضر بعد بضع دقائق.",
    "המסך מהבהב והופך לירוק אחרי כמה דקות.",
    "Die Anzeige flackert und wird grün. 😀",
]


def mixed_text(length: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < length:
        sentence = rng.choice(SCRIPTS)
        parts.append(sentence)
        total += len(sentence) + 1
        if rng.random() < 0.12:
            parts.append("\n\n")
    return " ".join(parts)[:length]


def photo(size: tuple[int, int], seed: int) -> object:
    """A photo-like picture: soft colour fields, a gradient, edges and grain."""
    from PIL import Image, ImageDraw

    width, height = size
    rng = random.Random(seed)
    soft = Image.effect_noise((width // 8, height // 8), 60).convert("RGB")
    soft = soft.resize(size, Image.Resampling.BICUBIC)
    gradient = Image.linear_gradient("L").resize(size)
    picture = Image.merge("RGB", (soft.getchannel(0), gradient, soft.getchannel(2)))
    draw = ImageDraw.Draw(picture)
    for _ in range(30):
        x, y = rng.randrange(width), rng.randrange(height)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle((x, y, x + rng.randrange(80, 600), y + rng.randrange(80, 400)), fill=colour)
    grain = Image.effect_noise(size, 18).convert("RGB")
    return Image.blend(picture, grain, 0.08)


def receipt_pdf(path: Path, pages: int, seed: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(seed)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(pages):
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(
            60, 780, f"Example Electronics GmbH - Invoice EB-{seed:04d} - page {page + 1}"
        )
        canvas.setFont("Helvetica", 10)
        for line in range(45):
            canvas.drawString(
                60, 740 - line * 15, f"Item {line:02d}  {rng.random() * 100:8.2f} EUR"
            )
        canvas.rect(50, 50, 495, 720)
        canvas.showPage()
    canvas.save()


def write_case(folder: Path, *, entries: int, photos: int, receipts: int, text: int) -> Path:
    """Generate a case and its files in `folder`; returns the case's JSON path."""
    from PIL import Image

    files = folder / "attachments"
    files.mkdir(parents=True, exist_ok=True)
    attachments: list[Attachment] = []
    for index in range(photos):
        picture = photo((4032, 3024), seed=index)
        if index == 0 and photos >= 8:
            # A committed 12 MP HEIC made by photo() (pi-heif decodes only, cannot encode).
            name = f"photo-{index}.heic"
            shutil.copyfile(Path(__file__).parent / "data" / "photo-4032x3024.heic", files / name)
            kind = "image/heic"
        else:
            name = f"photo-{index}.jpg"
            exif = Image.Exif()
            if index == 1:
                exif[0x0112] = 6  # stored sideways, shown upright
            picture.save(files / name, format="JPEG", quality=90, exif=exif.tobytes())  # type: ignore[attr-defined]
            kind = "image/jpeg"
        attachments.append(Attachment(name, name, AttachmentRole.PHOTO, kind))
    receipt_list: list[Attachment] = []
    for index in range(receipts):
        name = f"receipt-{index}.pdf"
        receipt_pdf(files / name, 10, seed=index)
        receipt_list.append(Attachment(name, name, AttachmentRole.RECEIPT, "application/pdf"))
    import hashlib

    for item in [*attachments, *receipt_list]:
        path = files / item.stored_name
        item.size = path.stat().st_size
        item.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    case = Case(
        title="iPhone 15 Pro: display flickers — Экран мерцает — 屏幕闪烁",
        device=Device(DeviceKind.IPHONE, "iPhone 15 Pro", "F2LXK1ABCD12", "356789012345678"),
        apple_id="jane.doe@example.com",
        owner=Owner(name="Jane Doe", country="DE", time_zone="Europe/Berlin"),
        purchase=Purchase(
            date=date(2025, 1, 10),
            seller="Example Electronics",
            country="DE",
            order_number="W123456789",
            price=Decimal("1199.00"),
            currency="EUR",
            receipts=receipt_list,
        ),
        symptoms=Symptoms(
            description=mixed_text(text), first_noticed=date(2026, 9, 1), photos=attachments
        ),
    )
    start = datetime(2025, 2, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
    rng = random.Random(7)
    tiers = list(Tier)
    for index in range(entries):
        notes = mixed_text(rng.choice([80, 200, 400, 1200]), seed=index)
        case.contacts.append(
            ContactEntry(
                at=start + timedelta(days=index, hours=rng.randrange(8)),
                channel=rng.choice(list(Channel)),
                tier=tiers[index % len(tiers)],
                who=f"Advisor {index}",
                case_number=f"10{index // 50:08d}",  # a new case number every 50 contacts
                outcome=rng.choice(list(Outcome)),
                notes=notes,
                next_step="Call back" if index % 3 == 0 else "",
                next_step_due=date(2026, 1, 1) if index % 5 == 0 else None,
            )
        )
    from desktop.codec import case_to_dict

    path = folder / "case.json"
    path.write_text(json.dumps(case_to_dict(case)), encoding="utf-8")
    return path


CHILD = r"""
import json, resource, sys, time
from datetime import date
from pathlib import Path
t0 = time.perf_counter()
from desktop.codec import case_from_dict
from desktop.dossier import prepare_renditions, render_dossier
imports = time.perf_counter() - t0
folder, mode, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
case = case_from_dict(json.loads((folder / "case.json").read_text(encoding="utf-8")))
cache = folder / "renditions"
if mode != "cold":
    jobs = [(folder / "attachments" / a.stored_name, a.sha256) for a in case.symptoms.photos]
    prepare_renditions(jobs, cache)
if mode == "app":
    from desktop.dossier import warm_up
    warm_up(scripts=True)
times = []
for _ in range(2 if mode == "warm" else 1):
    t = time.perf_counter()
    pages = render_dossier(
        case, out, attachments_dir=folder / "attachments", prepared_on=date(2026, 11, 20),
        renditions_dir=None if mode == "cold" else cache,
    )
    times.append(time.perf_counter() - t)
# VmHWM: this process's own peak (ru_maxrss would carry the parent's over from exec).
try:
    status = Path("/proc/self/status").read_text()
    peak = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1]) / 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"imports": imports, "seconds": times[-1], "pages": pages,
                  "bytes": out.stat().st_size, "peak_mb": peak}))
"""


def measure(folder: Path, mode: str, runs: int) -> dict[str, float]:
    samples = []
    for run in range(runs):
        out = folder / f"out-{mode}-{run}.pdf"
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder), mode, str(out)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        samples.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if mode == "cold":
            for stale in (folder / "renditions").glob("*"):
                stale.unlink()
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    parser.add_argument("--only", choices=("heavy", "typical"), help="measure one case")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as temp:
        root = args.keep or Path(temp)
        cases = {
            "heavy": dict(entries=300, photos=8, receipts=3, text=20_000),
            "typical": dict(entries=10, photos=2, receipts=0, text=800),
        }
        if args.only:
            cases = {args.only: cases[args.only]}
        cores, version = os.cpu_count(), sys.version.split()[0]
        print(f"machine: {sys.platform}, {cores} cores, Python {version}")
        for name, shape in cases.items():
            folder = root / name
            started = time.perf_counter()
            if not (folder / "case.json").is_file():
                write_case(folder, **shape)
            generated = time.perf_counter() - started
            print(f"\n{name}: {shape} (generated in {generated:.1f} s)")
            columns = ("render s", "imports s", "peak MB", "size MB", "pages")
            print(f"  {'':18} " + " ".join(f"{column:>9}" for column in columns))
            for mode, label in (
                ("cold", "cold"),
                ("ready", "renditions ready"),
                ("app", "app: warmed, ready"),
                ("warm", "second render"),
            ):
                figures = measure(folder, mode, args.runs)
                print(
                    f"  {label:18} {figures['seconds']:9.2f} {figures['imports']:9.2f} "
                    f"{figures['peak_mb']:9.0f} {figures['bytes'] / 1e6:9.2f} "
                    f"{figures['pages']:9.0f}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
