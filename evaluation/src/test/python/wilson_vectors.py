"""Wilson score intervals that ShareTableTest checks ShareTable against.

Run with Debian's interpreter: /usr/bin/python3 evaluation/src/test/python/wilson_vectors.py
(needs python3-statsmodels; printed with statsmodels 0.13.5). Each line: count, n, low, high.
"""
from statsmodels.stats.proportion import proportion_confint

for count, n in [(8, 16), (0, 10), (10, 10), (240, 300)]:
    low, high = proportion_confint(count, n, alpha=0.05, method="wilson")
    print(f"{count} {n} {low:.12f} {high:.12f}")
