"""Stage 6, site: MkDocs hooks and helpers that turn docs/ into the reader's site."""
