package dev.tora.core.application.live;

/** Fired when an experiment's fields change or it is deleted; delivered after commit. */
public record ExperimentChanged(String experimentId, String status, boolean deleted) {
}
