"""The Exports view: a meeting's evidence package, the IRM package of a period and the
publication package, each previewed before it is written, signed, and built off the
database thread with progress and cancel."""
