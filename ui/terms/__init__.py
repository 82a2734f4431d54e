"""The "Terms of reference" page: versions, the selected version's fields in both
languages side by side, the changes from the version before, adoption, and the members
who have not signed the ethics statement of the version in force."""
