"""The Conflicts of interest page: declarations, the overdue list, the register."""
