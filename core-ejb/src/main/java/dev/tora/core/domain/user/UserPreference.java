package dev.tora.core.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One setting of a user's, such as the dashboard columns of a workspace. */
@Entity
@Table(name = "user_preference")
@IdClass(UserPreference.Key.class)
public class UserPreference {

    @Id
    @Column(name = "user_id", length = 36)
    private String userId;

    @Id
    @Column(name = "scope", length = 36)
    private String scope;

    @Id
    @Column(name = "pref_key", length = 64)
    private String key;

    @Column(name = "pref_value", nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected UserPreference() {
    }

    /** A new setting. */
    public UserPreference(String userId, String scope, String key, String value, long now) {
        this.userId = userId;
        this.scope = scope;
        this.key = key;
        change(value, now);
    }

    public String getValue() {
        return value;
    }

    /** Replaces the value. */
    public void change(String newValue, long now) {
        this.value = newValue;
        this.updatedAt = now;
    }

    /** Composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String userId;
        private String scope;
        private String key;

        public Key() {
        }

        public Key(String userId, String scope, String key) {
            this.userId = userId;
            this.scope = scope;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(scope, k.scope)
                    && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, scope, key);
        }
    }
}
