/**
 * Feature extractors: fixed, named networks (id + SHA-256 of their weights) that map images to
 * vectors for distribution metrics and to layer activations for perceptual distances.
 * {@link org.atelier.models.features.FmnistV1} is the project's Fashion-MNIST classifier;
 * {@link org.atelier.models.features.PortraitsV1} its multi-task classifier of 32x32 synthetic
 * portraits (one head per attribute an audit slices by).
 */
package org.atelier.models.features;
