"""Translation catalogs (data only): ``<language>/LC_MESSAGES/messages.po`` and ``.mo``."""
