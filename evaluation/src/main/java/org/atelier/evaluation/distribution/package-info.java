/**
 * Distribution quality of generated images: streaming, mergeable feature statistics
 * ({@link org.atelier.evaluation.distribution.FeatureStatistics}), FID and FID∞
 * ({@link org.atelier.evaluation.distribution.FrechetDistance},
 * {@link org.atelier.evaluation.distribution.FidInfinity}), KID
 * ({@link org.atelier.evaluation.distribution.KernelInceptionDistance}) and
 * precision/recall/density/coverage
 * ({@link org.atelier.evaluation.distribution.PrecisionRecallDensityCoverage}). Every result
 * names the feature extractor and the sample sizes.
 */
package org.atelier.evaluation.distribution;
