"""Forum Secretariat domain core.

Nothing in this package imports Qt: the desktop application (``ui``), the command line
(``secretariat.cli``) and the tests all reach every capability through
``secretariat.services``.
"""

__version__ = "0.1.0"
