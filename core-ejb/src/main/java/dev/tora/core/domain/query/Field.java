package dev.tora.core.domain.query;

/** What a condition or a sort looks at: an attribute of the experiment, a hyperparameter or a metric summary. */
public sealed interface Field permits Attribute, Param, Metric {

    /** The field as the query language writes it, in canonical form. */
    String text();
}
