"""Quality figures on a corpus of real articles with ground truth (``make eval``)."""
