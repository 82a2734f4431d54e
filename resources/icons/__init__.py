"""Application icons (a package so installers and wheels carry the files)."""
