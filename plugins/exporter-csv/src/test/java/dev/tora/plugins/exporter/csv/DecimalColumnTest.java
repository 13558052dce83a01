package dev.tora.plugins.exporter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalColumnTest {

    @Test
    void writesWhatLongToStringWritesForRunsAndJumps() throws Exception {
        DecimalColumn column = new DecimalColumn();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RowBuffer out = new RowBuffer(bytes);
        StringBuilder expected = new StringBuilder();
        Random random = new Random(2);
        long v = 0;
        for (int i = 0; i < 200_000; i++) {
            v = switch (i % 1000) {
                case 0 -> random.nextLong() >>> random.nextInt(64);
                case 1 -> 99_999;
                case 2 -> 100_000;
                case 3 -> Long.MAX_VALUE;
                default -> v + random.nextInt(150);
            };
            if (v < 0) {
                v = 0;
            }
            column.write(v, out);
            out.ascii(',');
            expected.append(v).append(',');
        }
        out.flush();
        assertEquals(expected.toString(), bytes.toString(StandardCharsets.US_ASCII));
    }
}
