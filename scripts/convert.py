#!/usr/bin/env python3
"""Convert seeds/ into briefs under docs/briefs/: the same as ``briefs convert``.

Usage: python scripts/convert.py [--seeds DIR] [--docs DIR] [--dry-run]
"""

import sys

from briefs.cli import main

if __name__ == "__main__":
    sys.exit(main(["convert", *sys.argv[1:]]))
