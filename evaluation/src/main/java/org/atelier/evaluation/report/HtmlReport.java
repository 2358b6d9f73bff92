package org.atelier.evaluation.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.core.image.ImageFiles;
import org.atelier.core.io.AtomicFiles;
import org.atelier.core.io.Json;
import org.atelier.core.provenance.Provenance;
import org.jfree.chart.JFreeChart;

/**
 * A report folder: {@code index.html} with sections of text, figures, charts (PNG + SVG) and
 * tables, plus {@code results.json} (every number shown, machine-readable) and
 * {@code provenance.json}. Assets are written as they are added; the page is written last,
 * atomically, so an interrupted run never leaves a page pointing at missing files and a
 * previous complete report stays readable until the new one replaces it.
 */
public final class HtmlReport {
    private final Path dir;
    private final String title;
    private final Provenance provenance;
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();

    public HtmlReport(Path dir, String title, Provenance provenance) {
        this.dir = dir;
        this.title = title;
        this.provenance = provenance;
    }

    public Path dir() {
        return dir;
    }

    /** Starts a new section; later figures, charts and tables go into it. */
    public Section section(String heading, String intro) {
        Section s = new Section(heading, intro);
        sections.add(s);
        return s;
    }

    /** A value for results.json under {@code key} (nested maps and lists are fine). */
    public void result(String key, Object value) {
        results.put(key, value);
    }

    /** Writes results.json, provenance.json and finally index.html; returns the page's path. */
    public Path write() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("title", title);
        all.put("results", results);
        all.put("provenance", provenance);
        Json.write(dir.resolve("results.json"), all);
        Json.write(dir.resolve("provenance.json"), provenance);
        Path page = dir.resolve("index.html");
        AtomicFiles.writeString(page, HtmlPage.render(title, sections, provenance));
        return page;
    }

    /** One part of the page. */
    public final class Section {
        final String heading;
        final String intro;
        final List<Block> blocks = new ArrayList<>();

        private Section(String heading, String intro) {
            this.heading = heading;
            this.intro = intro;
        }

        /** Writes {@code name.png} and shows it with a caption. */
        public Section figure(String name, String caption, BufferedImage image) {
            ImageFiles.writePng(image, dir.resolve(name + ".png"));
            blocks.add(new Block.Figure(name + ".png", caption));
            return this;
        }

        /** Writes {@code name.png} and {@code name.svg}; shows the PNG, links the SVG. */
        public Section chart(String name, String caption, JFreeChart chart, int width, int height) {
            ChartFiles.write(chart, dir, name, width, height);
            blocks.add(new Block.Chart(name, caption, width));
            return this;
        }

        public Section table(List<String> header, List<List<String>> rows) {
            blocks.add(new Block.Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
            return this;
        }

        public Section text(String paragraph) {
            blocks.add(new Block.Text(paragraph));
            return this;
        }
    }

    /** What a section holds, in order. */
    sealed interface Block {
        record Figure(String file, String caption) implements Block {
        }

        record Chart(String name, String caption, int width) implements Block {
        }

        record Table(List<String> header, List<List<String>> rows) implements Block {
        }

        record Text(String paragraph) implements Block {
        }
    }
}
