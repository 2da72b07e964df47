"""What `attrib train` and `attrib doccano` show: import problems, the final metrics table."""

from __future__ import annotations

from rich.table import Table


def problem_summary(result) -> str:
    """One line: how many examples were read, refused and warned about (by kind)."""
    parts = [f"{len(result.articles)} examples read"]
    if result.errors:
        parts.append(f"{len(result.errors)} refused")
    if result.warnings:
        kinds = ", ".join(f"{n} {kind}" for kind, n in result.warning_counts().most_common())
        parts.append(f"{len(result.warnings)} warnings ({kinds})")
    if result.converted_utf16:
        parts.append(f"{result.converted_utf16} converted from UTF-16 offsets")
    if result.skipped_standoff:
        parts.append(f"{result.skipped_standoff} stand-off records skipped (no corpus text here)")
    return "; ".join(parts)


def metrics_heading(result) -> str:
    part = "the training articles (there are no dev articles)" if result.dev_is_train else f"{result.counts['dev']} dev articles"
    base = f" from {result.base}" if result.base else ""
    return f"trained {result.steps} steps{base} on {result.counts['train']} articles; exact-span scores on {part}:"


def metrics_table(result) -> Table:
    """Per-label precision, recall and F1 (exact spans) of the new model on the dev split."""
    table = Table()
    for col in ("label", "P", "R", "F1"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for label, s in result.scores.items():
        table.add_row(label, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f']:.3f}", style="bold" if label == "ALL" else None)
    return table
