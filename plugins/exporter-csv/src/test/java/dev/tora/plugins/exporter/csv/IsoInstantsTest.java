package dev.tora.plugins.exporter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void writesExactlyWhatInstantToStringFormats() throws Exception {
        IsoInstants iso = new IsoInstants();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowBuffer out = new RowBuffer(bytes);
        StringBuilder expected = new StringBuilder();
        long[] fixed = {0, 1, 999, 1000, 1001, 1_767_225_600_000L, 1_767_225_600_050L, 253_402_300_799_999L, -1, -1000};
        for (long ms : fixed) {
            iso.write(ms, out);
            out.ascii('\n');
            expected.append(Instant.ofEpochMilli(ms)).append('\n');
        }
        Random random = new Random(5);
        long ms = 1_700_000_000_000L;
        for (int i = 0; i < 100_000; i++) {
            ms += random.nextInt(300);
            iso.write(ms, out);
            out.ascii('\n');
            expected.append(Instant.ofEpochMilli(ms)).append('\n');
        }
        out.flush();
        assertEquals(expected.toString(), bytes.toString(StandardCharsets.US_ASCII));
    }
}
