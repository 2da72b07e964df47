"""Rich tables: per article, one table grouped by speaker."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..schema import Attribution

KIND_STYLE = {"direct": "bold green", "partial": "yellow", "indirect": "cyan"}


def attribution_table(result: Attribution) -> Panel:
    if not result.quotes:
        body = Text("No quotes or attributed claims found.", style="dim")
        return Panel(body, title=result.source, title_align="left")
    table = Table(show_lines=True, expand=True)
    table.add_column("Speaker", ratio=2, no_wrap=False)
    table.add_column("Kind", ratio=1, min_width=8, no_wrap=True)
    table.add_column("Quote / claim", ratio=6)
    table.add_column("Cue", ratio=1)
    table.add_column("Conf.", justify="right", ratio=1)
    groups: dict = {}
    for q in result.quotes:
        key = (q.speaker.id or q.speaker.name) if q.speaker else None
        groups.setdefault(key, []).append(q)
    order = sorted(groups, key=lambda k: (k is None, -len(groups[k])))
    for key in order:
        quotes = groups[key]
        sp = quotes[0].speaker
        for n, q in enumerate(quotes):
            if n == 0:
                who = Text(sp.name if sp else "(unattributed)", style="bold" if sp else "dim")
                if sp and sp.name_hi:
                    who.append(f"\n{sp.name_hi}", style="dim")
                if sp and sp.mention and sp.mention.text != sp.name and sp.mention.text != sp.name_hi:
                    who.append(f"\nas “{sp.mention.text}”", style="dim italic")
            else:
                who = Text("")
            table.add_row(who, Text(q.kind, style=KIND_STYLE.get(q.kind, "")), Text(q.text),
                          Text(q.cue.text if q.cue else "—", style="magenta" if q.cue else "dim"), f"{q.confidence:.2f}")
    summary = Text(f"{len(result.quotes)} statements by {len(result.speakers)} speakers", style="dim")
    return Panel(Group(table, summary), title=result.source, title_align="left")


def print_tables(results, console: Console | None = None) -> None:
    console = console or Console()
    for r in results:
        console.print(attribution_table(r))
