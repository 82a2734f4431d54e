"""A synchronous stand-in for the database worker, for tests and benchmarks.

The records models only need ``submit(job, on_done, on_error)``; running the job at once
on the caller's thread makes a model's behaviour deterministic under Qt's model tester
and lets a benchmark time the query and the view update without a thread hop.
"""

from __future__ import annotations

from typing import Any, Callable


class SessionRunner:
    def __init__(self, store):
        self.store = store

    def submit(self, job: Callable, on_done: Callable | None = None,
               on_error: Callable | None = None) -> Any:
        with self.store.session() as session:
            try:
                result = job(session)
                session.commit()
            except Exception as error:  # noqa: BLE001 - handed to on_error like the worker
                session.rollback()
                if on_error is None:
                    raise
                on_error(error)
                return None
        if on_done is not None:
            on_done(result)
        return result
