/**
 * The evaluating commands: {@code metrics distribution}, {@code metrics fidelity}, {@code metrics compare}
 * and {@code inpaint-eval}. Each parses its options, calls {@code org.atelier.evaluation}, and prints.
 */
package org.atelier.cli.evaluate;
