package org.atelier.cli;

import picocli.CommandLine;

/** {@code atelier --version}: the project version and the Java runtime. */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"atelier " + (v == null ? "0.1.0-SNAPSHOT" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
