package dev.tora.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Batch bodies of a realistic training curve: consecutive steps, a timestamp every ~100 ms with
 * a little jitter, and a noisy decaying loss in full double precision, in the columnar form
 * Tora's clients send.
 */
final class TrainingCurve {

    static final long START_MS = 1_767_225_600_000L;

    private TrainingCurve() {
    }

    /** The body of batch {@code index} (steps index*size .. +size-1) of series {@code name}. */
    static byte[] batch(String name, long index, int size, long seed) {
        Random random = new Random(seed * 1_000_003 + index);
        StringBuilder steps = new StringBuilder(size * 9);
        StringBuilder values = new StringBuilder(size * 20);
        StringBuilder times = new StringBuilder(size * 15);
        for (int i = 0; i < size; i++) {
            long step = index * size + i;
            String sep = i == 0 ? "" : ",";
            steps.append(sep).append(step);
            values.append(sep).append(Math.exp(-step / 3_000_000.0) + 0.05 * random.nextGaussian());
            times.append(sep).append(START_MS + step * 100 + random.nextInt(7) - 3);
        }
        String json = "{\"batch_id\":\"" + name + "-" + seed + "-" + index + "\",\"series\":[{\"name\":\"" + name
                + "\",\"steps\":[" + steps + "],\"values\":[" + values + "],\"timestamps\":[" + times + "]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
