package dev.tora.core.application.preference;

/** Every per-user setting the UI keeps, declared once. */
public enum PreferenceKey {
    /** The dashboard's chosen columns, their order and widths, per workspace. */
    DASHBOARD_COLUMNS("dashboard.columns");

    private final String id;

    PreferenceKey(String id) {
        this.id = id;
    }

    /** The stored key. */
    public String id() {
        return id;
    }
}
