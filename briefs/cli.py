"""The ``briefs`` command. The only place that prints, and the only place that exits.

Exit codes: 0 all done; 1 finished but something was rejected or kept in conflict
(the good seeds were still published); 2 usage or configuration error; 3 environment
failure (lock held, output not writable).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefs import __version__
from briefs.errors import BriefsError, ConfigError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_ENV = 0, 1, 2, 3


class Project:
    """Where things are: the project root holds mkdocs.yml; seeds/ and docs/ beside it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.config = Path(args.config)
        if not self.config.is_file():
            raise ConfigError(str(self.config), "no such file: run from a project root "
                              "(where mkdocs.yml is) or pass --config")
        self.root = self.config.absolute().parent
        seeds, docs = getattr(args, "seeds", None), getattr(args, "docs", None)
        self.seeds = Path(seeds) if seeds else self.root / "seeds"
        self.docs = Path(docs) if docs else self.root / _docs_dir(self.config)
        self.seeds_given = bool(seeds)  # (--docs is checked as docs_dir is)
        # --docs is the docs folder of the site built too
        self.overrides: dict[str, Any] = {"docs_dir": str(self.docs.absolute())} if docs \
            else {}
        # where the docs folder comes from, for its errors: the option or mkdocs.yml's key
        self.docs_named: tuple[str, str | None] = ("--docs", None) if docs \
            else (self.config.name, "docs_dir")

    def site_config(self, *, peek: bool = True, **overrides: Any) -> Any:
        """mkdocs.yml validated as the build reads it, and the docs folder checked
        (``check_docs_dir``). Every command asks first: a config the build would refuse
        is a usage error with nothing written, not briefs written and then a failed
        build. Another run that holds the lock is named before (loading MkDocs' config
        takes a third of a second, and a second run is told at once); only a look, under
        a shared lock for an instant, that writes nothing (``peek=False``: none, for
        ``check``, which writes nothing and may run beside a convert)."""
        from briefs.convert import lock_path, show
        from briefs.lock import hold
        from briefs.site.config import check_docs_dir, inside_project, site_config

        if self.seeds_given:
            inside_project(self.seeds, self.root, "--seeds")
        kept = {"the seed folder": self.seeds, "git's folder": self.root / ".git",
                "the converter's state": self.root / ".briefs"}
        if self.overrides:  # (MkDocs' own refusal of a docs_dir in site_dir is less clear)
            kept["the site folder"] = self.root / (_setting(self.config, "site_dir") or "site")
        check_docs_dir(self.docs, self.root, kept, *self.docs_named)
        if peek:
            lock = lock_path(self.docs)
            with hold(lock, show(lock, self.root), shared=True):
                pass
        config = site_config(self.config, self.root, **{**self.overrides, **overrides})
        check_docs_dir(self.docs, self.root, {"the site folder": Path(config.site_dir)},
                       *self.docs_named)
        return config


def _docs_dir(config: Path) -> str:
    """``docs_dir`` as mkdocs.yml sets it (default ``docs``), read without running plugins."""
    return _setting(config, "docs_dir") or "docs"


