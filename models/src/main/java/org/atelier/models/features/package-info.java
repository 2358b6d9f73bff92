/**
 * Feature extractors: fixed, named networks (id + SHA-256 of their weights) that map images to
 * vectors for distribution metrics and to layer activations for perceptual distances.
 * {@link org.atelier.models.features.FmnistV1} is the project's Fashion-MNIST classifier.
 */
package org.atelier.models.features;
