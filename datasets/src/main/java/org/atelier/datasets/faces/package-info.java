/**
 * Readers for the public face datasets auditors bring (CelebA, UTKFace, FairFace), each in its
 * published layout, producing a {@link org.atelier.datasets.manifest.ManifestDataset} whose
 * attributes are the dataset's annotations. Age groups share FairFace's bins ({@link
 * org.atelier.datasets.faces.AgeGroups}) so slices compare across datasets.
 */
package org.atelier.datasets.faces;
