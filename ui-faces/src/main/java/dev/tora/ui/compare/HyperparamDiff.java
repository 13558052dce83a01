package dev.tora.ui.compare;

import dev.tora.core.application.experiment.ExperimentDetails;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The hyperparameters of several experiments side by side, and which keys differ. */
public final class HyperparamDiff {

    /** Shown for a key an experiment does not have. */
    static final String MISSING = "—";

    private HyperparamDiff() {
    }

    /**
     * One key across the experiments.
     *
     * @param key     the hyperparameter
     * @param values  its shown value per experiment, in the experiments' order
     * @param differs whether the values are not all the same (a missing key counts as a value)
     */
    public record Row(String key, List<String> values, boolean differs) implements Serializable {

        /** Whether the value in column {@code i} differs from the first experiment's. */
        public boolean differsAt(int i) {
            return differs && !values.get(i).equals(values.get(0));
        }
    }

    /** Every key of any of the experiments, sorted. */
    static List<Row> of(List<ExperimentDetails> experiments) {
        Set<String> keys = new TreeSet<>();
        experiments.forEach(e -> keys.addAll(e.hyperparams().keySet()));
        List<Row> rows = new ArrayList<>(keys.size());
        for (String key : keys) {
            List<String> values = new ArrayList<>(experiments.size());
            for (ExperimentDetails e : experiments) {
                values.add(e.hyperparams().containsKey(key) ? String.valueOf(e.hyperparams().get(key)) : MISSING);
            }
            rows.add(new Row(key, values, new HashSet<>(values).size() > 1));
        }
        return rows;
    }
}
