package org.atelier.core.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 7: the {@code ./atelier} launcher at the repository root. Two first commands in a
 * fresh clone used to run two Maven builds over the same class files at once. Here the launcher
 * runs in a folder shaped like a fresh clone, with stand-ins for {@code mvn} (logs its start and
 * end, takes a second, writes the class path file) and {@code java} (does nothing): the two
 * builds must not overlap, and the launcher that waited must not build again.
 */
class LauncherBuildLockTest {
    @Test
    void twoLaunchersInAFreshCloneBuildOnceAndNeverAtTheSameTime(@TempDir Path tmp) throws Exception {
        Path repo = Path.of(System.getProperty("atelier.home", "."));
        Path clone = Files.createDirectories(tmp.resolve("clone"));
        Files.copy(repo.resolve("atelier"), clone.resolve("atelier"));
        Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(clone.resolve("core/src/main"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path log = tmp.resolve("builds.log");
        script(bin.resolve("mvn"), "echo \"start $$\" >> '" + log + "'\nsleep 1\nmkdir -p cli/target\n"
                + ": > cli/target/classpath.txt\nmkdir -p spark/target\n: > spark/target/classpath.txt\n"
                + "echo \"end $$\" >> '" + log + "'\n");
        script(bin.resolve("java"), "exit 0\n");

        List<Process> launchers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder("bash", clone.resolve("atelier").toString(), "info")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            launchers.add(pb.start());
        }
        for (Process p : launchers) {
            assertEquals(0, p.waitFor());
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size(), "one build, not two: " + lines);
        assertTrue(lines.get(0).startsWith("start ") && lines.get(1).startsWith("end "), lines.toString());
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
