package dev.tora.client.it;

import dev.tora.client.internal.json.Json;
import dev.tora.client.internal.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a spool directory holds, as the tests check it (either client's files). */
final class SpoolFiles {

    private SpoolFiles() {
    }

    /** The spool's files, hidden ones (being written) left out, in name order. */
    static List<Path> in(Path spool) {
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** How many points the spool's files hold, by their {@code points} field. */
    static long points(Path spool) {
        long total = 0;
        for (Path f : in(spool)) {
            try {
                total += Json.number(JsonReader.parseObject(Files.readString(f)), "points", 0);
            } catch (IOException | IllegalArgumentException gone) {
                // removed or being replaced meanwhile
            }
        }
        return total;
    }
}
