/**
 * Scores of a style transfer against its two inputs: style distance (Gram matrices of the result
 * and the style under a fixed judge network) and content preservation (perceptual distance and
 * SSIM to the content image).
 */
package org.atelier.evaluation.style;