def _setting(config: Path, key: str) -> str | None:
    """A top-level value of mkdocs.yml as written (``None``: not set), read without
    running plugins."""
    import yaml

    class _Tolerant(yaml.SafeLoader):
        pass

    _Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Tolerant)
    except OSError as exc:
        raise ConfigError(str(config), f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(str(config), f"not UTF-8 (invalid byte at {exc.start})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ConfigError(str(config), f"{where}{getattr(exc, 'problem', None) or exc}") \
            from exc
    value = data.get(key) if isinstance(data, dict) else None
    return str(value) if value else None


def one_line(text: str) -> str:
    """``text`` with its control, format and line-separator characters written as escapes
    (``seeds/new\\nline.txt``): a file's name may hold any of them, and a message stays
    one line, with no escape sequence reaching the terminal and no right-to-left mark
    turning the line around."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch == " " or unicodedata.category(ch) not in _UNPRINTED
        else ch.encode("unicode_escape").decode("ascii") for ch in text)


_UNPRINTED = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


class Console:
    """Messages on stderr, one a line; progress only on a terminal."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()

    def message(self, line: str) -> None:
        if self.quiet and line.startswith("INFO"):
            return
        self._clear()
        print(one_line(line), file=sys.stderr)

    def progress(self, done: int, total: int) -> None:
        if self.tty and not self.quiet and total >= 20:
            print(f"\r  converting {done}/{total}", end="", file=sys.stderr, flush=True)

    def _clear(self) -> None:
        if self.tty:
            print("\r\033[K", end="", file=sys.stderr)

    def summary(self, line: str) -> None:
        self._clear()
        print(one_line(line))


# Commands -----------------------------------------------------------------------------

def cmd_convert(args: argparse.Namespace, console: Console) -> int:
    from briefs.convert import convert

    project = Project(args)
    project.site_config()
    report = convert(project.root, project.seeds, project.docs, dry_run=args.dry_run,
                     withdraw=args.withdraw, progress=console.progress)
    for message in report.messages:
        console.message(str(message))
    prefix = "dry run: " if args.dry_run else ""
    console.summary(f"convert: {prefix}{_summary(report)}")
    return report.exit_code


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    from briefs.check import check

    project = Project(args)
    project.site_config(peek=False)  # a config the build would refuse is said here too
    result = check(project.root, project.seeds, project.docs)
    for message in result.messages:
        console.message(str(message))
    console.summary(f"check: {result.summary()}")
    return result.exit_code


def cmd_remove(args: argparse.Namespace, console: Console) -> int:
    from briefs.convert import remove

    project = Project(args)
    project.site_config()
    report = remove(project.root, project.docs, args.seed, dry_run=args.dry_run)
    for message in report.messages:
        console.message(str(message))
    verb = "would be withdrawn (dry run)" if args.dry_run else "withdrawn"
    done = "nothing withdrawn" if report.rejected else f"{args.seed} {verb}"
    console.summary(f"remove: {done}")
    return report.exit_code


def cmd_keep(args: argparse.Namespace, console: Console) -> int:
    from briefs.convert import keep

    project = Project(args)
    project.site_config()
    report = keep(project.root, project.docs, args.seed)
    for message in report.messages:
        console.message(str(message))
    console.summary("keep: nothing kept" if report.rejected else f"keep: {args.seed} kept as "
                    "edited")
    return report.exit_code


def _summary(report: Any) -> str:
    """The report's summary, plus the briefs kept in conflict (the reason for exit 1)."""
    extra = (f", {report.conflicts} in conflict (not written; see the lines above)"
             if report.conflicts else "")
    return f"{report.summary()}{extra}"


def cmd_build(args: argparse.Namespace, console: Console) -> int:
    from briefs.convert import lock_path, show
    from briefs.lock import hold

    project = Project(args)
    config = project.site_config(strict=True)
    site_dir = _site_dir(args, project, config)
    lock = lock_path(project.docs)
    with hold(lock, show(lock, project.root)):  # one lock across convert, check and build
        return _build(project, site_dir, console)


def _site_dir(args: argparse.Namespace, project: Project, config: Any) -> Path:
    """``--site-dir``, else mkdocs.yml's ``site_dir``; refused (before anything is
    converted) where the built site would replace the project or what is not a site."""
    from briefs.convert import show
    from briefs.site.config import check_site_dir

    site_dir = Path(args.site_dir) if args.site_dir else Path(config.site_dir)
    kept = (project.docs, Path(config.docs_dir), project.seeds, project.root / ".git",
            project.root / ".briefs")
    check_site_dir(site_dir, project.root, kept, show(site_dir, project.root))
    return site_dir


def _build(project: Project, site_dir: Path, console: Console) -> int:
    from briefs.check import check_briefs
    from briefs.convert import convert, show
    from briefs.site.build import build_site

    started = time.monotonic()
    report = convert(project.root, project.seeds, project.docs, progress=console.progress)
    for message in report.messages:
        console.message(str(message))
    checked = check_briefs(project.root, project.docs)
    for message in checked.messages:
        console.message(str(message))
    shown = show(site_dir, project.root)
    if checked.errors:
        console.summary(f"build: refused: {checked.errors} brief(s) invalid; {shown}/ unchanged")
        return EXIT_REJECTED
    build_site(project.config, site_dir, project.overrides)
    seconds = time.monotonic() - started
    console.summary(f"build: {_summary(report)}; site built in {shown}/ in {seconds:.1f} s")
    return report.exit_code


def dev_addr(value: str) -> str:
    """``--dev-addr`` checked before anything runs (MkDocs checks it after the first
    convert, and a port past 65535 ended in a traceback): an IP address or localhost,
    a port from 0 to 65535."""
    import ipaddress

    from briefs.site.serve import split_address

    host, port = split_address(value)
    try:
        if host != "localhost":
            ipaddress.ip_address(host)
        valid = ":" in value and port.isdigit() and int(port) <= 65535
    except ValueError:
        valid = False
    if not valid:
        raise argparse.ArgumentTypeError(
            f"expected IP:PORT (127.0.0.1:8000, [::1]:8000, localhost:8000), got {value!r}")
    return value


def cmd_serve(args: argparse.Namespace, console: Console) -> int:
    from briefs.convert import convert
    from briefs.site.serve import can_listen, serve

    project = Project(args)
    project.site_config()
    can_listen(args.dev_addr)  # a port taken is said before anything is converted

    def run_convert() -> None:
        try:
            report = convert(project.root, project.seeds, project.docs)
        except BriefsError as exc:
            console.message(f"ERROR {exc.message}")
            return
        for message in report.messages:
            if message.level != "INFO" or report.written:
                console.message(str(message))
        if report.written:
            console.summary(f"convert: {_summary(report)}")

    run_convert()
    console.summary(f"serve: http://{args.dev_addr}/ (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        serve(project.config, args.dev_addr, project.seeds, run_convert, project.overrides)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace, console: Console) -> int:
    from briefs.compose import compose
    from briefs.errors import SeedError
    from briefs.extract import extract
    from briefs.read import read_seed

    failed = 0
    for name in args.seeds_given:
        try:
            seed = read_seed(Path(name), name)
            brief, notes = extract(seed)
            brief = compose(brief)
        except Exception as exc:  # as in convert: a fault of ours on one seed is named too
            error = exc if isinstance(exc, BriefsError) else SeedError.internal(name, exc)
            failed += 1
            console.message(f"ERROR {error.message}")
            continue
        for note in (*seed.notes, *notes):  # (the warnings convert gives)
            console.message(f"WARNING {name}: {note}")
        print(json.dumps(extract_record(name, brief), ensure_ascii=False))
    console.message(f"INFO extract: {len(args.seeds_given) - failed} read, {failed} rejected")
    return EXIT_REJECTED if failed else EXIT_OK


def extract_record(seed: str, brief: Any) -> dict[str, Any]:
    """One JSON object: seed, title, body, date, byline, categories, then every other
    front-matter field (``null`` or ``[]`` when the seed does not say)."""
    from briefs.record import FIELD_NAMES

    record: dict[str, Any] = {"seed": seed, "title": brief.title,
                              "body": "\n\n".join(brief.body)}
    for name in ("date", "byline", "categories", *FIELD_NAMES):
        if name in record:
            continue
        value = getattr(brief, name)
        if name == "date" and value is not None:
            value = value.isoformat()
        record[name] = list(value) if isinstance(value, tuple) else value
    record["seed"] = seed
    return record


# Parser -------------------------------------------------------------------------------

COMMANDS: dict[str, tuple[Callable[[argparse.Namespace, Console], int], str]] = {
    "convert": (cmd_convert, "convert every seed into a brief under docs/briefs/"),
    "build": (cmd_build, "convert, check, then build the static site (strict)"),
    "serve": (cmd_serve, "convert, build and serve a live preview; converts new seeds"),
    "check": (cmd_check, "validate seeds and briefs; writes nothing"),
    "remove": (cmd_remove, "take a seed's brief off the site for good"),
    "keep": (cmd_keep, "settle a conflict for the edited page: the seed's change is seen"),
    "extract": (cmd_extract, "print what is read from each seed, as JSON Lines"),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="briefs", description="Turn raw scraped news articles into a static site of "
        "news briefs. Run from the project root (where mkdocs.yml is).")
    top.add_argument("--version", action="version", version=f"briefs {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default="mkdocs.yml", help="MkDocs config (default: "
                        "mkdocs.yml); the project root is its folder")
    common.add_argument("-v", "--verbose", action="store_true", help="tracebacks on errors")
    common.add_argument("-q", "--quiet", action="store_true", help="only errors, warnings "
                        "and the summary line")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    paths = argparse.ArgumentParser(add_help=False)
    paths.add_argument("--seeds", metavar="DIR", help="seed folder (default: seeds/)")
    paths.add_argument("--docs", metavar="DIR", help="docs folder, inside the project "
                       "(default: mkdocs.yml docs_dir)")
    for name, (func, text) in COMMANDS.items():
        parents = [common] if name == "extract" else [common, paths]
        p = sub.add_parser(name, parents=parents, help=text, description=text)
        p.set_defaults(func=func)
        if name == "convert":
            p.add_argument("--dry-run", action="store_true", help="report, write nothing")
            p.add_argument("--withdraw", action="store_true", help="take orphans (briefs "
                           "whose seed was deleted) off the site: draft: true, recorded")
        if name in ("remove", "keep"):
            p.add_argument("seed", metavar="SEED", help="the seed (seeds/x.txt) or its brief "
                           "(docs/briefs/x.md)")
        if name == "remove":
            p.add_argument("--dry-run", action="store_true", help="report, write nothing")
        if name == "build":
            p.add_argument("--site-dir", metavar="DIR",
                           help="output folder (default: mkdocs.yml site_dir)")
        if name == "serve":
            p.add_argument("--dev-addr", metavar="HOST:PORT", default="127.0.0.1:8000",
                           type=dev_addr,
                           help="address to serve on (default: 127.0.0.1:8000)")
        if name == "extract":
            p.add_argument("seeds_given", nargs="+", metavar="SEED", help="seed files")
    return top


def _check_jobs() -> None:
    """``BRIEFS_JOBS``, when set, is a whole number of processes (it was ignored when it
    was not, and the run took every core)."""
    from briefs.incremental import asked_jobs

    try:
        asked_jobs()
    except ValueError:
        raise ConfigError("BRIEFS_JOBS", f"expected a number of processes (1 or more), got "
                          f"{os.environ['BRIEFS_JOBS']!r}; nothing written") from None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, usage errors are 2
        return int(exc.code or 0)
    console = Console(quiet=args.quiet)
    try:
        _check_jobs()
        return int(args.func(args, console))
    except BriefsError as exc:
        if args.verbose:
            traceback.print_exc()
        console.message(f"ERROR {exc.message}")
        return exc.exit_code
    except KeyboardInterrupt:
        console.message("ERROR interrupted")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
