"""The standards catalogues (JSON), read by ``secretariat.standards.catalogue``."""
