package org.atelier.training;

import org.atelier.core.errors.UserException;

/** The divergence guard gave up: too many rollbacks. The message says where and what to try. */
public final class TrainingDivergedException extends UserException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
