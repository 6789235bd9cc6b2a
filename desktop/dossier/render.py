"""Render a case to a PDF dossier: the order of the parts, progress, cancellation,
the step after layout (PDF receipts drawn into their pages) and the atomic write."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.model import Case

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
CJK_LANGUAGES = ("zh_CN",)  # dossier languages whose lines break between characters


class RenderCancelled(Exception):
    """The caller asked to stop; nothing was written to the output path."""


@dataclass
class _Steps:
    total: int
    progress: Progress | None
    cancelled: Cancelled | None
    done: int = 0
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise RenderCancelled()

    def advance(self, *, may_cancel: bool = True) -> None:
        if may_cancel:
            self.check()
        with self._lock:  # steps finish on several threads; report them in order
            self.done = min(self.done + 1, self.total)
            if self.progress is not None:
                self.progress(self.done, self.total)


def render_dossier(
    case: Case,
    out_path: Path,
    *,
    attachments_dir: Path | None = None,
    prepared_on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    page_size: str = "A4",
    redacted: bool = False,
    include_receipts_in_redacted: bool = False,
    renditions_dir: Path | None = None,
) -> int:
    """Write the case's dossier to `out_path` and return its page count.

    `redacted` writes the variant for sharing: identifiers masked everywhere
    (redact.py) and PDF receipts left out unless `include_receipts_in_redacted`.
    `renditions_dir` is where print renditions of pictures are cached
    (renditions.py); without it they are made in memory for this dossier only.
    `page_size` is "A4", "Letter", or "auto" (Letter in the US and Canada).

    The PDF is built in a temporary file beside `out_path` and moved into place
    only when complete; on failure or cancellation `out_path` is left as it was.
    Raises RenderCancelled when `cancelled()` turns true.
    """
    with _collector_paused():
        return _render(
            case,
            Path(out_path),
            attachments_dir=attachments_dir,
            prepared_on=prepared_on,
            progress=progress,
            cancelled=cancelled,
            page_size=page_size,
            redacted=redacted,
            include_receipts_in_redacted=include_receipts_in_redacted,
            renditions_dir=renditions_dir,
        )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic collector paused while the dossier is built, as the app's worker
    has it (desktop/ui/gc_pause.py): layout makes hundreds of thousands of objects that
    live until the end, and the collector would walk them over and over (a tenth of
    the time). Left alone when already paused, so the app's own pause is not undone."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _render(
    case: Case,
    out_path: Path,
    *,
    attachments_dir: Path | None,
    prepared_on: date | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    page_size: str,
    redacted: bool,
    include_receipts_in_redacted: bool,
    renditions_dir: Path | None,
) -> int:
    prepared = prepared_on or date.today()
    attachments = case.attachments()
    # fonts, files, sections, layout, receipts, written
    steps = _Steps(total=5 + len(attachments), progress=progress, cancelled=cancelled)
    steps.check()

    from desktop.dossier.strings import strings_for

    language = strings_for(case.owner.dossier_language).language
    source = case
    if redacted:
        from desktop.dossier.redact import redacted_case

        source = redacted_case(case)

    # The files are prepared on other threads (decoders release the GIL) while this
    # one loads the fonts and lays out the sections (pure Python); layout waits for
    # the files only when it reaches the exhibits.
    files = _Background(
        lambda: _plan(
            source,
            attachments_dir,
            renditions_dir,
            redacted,
            include_receipts_in_redacted,
            cancelled,
            steps,
        )
    )
    try:
        from desktop.dossier import layout  # reportlab: imported while the files are read

        size = layout.page_size(_paper(page_size, case))
        styles = layout.make_styles(word_wrap="CJK" if language in CJK_LANGUAGES else None)
        steps.advance()
        context = _context(source, styles, prepared, size, redacted)

        def exhibits_story() -> list[Any]:
            context.exhibits = files.result()
            steps.check()
            story = _exhibits(context)
            steps.advance()
            return story

        from desktop.dossier.flowables import Later

        story = _sections(context)
        story.append(Later(exhibits_story))
        base, record = _layout(context, story, size, steps)
    except BaseException:
        files.wait()  # it stops early when cancelled; its own outcome no longer matters
        raise
    exhibits = files.result()
    steps.advance()
    receipts = {exhibit.number: exhibit.pdf for exhibit in exhibits if exhibit.pdf is not None}

    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{out_path.name}.", suffix=".part", dir=out_path.parent
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as written:
            if record.slots:
                from desktop.dossier.receipts_pdf import draw_receipts

                draw_receipts(base, record.slots, receipts, written)
            else:
                written.write(base)
            steps.advance()
            written.flush()
            os.fsync(written.fileno())
        os.replace(temp, out_path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    steps.advance(may_cancel=False)  # written: too late to cancel
    return int(record.pages)


def _paper(name: str, case: Case) -> str:
    if str(name).strip().lower() != "auto":
        return name
    country = (case.owner.country or case.purchase.country).strip().upper()
    return "Letter" if country in {"US", "CA", "MX", "PH", "CL", "CO", "VE"} else "A4"


def language_tag(value: str) -> str:
    """The dossier language as a BCP 47 tag for the PDF's /Lang ("en" if unusable)."""
    tag = str(value).strip().replace("_", "-")
    return tag if _LANGUAGE_TAG.match(tag) and len(tag) <= 35 else "en"


