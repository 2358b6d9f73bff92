/**
 * File-backed image datasets: a CSV manifest over an image folder
 * ({@link org.atelier.datasets.manifest.ManifestDataset#fromCsv}), and the shared machinery
 * (listing, root confinement, pixel limit, centre-crop + area resize, lazy hash) that the
 * face-dataset readers build on.
 */
package org.atelier.datasets.manifest;
