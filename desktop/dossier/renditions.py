"""Print renditions of pictures: decoded once, upright, print-sized, JPEG.

A phone photo is 12-48 megapixels; the dossier prints it at about 200 dpi in
a box of at most 1400 x 1400 pixels (the frame's width on A4 and Letter),
so decoding it is most of a heavy dossier's time. `prepare_rendition` makes
that small JPEG once and keeps it in a cache folder under a name made of the
file's SHA-256 and the rendition version; the app calls it when a file is
attached (off the GUI thread) and the renderer reuses it, rebuilding it if it
is missing. `prepare_renditions` does several at once on a thread pool:
Pillow and libheif decode with the GIL released, so each core decodes one.

JPEGs are decoded at 1/2, 1/4 or 1/8 scale where that still covers the box
(`Image.draft`); iPhone HEIC photos are read with pi-heif (pillow-heif's
decode-only build). Pictures over MAX_PIXELS are refused before decoding
(Pillow's own decompression-bomb limit is set to the same figure,
deliberately), as are files over MAX_FILE_BYTES.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
import threading
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VERSION = 1
BOX = (1400, 1400)  # pixels: a picture printed at about 200 dpi fills the frame's width
QUALITY = 80
MAX_PIXELS = 64_000_000  # a 48 MP iPhone photo passes; 64 MP of RGB is 192 MB decoded
MAX_FILE_BYTES = 100 * 1024 * 1024
# What the renderer prints as a picture (MPO: the JPEG variant some iPhones write).
PICTURE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "HEIF", "WEBP", "GIF", "BMP", "TIFF"})

_setup_lock = threading.Lock()
_set_up = False


class RenditionError(Exception):
    """Why a file gives no picture; `reason` is a key of DossierStrings.problems."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Rendition:
    data: bytes  # JPEG
    width: int  # pixels
    height: int


def _setup() -> None:
    """Register HEIC with Pillow and set its pixel limit, once per process."""
    global _set_up
    with _setup_lock:
        if _set_up:
            return
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        # Pictures over the limit are refused by size below; Pillow's warning adds nothing.
        warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
        with contextlib.suppress(ImportError):
            import pi_heif

            pi_heif.register_heif_opener()
        _set_up = True


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def rendition_path(cache_dir: Path, key: str) -> Path:
    safe = "".join(char for char in key.lower() if char in "0123456789abcdef")[:64]
    return Path(cache_dir) / f"{safe or 'x'}-r{VERSION}.jpg"


def prepare_rendition(source: Path, cache_dir: Path, *, key: str | None = None) -> Path:
    """The print rendition of a picture, made (and cached) if it is not there yet.

    `key` is the file's SHA-256 when the caller knows it (Attachment.sha256);
    otherwise the file is hashed. Raises RenditionError for a file that is not
    a printable picture, OSError when the cache cannot be written.
    """
    source = Path(source)
    target = rendition_path(cache_dir, key or file_digest(source))
    if _usable(target):
        return target
    rendition = make_rendition(source)
    write_atomically(target, rendition.data)
    return target


