package dev.tora.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.domain.experiment.ExperimentStatus;
import dev.tora.core.domain.experiment.Visibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparamDiffTest {

    private static ExperimentDetails run(String id, Map<String, Object> params) {
        return new ExperimentDetails(id, "ws", id, null, ExperimentStatus.RUNNING, Visibility.PRIVATE, List.of(), params,
                null, List.of(), List.of(), 0, 0, null, List.of());
    }

    @Test
    void keysOfEveryExperimentAreRowsAndDifferencesAreMarkedAgainstTheFirst() {
        List<HyperparamDiff.Row> rows = HyperparamDiff.of(List.of(
                run("a", Map.of("lr", 0.1, "bs", 32L)),
                run("b", Map.of("lr", 0.1, "bs", 64L)),
                run("c", Map.of("lr", 0.1, "seed", 1L))));
        assertEquals(List.of("bs", "lr", "seed"), rows.stream().map(HyperparamDiff.Row::key).toList());
        HyperparamDiff.Row bs = rows.get(0);
        assertEquals(List.of("32", "64", HyperparamDiff.MISSING), bs.values());
        assertTrue(bs.differs());
        assertFalse(bs.differsAt(0));
        assertTrue(bs.differsAt(1));
        assertFalse(rows.get(1).differs(), "lr is equal everywhere");
        assertTrue(rows.get(2).differs(), "a missing key counts as a difference");
    }
}
