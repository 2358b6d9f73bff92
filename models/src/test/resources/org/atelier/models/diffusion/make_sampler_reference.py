#!/usr/bin/python3
"""Reference values for SamplerValuesTest: DPM-Solver++(2M), Euler and Euler-ancestral written out from the
update formulas of diffusers' DPMSolverMultistepScheduler, EulerDiscreteScheduler and
EulerAncestralDiscreteScheduler (diffusers is not installed here; the formulas are restated below), run on the
dummy model and sample of diffusers' scheduler tests, as SchedulerValuesTest's DDIM vector is:

  model(x, t) = x * t / (t + 1)           (eps or v, fed the scheduler's model input)
  sample      = arange(768).reshape(3, 8, 8, 4).permute(3, 0, 1, 2) / 768

Schedule: linear betas 1e-4..0.02, T = 1000. Timesteps: "leading" (900, 800, ..., 0 for 10 steps) and
"trailing" (999, 899, ..., 99), the last step going to sigma = 0 (diffusers' final_sigmas_type = "zero").
No clipping or thresholding (the schedulers' defaults).

  dpm++2m      solver_order 2, algorithm_type "dpmsolver++", solver_type "midpoint": the first step first order,
               then second order, the step to sigma = 0 first order (lower_order_final / final zero sigma)
  euler        EulerDiscreteScheduler.step with s_churn = 0: x_next = x + (x - x0) / sigma * (sigma_next - sigma),
               on the unscaled sample x = x_t * sqrt(1 + sigma^2), model input x / sqrt(1 + sigma^2)
  euler-a      EulerAncestralDiscreteScheduler.step: sigma_up, sigma_down as in its code, noise z; z = 0 and z = 1
               (every element) stand in for the random draws, so the vector pins both parts of the step

Also the Karras grid (Karras et al. 2022, eq. 5, rho = 7, between sigma(0) and sigma(999)) for 10 and 20 steps,
each sigma taken to a timestep by diffusers' _sigma_to_t (linear in log sigma) and rounded, then neighbours
that round together pushed apart, up from the last and down from the first (Atelier's rule; NoiseSchedule.timesteps).

Writes sampler_reference.json next to this script:  /usr/bin/python3 make_sampler_reference.py
"""
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
T = 1000
BETAS = np.linspace(1e-4, 0.02, T, dtype=np.float64)
ALPHA_BAR = np.cumprod(1.0 - BETAS)


def dummy_sample():
    # float32 as torch computes arange(768) / 768, then float64 for the arithmetic below
    x = (np.arange(768, dtype=np.float32) / np.float32(768)).reshape(3, 8, 8, 4).transpose(3, 0, 1, 2)
    return x.astype(np.float64)


def model(x, t):
    return x * t / (t + 1)