def _usable(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def make_rendition(source: Path, box: tuple[int, int] = BOX) -> Rendition:
    """Decode `source`, turn it upright, fit it into `box` and encode it as JPEG."""
    _setup()
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        size = source.stat().st_size
    except OSError:
        raise RenditionError("missing") from None
    if size == 0:
        raise RenditionError("empty")
    if size > MAX_FILE_BYTES:
        raise RenditionError("too_large")
    try:
        # Read whole at once: parsing the header from the file reads it piece by piece,
        # and each read waits for the GIL again while a dossier is being laid out.
        with Image.open(io.BytesIO(source.read_bytes())) as picture:
            if picture.format not in PICTURE_FORMATS:
                raise RenditionError("unreadable_image")
            width, height = picture.size
            if width <= 0 or height <= 0:
                raise RenditionError("unreadable_image")
            if width * height > MAX_PIXELS:
                raise RenditionError("too_large")
            if picture.format in ("JPEG", "MPO"):
                # Let the decoder scale by 1/2, 1/4 or 1/8: most of the time a photo costs.
                picture.draft("RGB", _fitted(width, height, box, _turned(picture)))
            # The whole file handed to the decoder at once: read in 64 kB pieces, each
            # piece waits for the GIL again, which the layout thread holds (a JPEG took
            # five times as long while a dossier was being laid out).
            picture.decodermaxblock = max(size, 65536)
            picture.load()
            image: Any = ImageOps.exif_transpose(picture)
            image = _flatten(image)
            if image.width > box[0] or image.height > box[1]:
                # A picture over twice the box (HEIC and PNG: no draft) is first halved
                # by a box filter, then Lanczos-scaled: a third of the time, and the
                # difference is under half a level in 255. A JPEG's draft is already
                # under twice the box.
                image.thumbnail(box, Image.Resampling.LANCZOS, reducing_gap=1.0)
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=QUALITY, subsampling=_subsampling(picture))
    except RenditionError:
        raise
    except (Image.DecompressionBombError, MemoryError):
        raise RenditionError("too_large") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, TypeError):
        raise RenditionError("unreadable_image") from None
    except Exception:  # a decoder's own error type: still just a bad file
        raise RenditionError("unreadable_image") from None
    return Rendition(out.getvalue(), image.width, image.height)


def _turned(picture: Any) -> bool:
    """Whether EXIF turns the picture by 90 degrees when it is shown."""
    try:
        return int(picture.getexif().get(0x0112, 1)) in (5, 6, 7, 8)
    except Exception:
        return False


def _fitted(width: int, height: int, box: tuple[int, int], turned: bool) -> tuple[int, int]:
    """The size, as stored, the picture will have once fitted into `box` upright."""
    box_w, box_h = (box[1], box[0]) if turned else box
    scale = min(box_w / width, box_h / height, 1.0)
    return max(1, int(width * scale)), max(1, int(height * scale))


def _subsampling(picture: Any) -> int:
    # Screenshots and scans keep full colour resolution (crisp coloured text); photos 4:2:0.
    return 2 if picture.format in ("JPEG", "MPO", "HEIF") else 0


def _flatten(image: Any) -> Any:
    """RGB or greyscale, transparency laid on white."""
    from PIL import Image

    if image.mode in ("RGB", "L"):
        return image
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode.startswith("I") or image.mode == "F":
        return image.convert("I").point(lambda value: value / 256).convert("L")
    return image.convert("RGB")


Job = tuple[Path, str | None]  # the picture, its SHA-256 if known
Result = Path | Rendition | RenditionError


def prepare_renditions(
    jobs: Sequence[Job],
    cache_dir: Path | None = None,
    *,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Result]:
    """Renditions of several pictures, decoded in parallel, in the order given.

    With a cache folder each result is the rendition's path (made if missing);
    without one, the rendition itself. A bad picture gives its RenditionError.
    """

    def one(job: Job) -> Result:
        if cancelled is not None and cancelled():
            return RenditionError("cancelled")
        source, key = job
        try:
            if cache_dir is None:
                return make_rendition(source)
            try:
                return prepare_rendition(source, cache_dir, key=key)
            except OSError:  # a cache that cannot be written: render from memory
                return make_rendition(source)
        except RenditionError as problem:
            return problem

    count = workers or min(len(jobs), os.cpu_count() or 1, 4)
    if count <= 1 or len(jobs) <= 1:
        return [one(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="rendition") as pool:
        return list(pool.map(one, jobs))


def read_size(path: Path) -> tuple[int, int]:
    """Pixel size of a rendition file (its header only)."""
    from PIL import Image

    with Image.open(path) as picture:
        width, height = picture.size
    return int(width), int(height)