def empty_now(*finished: object) -> None:
    """Empty objects that are done with and refer to one another (a document, its
    canvas, its PDF objects), so reference counting frees them here and now.

    Left as they are, only Python's cyclic collector frees them: tens of thousands
    of objects walked in one go, on whichever thread allocates next; in the app
    that is the GUI thread, a 60 ms freeze (benchmarks/gui_stall.py)."""
    for item in finished:
        if item is not None and hasattr(item, "__dict__"):
            vars(item).clear()


class _Background:
    """A function run on its own thread; `result()` waits and returns (or raises) its outcome."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self._work = work
        self._outcome: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="dossier-files", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._outcome = self._work()
        except BaseException as error:  # handed to the caller's thread
            self._error = error

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._outcome


def _plan(
    case: Case,
    attachments_dir: Path | None,
    renditions_dir: Path | None,
    redacted: bool,
    include_receipts: bool,
    cancelled: Cancelled | None,
    steps: _Steps,
) -> Any:
    from desktop.dossier.exhibits import plan_exhibits

    return plan_exhibits(
        case.attachments(),
        Path(attachments_dir) if attachments_dir is not None else None,
        renditions_dir=Path(renditions_dir) if renditions_dir is not None else None,
        redacted=redacted,
        include_receipts_in_redacted=include_receipts,
        cancelled=cancelled,
        done=lambda: steps.advance(may_cancel=False),
    )


def _context(
    case: Case,
    styles: Any,
    prepared: date,
    size: tuple[float, float],
    redacted: bool,
) -> Any:
    from desktop.coverage import case_locale, coverage_layers, strongest_argument
    from desktop.dossier import layout
    from desktop.dossier.blocks import Context, safely
    from desktop.dossier.formats import Formats
    from desktop.dossier.strings import strings_for
    from desktop.escalation import recommend

    # The dossier's own language, whatever the app's: a Russian speaker in the US may
    # write to the US team in English. Any language without a catalog prints English.
    strings = strings_for(case.owner.dossier_language)
    language = strings.language
    return Context(
        case=case,
        strings=strings,
        formats=Formats(safely(lambda: case_locale(case), "en")),
        styles=styles,
        prepared=prepared,
        frame=layout.content_box(size),
        redacted=redacted,
        exhibits=[],
        numbers={item.id: number for number, item in enumerate(case.attachments(), start=1)},
        layers=safely(lambda: coverage_layers(case, language), []),
        argument=safely(lambda: strongest_argument(case, prepared, language), ""),
        recommendation=safely(lambda: recommend(case, prepared, language), None),
    )


def _sections(ctx: Any) -> list[Any]:
    from desktop.dossier import call_sheet, front, sections

    story: list[Any] = []
    story += front.cover(ctx)
    story += front.summary(ctx)
    story += sections.coverage(ctx)
    story += sections.device(ctx)
    story += sections.purchase(ctx)
    story += sections.symptoms(ctx)
    story += sections.timeline(ctx)
    story += call_sheet.call_sheet(ctx)
    return story


def _exhibits(ctx: Any) -> list[Any]:
    from desktop.dossier import exhibit_pages

    return exhibit_pages.index(ctx) + exhibit_pages.pages(ctx)


def _layout(
    ctx: Any, story: list[Any], size: tuple[float, float], steps: _Steps
) -> tuple[bytes, Any]:
    from desktop.dossier import layout
    from desktop.dossier.flowables import Document as _Document
    from desktop.dossier.front import case_title, device_name
    from desktop.dossier.text import one_line

    s = ctx.strings
    title = case_title(ctx)
    prepared: date = ctx.prepared
    decoration = layout.PageDecoration(
        title=title,
        prepared=s.footer_prepared.format(date=ctx.date(prepared)),
        page_of=s.page_of,
        regular=ctx.styles.regular,
        bold=ctx.styles.bold,
        notice=s.footer_redacted if ctx.redacted else "",
        pdf_date=f"D:{prepared:%Y%m%d}000000Z",
    )
    record = layout.PageRecord()

    def on_page(_page: int) -> None:
        steps.check()

    canvas_class = layout.numbering_canvas(decoration, on_page, record)
    subject = s.pdf_subject_redacted if ctx.redacted else s.pdf_subject
    buffer = io.BytesIO()
    doc = _Document(
        buffer,
        pagesize=size,
        leftMargin=layout.MARGIN_LEFT,
        rightMargin=layout.MARGIN_RIGHT,
        topMargin=layout.MARGIN_TOP,
        bottomMargin=layout.MARGIN_BOTTOM,
        title=title,
        author=one_line(ctx.case.owner.name),
        subject=subject.format(device=device_name(ctx)),
        creator=s.pdf_creator,
        producer=s.pdf_creator,
        lang=language_tag(ctx.case.owner.dossier_language),
        invariant=1,
    )
    doc.build(story, canvasmaker=canvas_class)
    canvas = getattr(doc, "canv", None)
    empty_now(getattr(canvas, "_doc", None), canvas, doc)
    return buffer.getvalue(), record
