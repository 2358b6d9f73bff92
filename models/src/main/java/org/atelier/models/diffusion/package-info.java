/**
 * The diffusion family: denoising diffusion probabilistic models (Ho et al. 2020) on SameDiff.
 *
 * <p>Layout, one job per file: the forward process ({@link org.atelier.models.diffusion.NoiseSchedule},
 * {@link org.atelier.models.diffusion.ScheduleKind}, {@link org.atelier.models.diffusion.TimestepSpacing});
 * reverse steps that know nothing of the network ({@link org.atelier.models.diffusion.DdpmStep},
 * {@link org.atelier.models.diffusion.DdimStep}, behind {@link org.atelier.models.diffusion.ReverseStep});
 * the network ({@link org.atelier.models.diffusion.UNet}, {@link org.atelier.models.diffusion.GroupNorm},
 * {@link org.atelier.models.diffusion.TimeEmbedding}) and its conditioning
 * ({@link org.atelier.models.diffusion.ConditionSpace}, {@link org.atelier.models.diffusion.PromptEncoder});
 * the loops that own sampling ({@link org.atelier.models.diffusion.ReverseSampler},
 * {@link org.atelier.models.diffusion.GuidedDenoiser}, {@link org.atelier.models.diffusion.RePaint},
 * {@link org.atelier.models.diffusion.Outpainting}, {@code SdEdit}); and
 * {@link org.atelier.models.diffusion.DiffusionModel}, which trains through the shared loop and
 * offers every sampler over one set of weights.
 *
 * <p>Conventions: images (N, C, H, W) in [−1, 1]; timesteps 0 … T−1 (−1 = clean); masks 1 = hole;
 * classifier-free guidance ε̂ = ε_u + s·(ε_c − ε_u).
 */
package org.atelier.models.diffusion;
