"""The OGP Participation and Co-Creation Standards as data: the catalogues and their rules.

``catalogue`` loads and checks the bundled catalogues; ``rules`` defines the closed vocabulary of
evaluation rules; ``labels`` words them for people."""
