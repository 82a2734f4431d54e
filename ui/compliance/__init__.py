"""The "Standards compliance" page: a phase × element grid of the cycle's requirements,
the requirements of the chosen cell, and one requirement's reason and evidence."""
