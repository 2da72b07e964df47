"""The ``attrib`` command. Thin: parse options, call the library, render. The only place that
prints errors and chooses exit codes: 0 ok, 1 data/runtime error, 2 usage error."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .errors import AttribError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Who said what in Hindi news: quotes, partial quotes and claims with their speakers.")
annotations_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Annotation files: validate.")
app.add_typer(annotations_app, name="annotations")
doccano_app = typer.Typer(add_completion=False, no_args_is_help=True,
                          help="The annotation loop with a doccano server (DOCCANO_URL, DOCCANO_USERNAME, DOCCANO_PASSWORD or ~/.netrc).")
app.add_typer(doccano_app, name="doccano")
err = Console(stderr=True, highlight=False, soft_wrap=True)
SUBCOMMANDS = {"extract", "speakers", "evaluate", "annotations", "train", "doccano", "batch", "--help", "-h"}


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    jsonld = "jsonld"


class Kind(str, Enum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", markup=True)
    raise typer.Exit(code)


def _max_bytes(max_mb: float) -> Optional[int]:
    """--max-mb as bytes; 0 means no limit."""
    return max(1, int(max_mb * 1_000_000)) if max_mb > 0 else None


def _read_inputs(files: List[str], max_mb: float = 10.0):
    """(source, text) for each readable input; errors and notes are reported on stderr, errors
    counted, never raised."""
    from .text import load_article, read_stream

    max_bytes = _max_bytes(max_mb)
    good, failed = [], 0
    for f in files:
        try:
            if f == "-":
                article = read_stream(sys.stdin.buffer, "<stdin>", max_bytes)
            else:
                article = load_article(f, max_bytes)
        except AttribError as e:
            err.print(f"error: {e}", markup=False)
            failed += 1
            continue
        for note in article.notes:
            err.print(f"warning: {note}", markup=False)
        good.append((f, article.text))
    return good, failed


@app.command("extract")
def extract_cmd(
    files: List[str] = typer.Argument(..., help="Article text files (UTF-8, or UTF-16 with a BOM); '-' reads stdin."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table or html (for people); json, jsonl or jsonld (schema.org, for CMSs)."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only statements by this speaker (registry id, or part of the name)."),
    kind: Optional[Kind] = typer.Option(None, "--kind", help="Only direct, partial or indirect statements."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop statements below this confidence."),
    model: Optional[Path] = typer.Option(None, "--model", help="A model directory (default: the one shipped with attrib)."),
    speakers: List[Path] = typer.Option([], "--speakers", help="Extra speaker registry JSON file(s)."),
    max_mb: float = typer.Option(10.0, "--max-mb", min=0.0, help="Refuse an input larger than this many MB (0: no limit)."),
):
    """Extract who said what from articles (the default command: `attrib FILE...`)."""
    from .extract import extract_many
    from .speakers import load_registry

    try:
        registry = load_registry(list(speakers))
        inputs, failed = _read_inputs(files, max_mb)
        results = list(extract_many(inputs, model=str(model) if model else None, registry=registry,
                                    min_confidence=min_confidence)) if inputs else []
    except AttribError as e:
        _fail(str(e))
    results = [_filter(r, speaker, kind) for r in results]
    out = Console(highlight=False, soft_wrap=format != Format.table)
    if not inputs:
        pass  # every input failed: nothing to print beyond the errors
    elif format == Format.table:
        from .render.table import print_tables

        print_tables(results, out)
    elif format == Format.jsonl:
        for r in results:
            sys.stdout.write(r.model_dump_json() + "\n")
    elif format == Format.html:
        from .render.html import render_html

        sys.stdout.write(render_html(zip(results, (t for _, t in inputs))))
    elif format == Format.jsonld:
        import json

        from .render.jsonld import to_jsonld

        sys.stdout.write(json.dumps(to_jsonld(results, registry), ensure_ascii=False, indent=2) + "\n")
    else:
        import json

        docs = [r.model_dump(mode="json") for r in results]
        payload = docs[0] if len(files) == 1 and len(docs) == 1 else docs
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if failed:
        err.print(f"{failed} of {len(files)} inputs failed; the others were processed.")
        raise typer.Exit(1)


def _filter(result, speaker: Optional[str], kind: Optional[Kind]):
    from .extract import summarise
    from .text import fold

    if not speaker and not kind:
        return result
    quotes = result.quotes
    if kind:
        quotes = [q for q in quotes if q.kind == kind.value]
    if speaker:
        key = fold(speaker)
        quotes = [q for q in quotes if q.speaker and (q.speaker.id == speaker or key in fold(q.speaker.name)
                                                       or (q.speaker.name_hi and key in fold(q.speaker.name_hi)))]
    return result.model_copy(update={"quotes": quotes, "speakers": summarise(quotes)})


@app.command("speakers")
def speakers_cmd(speakers: List[Path] = typer.Option([], "--speakers", help="Extra speaker registry JSON file(s).")):
    """List the speaker registry."""
    from rich.table import Table

    from .speakers import load_registry

    try:
        reg = load_registry(list(speakers))
    except AttribError as e:
        _fail(str(e))
    table = Table(title=f"{len(reg)} speakers")
    for col in ("id", "name", "Hindi", "kind", "aliases", "handles", "titles"):
        table.add_column(col)
    for s in reg:
        table.add_row(s.id, s.name, s.name_hi or "", s.kind, ", ".join(s.aliases), ", ".join(s.handles), ", ".join(s.titles))
    Console().print(table)


@app.command("evaluate")
def evaluate_cmd(
    annotations: List[Path] = typer.Argument(None, help="Annotation JSONL files (default: annotations/*.jsonl)."),
    part: str = typer.Option("test", "--part", help="Which split to evaluate on: test, dev or train."),
    split: Path = typer.Option(Path("annotations/split.json"), "--split"),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Corpus directory for stand-off records (default ../shared/corpus)."),
    model: Optional[Path] = typer.Option(None, "--model"),
    output: Optional[Path] = typer.Option(Path("training/metrics.json"), "--output", help="Where to write the metrics JSON."),
):
    """P/R/F1 per label, quote recall by kind, speaker accuracy and end-to-end F1 on a split."""
    from rich.table import Table

    from .corpus import default_annotation_files
    from .evaluate import evaluate_split, write_metrics

    try:
        files = annotations or default_annotation_files()
        result = evaluate_split(files, split, part, str(model) if model else None, corpus)
    except AttribError as e:
        _fail(str(e))
    if output:
        write_metrics(result, output)
    table = Table(title=f"{result['articles']} {part} articles")
    for col in ("label", "P exact", "R exact", "F1 exact", "P ≥0.5", "R ≥0.5", "F1 ≥0.5"):
        table.add_column(col)
    for lab, ex in result["labels_exact"].items():
        lo = result["labels_overlap"][lab]
        table.add_row(lab, *(f"{ex[k]:.3f}" for k in "prf"), *(f"{lo[k]:.3f}" for k in "prf"))
    con = Console()
    con.print(table)
    e2e = result["end_to_end"]
    con.print(f"speaker accuracy {result['speaker_accuracy']:.3f} (on {result['speaker_matched']} found statements); "
              f"end-to-end P {e2e['p']:.3f} R {e2e['r']:.3f} F1 {e2e['f']:.3f}")
    d = result["direct_quotes_exact"]
    con.print(f"direct quotes, exact: P {d['p']:.3f} R {d['r']:.3f} F1 {d['f']:.3f}")
    con.print("quote recall by kind: " + ", ".join(f"{k} {v['recall']:.3f} ({v['gold']})" for k, v in result["quote_recall_by_kind"].items()))


@app.command("batch")
def batch_cmd(
    inputs: List[str] = typer.Argument(..., help="Article files, directories, globs, or JSONL files of {\"id\", \"text\"} lines."),
    output: Path = typer.Option(..., "--output", "-o", help="Results: one JSON object per document (source = its id); resumable."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes on this machine (default 1; with --dask: LocalCluster workers, default 2)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run on dask.distributed: alone, a LocalCluster; or a scheduler address tcp://host:8786."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop statements below this confidence."),
    model: Optional[Path] = typer.Option(None, "--model", help="A model directory (default: the one shipped with attrib)."),
    speakers: List[Path] = typer.Option([], "--speakers", help="Extra speaker registry JSON file(s)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per task (per Dask partition)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Try again the documents recorded in OUT.errors.jsonl."),
    max_mb: float = typer.Option(10.0, "--max-mb", min=0.0, help="Record a document over this many MB as failed (0 = no limit)."),
):
    """Attribute an archive into OUT.jsonl: progress bar, resumable, failures to OUT.errors.jsonl."""
    from .batch import run_batch
    from .render.progress import RichBatchProgress
    from .speakers import load_registry

    import signal

    def _terminate(signum, frame):  # a job scheduler's SIGTERM stops like Ctrl-C: workers and cluster closed
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _terminate)
    workers = jobs or (2 if dask else 1)
    bar = RichBatchProgress(err, label="dask" if dask else f"{workers} process{'es' if workers > 1 else ''}")
    try:
        registry = load_registry(list(speakers))
        with bar:
            report = run_batch(inputs, output, jobs=workers, dask=dask, model=str(model) if model else None, registry=registry,
                               min_confidence=min_confidence, batch_size=batch_size, retry_failed=retry_failed,
                               max_bytes=_max_bytes(max_mb), progress=bar)
    except KeyboardInterrupt:
        err.print(f"interrupted; what was finished is in {output}. Run the same command again to resume.")
        raise typer.Exit(130)
    except AttribError as e:
        _fail(str(e))
    from .render.progress import summary

    err.print(summary(report), markup=False)
    if report.failed or report.already_failed:
        raise typer.Exit(1)


def _batch_dask_argv(args: List[str]) -> List[str]:
    """`--dask` may stand alone (a LocalCluster) or take an address: give typer `--dask=local` for the first."""
    import re

    out = []
    for i, a in enumerate(args):
        nxt = args[i + 1] if i + 1 < len(args) else ""
        if a == "--dask" and not ("://" in nxt or re.fullmatch(r"[\w.-]+:\d+", nxt) or nxt == "local"):
            a = "--dask=local"
        out.append(a)
    return out


@annotations_app.command("check")
def check_cmd(
    files: List[Path] = typer.Argument(..., help="Annotation JSONL files."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Corpus directory for stand-off records (default ../shared/corpus)."),
):
    """Validate annotation files against the guidelines; each problem names file:line, entity and text."""
    from .corpus import check_files
    from .train import blank_nlp

    count, problems = check_files(files, corpus, blank_nlp().tokenizer)
    for p in problems:
        err.print(str(p), markup=False)
    Console().print(f"{count} articles checked, {len(problems)} problems")
    if problems or count == 0:
        raise typer.Exit(1)


@app.command("train")
def train_cmd(
    exports: List[Path] = typer.Argument(..., help="doccano exports (.jsonl, or the .zip doccano downloads) and/or attrib annotation files."),
    output: Path = typer.Option(None, "--output", "-o", help="Model directory to write (default: the model shipped in the package; training/model-trf for --config trf). Replaced only once the new model loads."),
    base: Optional[Path] = typer.Option(None, "--base", help="Continue training from this model's components (e.g. attrib/model) instead of starting blank."),
    split: Optional[Path] = typer.Option(None, "--split", help="Split file (default annotations/split.json when present); unlisted articles are assigned by hash."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Corpus directory for stand-off records (default ../shared/corpus)."),
    config: str = typer.Option("cnn", "--config", help="cnn (training/config.cfg, the shipped kind), trf (training/config_trf.cfg, needs the trf extra) or a config file."),
    transformer: Optional[str] = typer.Option(None, "--transformer", help="With --config trf: a Hugging Face model name or a local directory (default google/muril-base-cased; or xlm-roberta-base)."),
    gpu_id: int = typer.Option(-1, "--gpu-id", help="Train on this GPU (needs a CUDA torch and cupy); -1 trains on the CPU."),
    max_steps: Optional[int] = typer.Option(None, "--max-steps", min=1, help="Stop after this many steps (default: the config's)."),
    init_tok2vec: Optional[Path] = typer.Option(None, "--init-tok2vec", help="Pretrained tok2vec weights to start from (written by training/pretrain.py; the shipped model started from them)."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Train without the examples that have errors instead of stopping."),
):
    """Train the span model on doccano exports, evaluate it on the dev split and install it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .corpus import load_split
    from .exports import read_exports
    from .render.training import metrics_heading, metrics_table, problem_summary
    from .train import check_training_inputs, default_output, train_model

    try:
        imported = read_exports(exports, corpus)
        for p in imported.errors:
            err.print(f"error: {p}", markup=False)
        for p in imported.warnings:
            err.print(f"warning: {p}", markup=False)
        err.print(problem_summary(imported), markup=False)
        if imported.errors and not skip_bad:
            _fail(f"{len(imported.errors)} examples have errors; fix the export, or pass --skip-bad to train without them")
        if not imported.articles:
            _fail("no examples to train on")
        default_split = Path("annotations/split.json")
        splits = load_split(split) if split else (load_split(default_split) if default_split.exists() else {})
        target = output or default_output(config)
        steps_shown = check_training_inputs(target, config, base, max_steps, transformer=transformer,
                                            init_tok2vec=init_tok2vec)
        with Progress(TextColumn("training"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[score]}"),
                      TimeElapsedColumn(), console=err, transient=False) as bar:
            task = bar.add_task("train", total=steps_shown, score="")

            def progress(step, info):
                score = f"dev F1 {info['score']:.3f}" if info else None
                bar.update(task, completed=step, **({"score": score} if score else {}))

            result = train_model(imported.articles, splits, target, config=config, base=base, max_steps=max_steps,
                                 progress=progress, transformer=transformer, use_gpu=gpu_id, init_tok2vec=init_tok2vec)
    except AttribError as e:
        _fail(str(e))
    out = Console()
    out.print(metrics_heading(result), markup=False)
    out.print(metrics_table(result))
    out.print(f"model written to {result.output}", markup=False)


