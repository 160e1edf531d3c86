"""A one-line progress display for long CLI runs: done / total, rate, ETA (stderr, TTY-aware)."""

import sys
import time


class Progress:
    def __init__(self, total: int | None, label: str = "items", enabled: bool = True, every: float = 0.5):
        self.total = total
        self.label = label
        self.enabled = enabled
        self.every = every
        self.done = 0
        self.started = time.perf_counter()
        self._last = self.started
        self._tty = sys.stderr.isatty()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        if self.enabled and now - self._last >= (self.every if self._tty else 10.0):
            self._last = now
            self._render(now, final=False)

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.perf_counter()) - self.started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            remaining = (self.total - self.done) / rate if rate > 0 else float("inf")
            eta = f"ETA {remaining:5.0f}s" if remaining != float("inf") else "ETA   ?"
            return f"{self.done}/{self.total} {self.label} ({100 * self.done / self.total:5.1f}%) {rate:7.1f}/s {eta}"
        return f"{self.done} {self.label} {rate:7.1f}/s"

    def _render(self, now: float, final: bool) -> None:
        end = "\n" if final or not self._tty else "\r"
        print(self.line(now), end=end, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled and self.done:
            self._render(time.perf_counter(), final=True)
