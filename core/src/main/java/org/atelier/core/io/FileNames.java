package org.atelier.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.atelier.core.errors.InvalidInputException;

/**
 * File names a user typed, as Java sees them. The JVM decodes command-line arguments with the
 * locale's charset; bytes that are not valid there (a Latin-1 {@code é} under a UTF-8 locale)
 * become U+FFFD, and the path built from that string names another file. A folder listing, by
 * contrast, keeps each name's raw bytes. So an input whose name holds U+FFFD is looked up in its
 * folder's listing (the one entry that decodes to the same string is the file meant), and an
 * output with such a name is refused rather than written under the replacement name.
 */
public final class FileNames {
    /** What the JVM puts in place of bytes it cannot decode. */
    private static final char REPLACEMENT = '\uFFFD';

    private FileNames() {
    }

    /**
     * An existing regular file the user named.
     *
     * @param what the kind of file, for messages ("image file", "config file")
     * @return {@code file}, or the listing's path holding the raw bytes of a name the locale cannot decode
     * @throws InvalidInputException naming the file: missing, a folder, or an undecodable name that matches no
     *                               single file
     */
    public static Path existingFile(Path file, String what) {
        Path found = existing(file, what);
        if (Files.isDirectory(found)) {
            throw new InvalidInputException(file + ": is a folder, expected " + article(what) + " " + what);
        }
        if (!Files.isRegularFile(found)) {
            throw new InvalidInputException(file + ": not a regular file, expected " + article(what) + " " + what);
        }
        return found;
    }

    /** Like {@link #existingFile} for a path that may be a file or a folder. */
    public static Path existing(Path file, String what) {
        if (Files.exists(file)) {
            return file;
        }
        if (!undecodable(file)) {
            throw new InvalidInputException(file + ": no such " + what);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && undecodable(parent) && !Files.exists(parent)) {
            parent = existing(parent, "folder");
        }
        String wanted = file.getFileName().toString();
        List<Path> matches;
        if (parent == null || !Files.isDirectory(parent)) {
            matches = List.of();
        } else {
            try (Stream<Path> s = Files.list(parent)) {
                matches = s.filter(p -> p.getFileName().toString().equals(wanted)).limit(2).toList();
            } catch (IOException e) {
                matches = List.of();
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new InvalidInputException(file + ": no such " + what + "; its name holds bytes that are not valid in "
                + "this locale's encoding (" + System.getProperty("sun.jnu.encoding", "unknown") + "), shown as "
                + REPLACEMENT + (matches.isEmpty() ? "" : ", and " + matches.size() + " or more files in "
                + parent + " decode to that name")
                + "; rename it to a UTF-8 name (e.g. with convmv), or run under a locale that decodes it");
    }

    /**
     * Refuses an output path the locale could not decode: writing it would create a file under
     * the replacement name, not the one the user typed.
     */
    public static Path writable(Path file) {
        if (undecodable(file)) {
            throw new InvalidInputException(file + ": the name holds bytes that are not valid in this locale's "
                    + "encoding (shown as " + REPLACEMENT + "); writing would create a file of another name — choose a "
                    + "UTF-8 name");
        }
        return file;
    }

    /** True when the path's text holds the replacement character, i.e. its bytes did not decode. */
    public static boolean undecodable(Path file) {
        return file.toString().indexOf(REPLACEMENT) >= 0;
    }

    private static String article(String what) {
        return "aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an" : "a";
    }
}
