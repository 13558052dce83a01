package dev.tora.core.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.MetricRules;
import org.junit.jupiter.api.Test;

class MetricRulesTest {

    @Test
    void metricNamesAllowSlashesDotsColonsAndSpaces() {
        assertEquals("train/loss.top 1: ema", MetricRules.name("train/loss.top 1: ema", "name"));
        assertEquals("n".repeat(250), MetricRules.name("n".repeat(250), "name"));
        rejected(() -> MetricRules.name("n".repeat(251), "name"));
        rejected(() -> MetricRules.name("", "name"));
        rejected(() -> MetricRules.name("line\nbreak", "name"));
        rejected(() -> MetricRules.name("del\u007F", "name"));
        rejected(() -> MetricRules.name("\uDC00 lone low surrogate", "name"));
    }

    @Test
    void stepsAreBelowTwoToTheFiftyThird() {
        assertEquals(0, MetricRules.step(0, "step"));
        assertEquals((1L << 53) - 1, MetricRules.step((1L << 53) - 1, "step"));
        rejected(() -> MetricRules.step(1L << 53, "step"));
        rejected(() -> MetricRules.step(-1, "step"));
    }

    @Test
    void timestampsAreMillisecondsBeforeTheYearTenThousand() {
        assertEquals(0, MetricRules.timestamp(0, "t"));
        rejected(() -> MetricRules.timestamp(-1, "t"));
        rejected(() -> MetricRules.timestamp(253_402_300_800_000L, "t"));
        assertTrue(MetricRules.isTimestamp(253_402_300_799_999L) && !MetricRules.isTimestamp(253_402_300_800_000L));
        assertTrue(MetricRules.isStep((1L << 53) - 1) && !MetricRules.isStep(1L << 53) && !MetricRules.isStep(-1));
    }

    @Test
    void printableMeansNoControlCharactersAndWholeSurrogatePairs() {
        assertTrue(TextRules.isPrintable("héllo \uD83D\uDE80"));
        assertFalse(TextRules.isPrintable("a\tb"));
        assertFalse(TextRules.isPrintable("\uD83D"));
        assertEquals("multi\nline\ttext", TextRules.optionalText("multi\nline\ttext", "d", 100));
        rejected(() -> TextRules.optionalText("bell\u0007", "d", 100));
    }

    private static void rejected(Runnable r) {
        ToraException e = assertThrows(ToraException.class, r::run);
        assertEquals(ToraException.Kind.INVALID, e.kind());
    }
}