def _doccano_client():
    from .doccano import DoccanoClient

    return DoccanoClient.from_env()


@doccano_app.command("create")
def doccano_create_cmd(
    name: str = typer.Argument(..., help="Project name (an existing project of that name is reused and completed)."),
    description: str = typer.Option("", "--description"),
    individual: bool = typer.Option(False, "--individual", help="Each annotator labels alone (doccano's non-collaborative mode)."),
):
    """Create the project: spans QUOTE, CLAIM, SPEAKER, CUE; relations said_by, cue, refers_to."""
    from .doccano import create_project

    try:
        project, created = create_project(_doccano_client(), name, description=description, collaborative=not individual)
    except AttribError as e:
        _fail(str(e))
    Console().print(f"{'created' if created else 'reused'} project {project['name']!r} (id {project['id']})")


@doccano_app.command("push")
def doccano_push_cmd(
    project: str = typer.Argument(..., help="Project id or name."),
    files: List[str] = typer.Argument(..., help="Article files (UTF-8 text) to pre-annotate and upload."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model that pre-annotates (default: the shipped one)."),
    relative_to: Optional[Path] = typer.Option(None, "--relative-to", help="Record each article's source relative to this directory (default: the path as given)."),
):
    """Upload articles with the current model's spans and relations, for annotators to correct."""
    import os

    from .doccano import find_project, push_articles

    try:
        client = _doccano_client()
        pid = find_project(client, project)["id"]
        inputs, failed = _read_inputs(files)
        if relative_to:
            inputs = [(Path(os.path.relpath(src, relative_to)).as_posix(), text) for src, text in inputs]
        result = push_articles(client, pid, inputs, model=str(model) if model else None) if inputs else None
    except AttribError as e:
        _fail(str(e))
    if result is not None:
        for e in result.import_errors:
            where = f"{e.get('filename', '')}:{e.get('line', '')}: " if isinstance(e, dict) else ""
            err.print(f"doccano refused {where}{e.get('message', e) if isinstance(e, dict) else e}", markup=False)
        for src in result.skipped:
            err.print(f"already in the project, not pushed again: {src}", markup=False)
        Console().print(f"pushed {result.pushed} articles to project {pid} "
                        f"({result.entities} spans, {result.relations} relations pre-annotated)")
    if failed or (result is not None and result.import_errors):
        raise typer.Exit(1)


@doccano_app.command("pull")
def doccano_pull_cmd(
    project: str = typer.Argument(..., help="Project id or name."),
    output: Path = typer.Option(Path("exports"), "--output", "-o", help="Directory for the ZIP and its JSONL files."),
    approved_only: bool = typer.Option(False, "--approved-only", help="Only examples marked done in doccano."),
):
    """Export the project from doccano, wait for the export, download and unzip the JSONL."""
    from .doccano import find_project, pull_export

    try:
        client = _doccano_client()
        pid = find_project(client, project)["id"]
        paths = pull_export(client, pid, output, approved_only=approved_only)
    except AttribError as e:
        _fail(str(e))
    for p in paths:
        Console().print(str(p))


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point: `attrib FILE...` runs `extract`; `attrib speakers|evaluate|annotations|train|doccano|batch …` the others."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in SUBCOMMANDS:
        args = ["extract", *args]
    if args and args[0] == "batch":
        args = _batch_dask_argv(args)
    app(args=args, prog_name="attrib")


if __name__ == "__main__":
    main()
