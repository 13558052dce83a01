package dev.tora.ui.dashboard;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Hyperparams;
import dev.tora.core.domain.experiment.ParamValue;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Map;

/** Hyperparameters typed in a form, one {@code key = value} per line (numbers, true/false, null, else text). */
final class HyperparamLines {

    private HyperparamLines() {
    }

    /** The parameters of {@code text}; a line without {@code =} is refused naming its number. */
    static Map<String, ParamValue> parse(String text, String field) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (text != null) {
            String[] lines = text.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw ToraException.invalidField(field, "line " + (i + 1) + ": expected key = value");
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                addTyped(json, key, value);
            }
        }
        return Hyperparams.flatten(json.build(), field);
    }

    private static void addTyped(JsonObjectBuilder json, String key, String value) {
        switch (value) {
            case "true" -> json.add(key, true);
            case "false" -> json.add(key, false);
            case "null" -> json.addNull(key);
            default -> {
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    json.add(key, value.substring(1, value.length() - 1));
                } else {
                    try {
                        json.add(key, new BigDecimal(value));
                    } catch (NumberFormatException text) {
                        json.add(key, value);
                    }
                }
            }
        }
    }
}
