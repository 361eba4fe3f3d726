"""The in-process scheduler: a background thread that polls the feeds that are due. Several
schedulers (processes, machines) may run against one database: feeds are claimed with a lease,
so none is polled twice at once."""

from __future__ import annotations

import logging
import threading

from newsloom.services.ingest import Ingestor, PollReport

log = logging.getLogger(__name__)


class Scheduler:
    def __init__(self, ingestor: Ingestor, tick_seconds: float) -> None:
        self._ingestor = ingestor
        self._tick = tick_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.passes = 0

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="newsloom-scheduler", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def run_once(self) -> list[PollReport]:
        reports = self._ingestor.poll_due()
        self.passes += 1
        for report in reports:
            if report.error:
                log.warning("%s: %s", report.source.name, report.error)
            elif report.new_articles:
                log.info("%s: %d new articles", report.source.name, report.new_articles)
        return reports

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # keep polling whatever one pass did
                log.exception("a polling pass failed")
            self._stop.wait(self._tick)
