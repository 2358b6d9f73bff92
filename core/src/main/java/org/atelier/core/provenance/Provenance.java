package org.atelier.core.provenance;

import java.util.Map;

/**
 * Where a run or report came from, enough to reproduce it or to see why two differ.
 * Built once when the run or report is made and stored with it ({@code provenance.json}).
 *
 * @param gitCommit     commit of the working tree, or null outside a git checkout
 * @param gitDirty      true when tracked files differ from that commit
 * @param configHash    SHA-256 of the resolved config's canonical JSON
 * @param datasets      dataset id to SHA-256 of its files, for every dataset read
 * @param seed          the run's seed; every random draw derives from it
 * @param backend       ND4J backend in use (e.g. "CPU (nd4j-native, oneDNN)"), or "none"
 * @param nd4jVersion   ND4J version, or "not loaded"
 * @param jvm           vendor and version of the Java runtime
 * @param os            operating system and architecture
 * @param createdAt     ISO-8601 instant
 * @param extra         anything else worth keeping (command line, extractor id)
 */
public record Provenance(String gitCommit, boolean gitDirty, String configHash, Map<String, String> datasets,
                         long seed, String backend, String nd4jVersion, String jvm, String os, String createdAt,
                         Map<String, String> extra) {
    public Provenance {
        datasets = Map.copyOf(datasets);
        extra = Map.copyOf(extra);
    }
}
