package org.atelier.training.publish;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * {@code model-card.json} of a published model folder: what the weights are, how they were
 * trained, the SHA-256 of every file beside it (checked on every load), and the commands that
 * make them again.
 *
 * @param format         card format version ({@link PublishedModel#FORMAT})
 * @param name           the run config's name (e.g. {@code ddpm-cond-fashion})
 * @param family         model family id ({@code ddpm}, {@code dcgan}, …)
 * @param configHash     {@code ConfigLoader.hash} of {@code config.yaml} as bound
 * @param seed           the run's seed
 * @param datasets       dataset id to content hash, from the run's provenance.json (empty when it had none)
 * @param trainingSteps  optimiser steps behind the weights (the exported checkpoint's step)
 * @param configuredSteps {@code trainer.steps} of the run; more than {@code trainingSteps} when an unfinished run was exported
 * @param trainSeconds   seconds of training-step time summed from metrics.jsonl (step_time_s × steps per line;
 *                       checkpoints and sample grids excluded); null when the run kept no metrics
 * @param trainSessions  how many {@code atelier train} calls made the run (1 + its resumes)
 * @param emaDecay       {@code trainer.ema_decay} of the run
 * @param weights        the weights file and what it holds
 * @param files          every file of the folder but this card, name to SHA-256 (lower-case hex)
 * @param source         where the export came from
 * @param reproduce      shell commands, run from the project root, that train and export these weights again
 * @param note           a remark for readers (e.g. that an unfinished run was exported); may be null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelCard(int format, String name, String family, String configHash, long seed,
                        Map<String, String> datasets, long trainingSteps, long configuredSteps, Double trainSeconds,
                        int trainSessions, double emaDecay, Weights weights, Map<String, String> files, Source source,
                        List<String> reproduce, String note) {

    /**
     * @param file       file name inside the folder
     * @param sha256     SHA-256 of the whole file
     * @param bytes      file size
     * @param tensors    arrays in the file (parameters and buffers)
     * @param parameters scalar parameters in all of them
     * @param emaTensors arrays holding EMA values (the rest are trained values the EMA does not cover, e.g. a
     *                   GAN's discriminator, and buffers)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Weights(String file, String sha256, long bytes, int tensors, long parameters, int emaTensors) {
    }

    /**
     * @param run        the run folder exported (relative to the project root where it lies inside it)
     * @param checkpoint the checkpoint file exported
     * @param gitCommit  commit the run was started from (provenance.json), null when unknown
     * @param gitDirty   whether that working tree had uncommitted changes, null when unknown
     * @param backend    ND4J backend of the run
     * @param configFile config file the run was started from, and its --set overrides
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Source(String run, String checkpoint, String gitCommit, Boolean gitDirty, String backend,
                         String configFile) {
    }
}
