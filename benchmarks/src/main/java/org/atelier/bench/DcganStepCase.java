package org.atelier.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.models.Batch;
import org.atelier.models.gan.GanConfig;
import org.atelier.models.gan.ImageGan;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DCGAN-28's training step as the loop runs it: {@link ImageGan#step} (fakes from G, D's
 * gradient on a real and a fake batch, then G's gradient through D) with Adam 2e-4, β₁ 0.5 on
 * both groups, no clipping ({@code configs/dcgan-fashion.yaml}), on the settings' engine.
 */
final class DcganStepCase implements BenchCase {
    static final int Z_DIM = 100;

    @Override
    public String id() {
        return "dcgan28_step";
    }

    @Override
    public String title(BenchSettings s) {
        return s.gan().id() + " training step (D then G), batch " + s.batch();
    }

    @Override
    public Workload prepare(BenchSettings s) {
        ImageGan gan = new ImageGan(GanConfig.dcgan(s.gan(), Z_DIM).withEngine(s.engine()), 1, List.of(), 1);
        BenchAdam adam = new BenchAdam(gan.parameters(), 2e-4, 0.5, 0);
        int side = s.gan().side();
        Batch batch = new Batch(Nd4j.create(DeterministicData.images(DeterministicData.GAN_IMAGES, s.batch(), side),
                new long[] {s.batch(), 1, side, side}, 'c'), new int[s.batch()]);
        return new Workload() {
            @Override
            public void run() {
                gan.step(batch, adam.next());
            }

            @Override
            public double flops() {
                return FlopCount.dcganStepFlops(s.gan(), 1, Z_DIM, s.batch());
            }

            @Override
            public Map<String, Object> facts() {
                Map<String, Object> macs = new LinkedHashMap<>();
                macs.put("g", FlopCount.dcganGenerator(s.gan(), 1, Z_DIM, s.batch()));
                macs.put("d", FlopCount.dcganDiscriminator(s.gan(), 1, s.batch()));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("params", gan.parameters().count("g") + gan.parameters().count("d"));
                f.put("forward_macs", macs);
                return f;
            }
        };
    }
}
