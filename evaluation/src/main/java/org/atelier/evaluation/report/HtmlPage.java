package org.atelier.evaluation.report;

import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;
import org.atelier.core.provenance.Provenance;

/** Renders a report's sections as one self-contained HTML page (no scripts, no external assets). */
final class HtmlPage {
    private static final String STYLE = """
            body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
            h1{font-size:1.6em;margin-bottom:.2em} h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            figure{display:inline-block;margin:.5em 1em .5em 0;vertical-align:top} figcaption{font-size:.85em;color:#555;max-width:560px}
            img{image-rendering:pixelated;border:1px solid #ddd}
            table{border-collapse:collapse;margin:.6em 0;font-size:.9em} td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
            th{background:#f3f3f3} td:first-child,th:first-child{text-align:left}
            .tw{overflow-x:auto;max-width:100%}
            .prov{font-size:.8em;color:#555} .prov td{text-align:left}
            """;

    private HtmlPage() {
    }

    static String render(String title, List<HtmlReport.Section> sections, Provenance p) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>").append(STYLE).append("</style></head>\n<body>\n<h1>").append(esc(title))
                .append("</h1>\n<p class=\"prov\">Made ").append(esc(p.createdAt())).append(" · backend ")
                .append(esc(p.backend())).append(" · seed ").append(p.seed()).append(" · commit ")
                .append(esc(p.gitCommit() == null ? "none" : p.gitCommit().substring(0, Math.min(12, p.gitCommit().length()))
                        + (p.gitDirty() ? " (modified)" : "")))
                .append(" · <a href=\"results.json\">results.json</a> · <a href=\"provenance.json\">provenance.json</a></p>\n");
        for (HtmlReport.Section s : sections) {
            h.append("<section>\n<h2>").append(esc(s.heading)).append("</h2>\n");
            if (!s.intro.isEmpty()) {
                h.append("<p>").append(esc(s.intro)).append("</p>\n");
            }
            for (HtmlReport.Block b : s.blocks) {
                block(h, b);
            }
            h.append("</section>\n");
        }
        provenance(h, p);
        return h.append("</body></html>\n").toString();
    }

    private static void block(StringBuilder h, HtmlReport.Block b) {
        if (b instanceof HtmlReport.Block.Figure f) {
            h.append("<figure><img src=\"").append(esc(f.file())).append("\" alt=\"").append(esc(f.caption()))
                    .append("\"><figcaption>").append(esc(f.caption())).append("</figcaption></figure>\n");
        } else if (b instanceof HtmlReport.Block.Chart c) {
            h.append("<figure><img src=\"").append(esc(c.name())).append(".png\" width=\"").append(c.width())
                    .append("\" alt=\"").append(esc(c.caption())).append("\"><figcaption>").append(esc(c.caption()))
                    .append(" (<a href=\"").append(esc(c.name())).append(".svg\">SVG</a>)</figcaption></figure>\n");
        } else if (b instanceof HtmlReport.Block.Table t) {
            // a table with many columns (the comparison's summary) scrolls inside its box, not the page
            h.append("<div class=\"tw\"><table><tr>");
            t.header().forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
            h.append("</tr>\n");
            for (List<String> row : t.rows()) {
                h.append("<tr>");
                row.forEach(x -> h.append("<td>").append(esc(x)).append("</td>"));
                h.append("</tr>\n");
            }
            h.append("</table></div>\n");
        } else if (b instanceof HtmlReport.Block.Text t) {
            h.append("<p>").append(esc(t.paragraph())).append("</p>\n");
        }
    }

    private static void provenance(StringBuilder h, Provenance p) {
        h.append("<section><h2>Provenance</h2>\n<table class=\"prov\">\n");
        row(h, "git commit", p.gitCommit() == null ? "not a git checkout" : p.gitCommit() + (p.gitDirty() ? " (with uncommitted changes)" : ""));
        row(h, "config SHA-256", p.configHash());
        for (Map.Entry<String, String> d : p.datasets().entrySet()) {
            row(h, "dataset " + d.getKey(), d.getValue());
        }
        row(h, "seed", String.valueOf(p.seed()));
        row(h, "backend", p.backend());
        row(h, "ND4J", p.nd4jVersion());
        row(h, "JVM", p.jvm());
        row(h, "OS", p.os());
        row(h, "created", p.createdAt());
        p.extra().forEach((k, v) -> row(h, k, v));
        h.append("</table></section>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v)).append("</td></tr>\n");
    }

    static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s);
    }
}
