/**
 * Inpainting fidelity on the hole, a seam band and the whole image: PSNR, SSIM, L1, MSE and an
 * LPIPS-recipe perceptual distance, averaged over each region's pixels only, per image, overall
 * and by hole-area bin. Pixel scores are on [0, 1] intensities ({@link org.atelier.evaluation.fidelity.ScoreScale}),
 * SSIM as scikit-image computes it.
 */
package org.atelier.evaluation.fidelity;
