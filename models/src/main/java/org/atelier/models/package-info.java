/** Generator families (GAN, style transfer, diffusion) and feature extractors, on SameDiff. */
package org.atelier.models;
