"""Packages the world receives: BagIt bags (RFC 8493), signed with Ed25519, and their check.

``bag_writer`` streams files into a bag (a folder or a ZIP) hashing each byte once,
``signing`` keeps the forum's signing key, ``verify`` checks a bag without trusting the
program that wrote it. What goes into a meeting, IRM or publication package is decided by
the modules that build them; these only make and check the container.
"""
