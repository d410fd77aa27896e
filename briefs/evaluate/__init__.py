"""Quality figures for the extractor: scoring functions and the corpus runner.

``scoring`` holds pure functions (token F1, headline/date/byline match);
``corpus`` runs the real extractor over a corpus of cases with ground truth;
``report`` turns the results into the lines ``scripts/eval.py`` prints;
``summary`` scores drafted summaries with ROUGE beside Lead-1 and Lead-3.
"""
