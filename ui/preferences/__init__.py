"""Settings ▸ Preferences: one module per page, gathered by ``dialog.PAGES``."""
