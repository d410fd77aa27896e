"""briefs: raw scraped news articles in, a curated static site of news briefs out.

The pipeline, one module per stage:

    read -> clean -> extract -> compose -> write -> site

``convert`` orchestrates the first five over a folder of seeds; ``site`` holds the
MkDocs hooks that turn ``docs/`` into the reader's site.
"""

__version__ = "0.1.0"
