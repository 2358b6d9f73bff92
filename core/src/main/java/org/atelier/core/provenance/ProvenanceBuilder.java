package org.atelier.core.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Collects the facts of a {@link Provenance}; the git state is read from the git command if present. */
public final class ProvenanceBuilder {
    private final Map<String, String> datasets = new LinkedHashMap<>();
    private final Map<String, String> extra = new LinkedHashMap<>();
    private String configHash = "none";
    private long seed;
    private String backend = "not used";
    private String nd4jVersion = "not loaded";

    public ProvenanceBuilder configHash(String hash) {
        this.configHash = hash;
        return this;
    }

    public ProvenanceBuilder dataset(String id, String sha256) {
        datasets.put(id, sha256);
        return this;
    }

    public ProvenanceBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    public ProvenanceBuilder backend(String name, String version) {
        this.backend = name;
        this.nd4jVersion = version;
        return this;
    }

    public ProvenanceBuilder extra(String key, String value) {
        extra.put(key, value);
        return this;
    }

    public Provenance build() {
        Path cwd = Path.of("").toAbsolutePath();
        String commit = git(cwd, "rev-parse", "HEAD");
        String status = commit == null ? null : git(cwd, "status", "--porcelain", "--untracked-files=no");
        return new Provenance(commit, status != null && !status.isBlank(), configHash, datasets, seed, backend,
                nd4jVersion, System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Instant.now().toString(), extra);
    }

    /** Runs git in {@code dir}; null if git is absent, fails or takes over 5 s. */
    static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
