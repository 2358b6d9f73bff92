package org.atelier.experiments.demo;

import java.nio.file.Path;
import java.util.Map;
import org.atelier.datasets.ProjectRoot;
import org.atelier.evaluation.report.HtmlReport;
import org.atelier.experiments.ReportFolders;

/** The demo's style-transfer part: one Gatys stylisation by the shared loop, shown beside its inputs. */
final class DemoStyleSection {
    private DemoStyleSection() {
    }

    /** @param runsRoot the demo's own folder for the stylisation run; a previous demo's run there is replaced */
    static void write(HtmlReport report, DemoConfig.Stylize cfg, Path runsRoot) {
        ReportFolders.clear(runsRoot);
        Path content = ProjectRoot.path().resolve(cfg.content());
        Path style = ProjectRoot.path().resolve(cfg.style());
        NstDemo.Panel p = NstDemo.render(content, style, cfg.steps(), runsRoot);
        report.section("Neural style transfer", String.format("Gatys optimisation of the pixels (Adam, %d steps at "
                        + "%d px) on the default random multi-scale feature net, run by the shared training loop in "
                        + "%.0f s. Content %s, style %s. More steps, other weights and colour preservation: "
                        + "'atelier stylize --help'; the run folder is %s.", cfg.steps(), NstDemo.SIZE, p.seconds(),
                        cfg.content(), cfg.style(), p.runDir()))
                .figure("stylize", "content | style | result", p.strip());
        report.result("stylize", Map.of("content", cfg.content(), "style", cfg.style(), "steps", cfg.steps(),
                "size", NstDemo.SIZE, "wall_s", p.seconds(), "run", p.runDir().toString()));
    }
}
