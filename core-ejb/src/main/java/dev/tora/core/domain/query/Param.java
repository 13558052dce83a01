package dev.tora.core.domain.query;

import java.util.Objects;

/** A hyperparameter by its (flat, possibly dotted) key: {@code params.optim.lr} is key {@code optim.lr}. */
public record Param(String key) implements Field {

    /** A field of the key {@code key}. */
    public Param {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String text() {
        return "params." + KeyText.of(key);
    }
}
