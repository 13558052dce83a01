package dev.tora.core.domain.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.error.ToraException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding and removing single tags, as the bulk operations do. */
class ExperimentTagsTest {

    @Test
    void addingATagAppendsItOnceAndRemovingItReportsWhetherItWasThere() {
        Experiment e = new Experiment("id", "ws", "run", 0);
        e.replaceTags(List.of("a"));
        assertTrue(e.addTag("b"));
        assertFalse(e.addTag("a"));
        assertEquals(List.of("a", "b"), e.getTags());
        assertTrue(e.removeTag("a"));
        assertFalse(e.removeTag("a"));
        assertEquals(List.of("b"), e.getTags());
    }

    @Test
    void aHundredTagsIsTheMostAnExperimentHolds() {
        Experiment e = new Experiment("id", "ws", "run", 0);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < ExperimentRules.MAX_TAGS; i++) {
            tags.add("t" + i);
        }
        e.replaceTags(tags);
        assertFalse(e.addTag("t0"), "a tag it has already is no change, even when full");
        assertThrows(IllegalStateException.class, () -> e.addTag("one more"));
        assertEquals(ExperimentRules.MAX_TAGS, e.getTags().size());
    }

    @Test
    void aSingleTagFollowsTheTagRules() {
        assertEquals("gpu", ExperimentRules.tag("gpu", "tag"));
        ToraException tooLong = assertThrows(ToraException.class, () -> ExperimentRules.tag("t".repeat(65), "tag"));
        assertEquals("tag", tooLong.details().get("field"));
        assertThrows(ToraException.class, () -> ExperimentRules.tag(" ", "tag"));
        assertThrows(ToraException.class, () -> ExperimentRules.tag(null, "tag"));
    }
}
