"""The standards compliance engine.

Pure evaluation over plain data (``facts`` in, ``result`` out): ``engine.evaluate`` judges
one catalogue entry for a cycle on a day, with the checks of ``checks_*`` (one function per
records check of ``secretariat.standards.rules``). ``reading`` is the one module that
touches the database: it reads the records into ``facts`` through the services.
``terms.notice_days_on`` is the one place the notice period comes from. ``warnings``
says how far the forum is from the IRM's "acting contrary to process" triggers and what
falls due soon.
"""
