"""The batch progress bar (articles, articles/s, ETA) and the closing summary, on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

from ..batch import BatchProgress, BatchReport


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.speed or (task.completed / task.elapsed if task.elapsed and task.completed else None)
        return Text(f"{speed:,.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")


class _CountColumn(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{int(task.completed):,}/{int(task.total or 0):,} articles", style="progress.download")


class RichBatchProgress(BatchProgress):
    """A rich bar fed by ``run_batch``'s progress callbacks; use as a context manager."""

    def __init__(self, console: Console, label: str = ""):
        self.progress = Progress(TextColumn(f"batch ({label})" if label else "batch"), BarColumn(bar_width=24),
                                 _CountColumn(), _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"),
                                 TimeRemainingColumn(), console=console, speed_estimate_period=60)
        self.task = None

    def __enter__(self):
        self.progress.start()
        return self

    def __exit__(self, *exc):
        self.progress.stop()

    def start(self, total: int) -> None:
        self.task = self.progress.add_task("batch", total=total)

    def advance(self, n: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, n)


def summary(report: BatchReport) -> str:
    """One paragraph for stderr: what was written, skipped and failed, and where."""
    parts = [f"{report.attributed:,} attributed -> {report.out} in {report.seconds:,.1f} s ({report.rate:,.2f} articles/s)"]
    if report.already_done:
        parts.append(f"{report.already_done:,} already in {report.out} (skipped)")
    if report.failed:
        parts.append(f"{report.failed:,} failed -> {report.errors_path}")
    if report.already_failed:
        parts.append(f"{report.already_failed:,} failed earlier, recorded in {report.errors_path} (skipped; --retry-failed to try again)")
    if report.torn_lines:
        parts.append(f"{report.torn_lines} torn last line(s) left by an interrupted run removed")
    if report.merged_parts:
        parts.append(f"{report.merged_parts} partition file(s) of an interrupted Dask run merged")
    return f"{report.documents:,} documents: " + "; ".join(parts) + "."
