/** The IDX file format of MNIST-style datasets: {@link org.atelier.datasets.idx.IdxReader} and its writer twin. */
package org.atelier.datasets.idx;
