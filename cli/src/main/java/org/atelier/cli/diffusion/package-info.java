/**
 * Diffusion commands: {@code schedule}, {@code outpaint} and {@code vary}, and the option groups
 * with which {@code sample} and {@code inpaint} (in {@code org.atelier.cli.train}) dispatch to
 * diffusion runs.
 */
package org.atelier.cli.diffusion;
