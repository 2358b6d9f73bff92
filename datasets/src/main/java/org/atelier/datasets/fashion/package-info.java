/** Fashion-MNIST: the embedded test split, and the training split from the Debian package or a folder. */
package org.atelier.datasets.fashion;
