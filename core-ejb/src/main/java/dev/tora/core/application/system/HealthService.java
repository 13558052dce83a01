package dev.tora.core.application.system;

import dev.tora.core.infrastructure.persistence.ToraDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

/** Whether the server and its database answer. */
@Stateless
public class HealthService {

    @Inject
    private ToraDatabase database;

    /** The health, with the version and the kind of database. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Health check() {
        boolean databaseUp;
        try (Connection c = database.dataSource().getConnection()) {
            databaseUp = c.isValid(5);
        } catch (SQLException e) {
            databaseUp = false;
        }
        return new Health(databaseUp ? "ok" : "unavailable", Version.current(), database.kind().id(), databaseUp);
    }

    /** The answer of a check. */
    public record Health(String status, String version, String database, boolean databaseUp) {
    }
}
