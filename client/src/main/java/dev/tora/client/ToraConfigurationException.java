package dev.tora.client;

/** The client's configuration (a builder option or a {@code TORA_*} variable) is not usable. */
public class ToraConfigurationException extends ToraException {

    private static final long serialVersionUID = 1L;

    /** An exception naming what is wrong. */
    public ToraConfigurationException(String message) {
        super(message);
    }
}
