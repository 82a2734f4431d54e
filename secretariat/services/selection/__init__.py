"""Selection rounds: a call for non-government members run by their own selection
committee, from the call to the published result. One verb per module: ``rounds``
(create, edit, move the status), ``committee``, ``candidates`` and ``candidate_import``,
``screening``, ``sources``, ``inputs`` (quotas, ballots, rubric and scores), ``running``,
``deciding`` (decide and its undo), ``publishing``; ``open_data`` and ``views`` read."""
