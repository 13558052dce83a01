package dev.tora.core.application.live;

/** A subscriber to live changes, such as one browser tab's event stream. */
public interface LiveListener {

    /** Points were committed for an experiment the listener follows. */
    void metricsAppended(MetricsAppended event);

    /** An experiment the listener follows changed. */
    void experimentChanged(ExperimentChanged event);
}
