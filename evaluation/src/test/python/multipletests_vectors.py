"""Adjusted p-values that MultipleTestingTest checks MultipleTesting against.

Run with Debian's interpreter: /usr/bin/python3 evaluation/src/test/python/multipletests_vectors.py
(needs python3-statsmodels; printed with statsmodels 0.13.5). One line per method.
"""
from statsmodels.stats.multitest import multipletests

P = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 0.001, 0.049, 0.3]
for method in ["holm", "fdr_bh"]:
    adjusted = multipletests(P, method=method)[1]
    print(method, " ".join(f"{v:.15g}" for v in adjusted))
