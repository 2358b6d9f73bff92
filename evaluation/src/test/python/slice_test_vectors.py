"""p-values and intervals that SliceFrameTest checks SliceFrame's tests between slices against.

Run with Debian's interpreter: /usr/bin/python3 evaluation/src/test/python/slice_test_vectors.py
(needs python3-scipy and python3-statsmodels; printed with scipy 1.10.1, statsmodels 0.13.5).

The values have no ties, so that scipy's tie-corrected Mann-Whitney variance equals the plain one
Commons Math uses; neither side applies a continuity correction. The 2x2 chi-squared test is
without Yates' correction (scipy's correction=False), as Commons Math computes it.
"""
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

A = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 4.9]
B = [1.2, 0.7, 2.05, 1.5, 3.1, 0.4, 1.1]
print("welch", repr(stats.ttest_ind(A, B, equal_var=False).pvalue))
print("mannwhitney", repr(stats.mannwhitneyu(A, B, use_continuity=False, alternative="two-sided",
                                             method="asymptotic").pvalue))
print("chi2_2x2", repr(stats.chi2_contingency([[8, 2], [4, 6]], correction=False)[1]))
print("chi2_gof", repr(stats.chisquare([70, 20, 10], f_exp=[50, 25, 25]).pvalue))
lo, hi = proportion_confint(4, 50, alpha=0.05, method="wilson")
print("wilson_4_of_50", repr(lo), repr(hi))
