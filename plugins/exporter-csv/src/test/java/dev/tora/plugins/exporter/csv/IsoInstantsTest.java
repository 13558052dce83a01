package dev.tora.plugins.exporter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void formatsExactlyLikeInstantToString() {
        IsoInstants iso = new IsoInstants();
        long[] fixed = {0, 1, 999, 1000, 1001, 1_767_225_600_000L, 1_767_225_600_050L, 253_402_300_799_999L, -1, -1000};
        for (long ms : fixed) {
            assertEquals(Instant.ofEpochMilli(ms).toString(), iso.format(ms), "ms " + ms);
        }
        Random random = new Random(5);
        long ms = 1_700_000_000_000L;
        for (int i = 0; i < 100_000; i++) {
            ms += random.nextInt(300);
            assertEquals(Instant.ofEpochMilli(ms).toString(), iso.format(ms));
        }
    }
}
