/**
 * {@code atelier bench} and its subcommands: flags in, a call into the benchmarks module
 * ({@code org.atelier.bench}), the result printed.
 */
package org.atelier.cli.bench;
