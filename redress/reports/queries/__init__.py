"""The report's aggregation queries. Each returns plain numbers computed in the database
(annotate/aggregate with conditional counts); nothing here loops over cases in Python.

Every query is scoped to the cases the reader may see (`cases_visible_to`), through `scoped()`.
"""
