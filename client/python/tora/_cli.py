"""The ``tora`` command: ``tora sync [--dry-run] [--spool DIR]`` sends what runs left in the spool."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ._config import spool_dir
from ._http import Response
from ._spool import Entry, Replayer, inventory


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tora", description="Tora's command-line tool.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    sync = commands.add_parser(
        "sync",
        help="send the requests that runs could not deliver (kept in the spool directory)",
        description="Sends, in order, every request that runs saved in the spool because the server "
        "could not be reached. Each file names its server; TORA_API_KEY is sent as the API key. "
        "Metric batches carry ids, so a batch already stored is acknowledged, not stored twice.",
    )
    sync.add_argument("--dry-run", action="store_true", help="only show what would be sent")
    sync.add_argument("--spool", metavar="DIR", help="spool directory (default: TORA_SPOOL_DIR or ~/.tora/spool)")
    args = parser.parse_args(argv)
    if args.command != "sync":
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    return _sync(spool_dir(args.spool), args.dry_run)


def _sync(directory: Path, dry_run: bool) -> int:
    found = inventory(directory)
    if not found.requests:
        print(f"nothing to send in {directory}")
        return 0
    print(
        f"{found.requests} requests ({found.points:,} points) for {len(found.experiments)} experiment(s) "
        f"in {directory}"
    )
    for server, points in sorted(found.by_server.items()):
        print(f"  {server}: {points:,} points")
    if found.rejected:
        print(f"  {found.rejected} of them were refused by the server before and are tried again")
    if found.busy_streams:
        print(f"  {found.busy_streams} stream(s) belong to runs still in progress and are skipped")
    if dry_run:
        return 0

    total = found.requests
    done = 0
    tty = sys.stdout.isatty()

    def progress(entry: Entry, response: Response | None) -> None:
        nonlocal done
        done += 1
        if response is not None and not response.ok:
            err = response.error()
            print(("\n" if tty else "") + f"  refused: {entry.path} ({entry.kind}, experiment {entry.experiment_id}): {err}")
        if tty:
            print(f"\r  sent {done}/{total}", end="", flush=True)
        elif done % 100 == 0:
            print(f"  sent {done}/{total}", flush=True)

    report = Replayer(
        directory, os.environ.get("TORA_API_KEY") or None, include_rejected=True, on_sent=progress
    ).run()
    if tty:
        print()
    duplicates = (
        f"; {report.duplicate_batches} batch(es) were already stored" if report.duplicate_batches else ""
    )
    print(
        f"sent {report.sent_requests} requests ({report.sent_points:,} points{duplicates}), "
        f"{len(report.rejected)} refused, {report.left_requests} left ({report.left_points:,} points)"
    )
    for server, reason in report.unreachable.items():
        print(f"  {server} did not answer: {reason}; run `tora sync` again later")
    if report.busy_streams:
        print(f"  {report.busy_streams} stream(s) skipped: their runs are still in progress")
    for path in report.unreadable:
        print(f"  unreadable, left in place: {path}")
    if report.rejected:
        print("  refused requests stay in the spool; fix the cause (API key, experiment) and sync again")
    return 0 if not (report.rejected or report.left_requests or report.unreachable or report.unreadable) else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