def leading(n):
    return [k * (T // n) for k in range(n - 1, -1, -1)]


def trailing(n):
    return [int(round(T - k * T / n)) - 1 for k in range(n)]


def alpha_sigma(t):
    """(alpha_t, sigma_t) of the VP process; t = None is clean (1, 0)."""
    if t is None:
        return 1.0, 0.0
    return math.sqrt(ALPHA_BAR[t]), math.sqrt(1.0 - ALPHA_BAR[t])


def data_prediction(out, x, t, prediction):
    a, s = alpha_sigma(t)
    return (x - s * out) / a if prediction == "epsilon" else a * x - s * out


def dpm_solver_2m(ts, prediction):
    """DPMSolverMultistepScheduler: convert_model_output (data prediction), then first- or second-order update."""
    x = dummy_sample()
    history = []  # data predictions, newest last
    lambdas = []
    for i, t in enumerate(ts):
        nxt = ts[i + 1] if i + 1 < len(ts) else None
        m0 = data_prediction(model(x, t), x, t, prediction)
        a_s, s_s = alpha_sigma(t)
        lam_s = math.log(a_s) - math.log(s_s)
        a_t, s_t = alpha_sigma(nxt)
        if nxt is None:  # sigma = 0: lambda = inf, h = inf, the first-order update gives x = m0
            x = m0
        else:
            lam_t = math.log(a_t) - math.log(s_t)
            h = lam_t - lam_s
            if not history:  # dpm_solver_first_order_update
                x = (s_t / s_s) * x - (a_t * (math.exp(-h) - 1.0)) * m0
            else:  # multistep_dpm_solver_second_order_update, midpoint
                m1 = history[-1]
                h_0 = lam_s - lambdas[-1]
                r0 = h_0 / h
                d0, d1 = m0, (1.0 / r0) * (m0 - m1)
                x = (s_t / s_s) * x - (a_t * (math.exp(-h) - 1.0)) * d0 - 0.5 * (a_t * (math.exp(-h) - 1.0)) * d1
        history.append(m0)
        lambdas.append(lam_s)
    return x


def sigma_of(t):
    return 0.0 if t is None else math.sqrt((1 - ALPHA_BAR[t]) / ALPHA_BAR[t])


def euler(ts, ancestral, noise):
    """Euler(-ancestral) DiscreteScheduler in the unscaled sample x = x_t * sqrt(1 + sigma^2)."""
    x = dummy_sample() * math.sqrt(sigma_of(ts[0]) ** 2 + 1)  # init_noise_sigma for leading spacing
    for i, t in enumerate(ts):
        nxt = ts[i + 1] if i + 1 < len(ts) else None
        sigma, sigma_next = sigma_of(t), sigma_of(nxt)
        model_input = x / math.sqrt(sigma ** 2 + 1)  # scale_model_input
        x0 = x - sigma * model(model_input, t)  # epsilon prediction
        derivative = (x - x0) / sigma
        if not ancestral:
            x = x + derivative * (sigma_next - sigma)
        else:
            sigma_up = math.sqrt(sigma_next ** 2 * (sigma ** 2 - sigma_next ** 2) / sigma ** 2)
            sigma_down = math.sqrt(sigma_next ** 2 - sigma_up ** 2)
            x = x + derivative * (sigma_down - sigma) + noise * sigma_up
    return x


def karras(n, rho=7.0):
    sigmas = np.sqrt((1 - ALPHA_BAR) / ALPHA_BAR)
    log_sigmas = np.log(sigmas)
    ramp = np.linspace(0, 1, n)
    lo, hi = sigmas[0] ** (1 / rho), sigmas[-1] ** (1 / rho)
    ks = (hi + ramp * (lo - hi)) ** rho
    ts = []
    for s in ks:  # _sigma_to_t
        log_sigma = np.log(s)
        dists = log_sigma - log_sigmas
        low_idx = min(int(np.cumsum(dists >= 0).argmax()), len(log_sigmas) - 2)
        high_idx = low_idx + 1
        w = (log_sigmas[low_idx] - log_sigma) / (log_sigmas[low_idx] - log_sigmas[high_idx])
        w = min(max(w, 0.0), 1.0)
        ts.append(int(np.round((1 - w) * low_idx + w * high_idx)))
    for k in range(n - 2, -1, -1):
        ts[k] = max(ts[k], ts[k + 1] + 1)
    ts[0] = min(ts[0], T - 1)
    for k in range(1, n):
        ts[k] = min(ts[k], ts[k - 1] - 1)
    return ks.tolist(), ts


def flat(x):
    return [float(v) for v in np.asarray(x).reshape(-1)]


ref = {}
for spacing, ts in (("leading", leading(10)), ("trailing", trailing(10))):
    ref[f"dpm++2m/epsilon/{spacing}"] = flat(dpm_solver_2m(ts, "epsilon"))
ref["dpm++2m/v/leading"] = flat(dpm_solver_2m(leading(10), "v"))
ref["euler/leading"] = flat(euler(leading(10), False, 0.0))
ref["euler-a/leading/z=0"] = flat(euler(leading(10), True, 0.0))
ref["euler-a/leading/z=1"] = flat(euler(leading(10), True, 1.0))
for n in (10, 20):
    sig, ts = karras(n)
    ref[f"karras/{n}/sigmas"] = sig
    ref[f"karras/{n}/timesteps"] = ts
with open(os.path.join(HERE, "sampler_reference.json"), "w") as f:
    json.dump(ref, f)
for k, v in ref.items():
    print(f"{k:28s} sum|x| = {np.abs(np.asarray(v)).sum():.6f}" if "karras" not in k else f"{k:28s} {v[:5]}")
