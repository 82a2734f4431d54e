"""The Members and seats page: table, balance panel, dialogs."""
