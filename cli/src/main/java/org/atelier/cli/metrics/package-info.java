/** The {@code atelier metrics} commands: {@code distribution} and {@code fidelity}. */
package org.atelier.cli.metrics;
