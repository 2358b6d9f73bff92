/**
 * {@code atelier audit}: bias audits across slices. Each command parses its options, calls
 * {@code org.atelier.evaluation.audit} or {@code org.atelier.experiments.audit}, and prints.
 */
package org.atelier.cli.audit;
