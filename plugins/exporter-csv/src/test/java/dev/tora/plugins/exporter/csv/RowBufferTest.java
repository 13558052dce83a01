package dev.tora.plugins.exporter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RowBufferTest {

    @Test
    void decimalsAsciiAndUtf8ComeOutAsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowBuffer rows = new RowBuffer(out);
        long[] values = {0, 7, 10, 99, 100, 1_767_225_600_123L, Long.MAX_VALUE, -42};
        StringBuilder expected = new StringBuilder();
        for (long v : values) {
            rows.decimal(v);
            rows.ascii(',');
            expected.append(v).append(',');
        }
        rows.ascii("1.0E-5");
        rows.utf8("\u00e9\u20ac");
        expected.append("1.0E-5").append("\u00e9\u20ac");
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, 10 * p - 1}) {
                rows.decimal(v);
                rows.ascii(' ');
                expected.append(v).append(' ');
            }
        }
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            long v = random.nextLong() >>> random.nextInt(64);
            rows.decimal(v);
            rows.ascii(' ');
            expected.append(v).append(' ');
        }
        for (int i = 0; i < 100; i++) {
            rows.twoDigits(i);
            rows.threeDigits(i * 10 % 1000);
            expected.append(String.format("%02d%03d", i, i * 10 % 1000));
        }
        for (int i = 0; i < 20_000; i++) {
            rows.decimal(i);
            expected.append(i);
        }
        rows.flush();
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    }
}
