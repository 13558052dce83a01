package dev.tora.core.application.system;

import dev.tora.core.application.plugin.PluginRegistry;
import dev.tora.core.application.security.AuthPolicy;
import dev.tora.core.application.security.InitialKey;
import dev.tora.core.infrastructure.persistence.DatabaseMigrations;
import dev.tora.core.infrastructure.persistence.ToraDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Runs once when the application starts: checks the security settings, migrates the schema,
 * issues the first API key when auth is required and loads the plugins. A failure here stops the deployment with the
 * reason in the server log.
 */
@DataSourceDefinition(
        name = ToraDatabase.JNDI_NAME,
        className = "dev.tora.core.infrastructure.persistence.ToraDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        transactional = true)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ApplicationStartup {

    @Inject
    private ToraDatabase database;

    @Inject
    private AuthPolicy authPolicy;

    @Inject
    private InitialKey initialKey;

    @Inject
    private PluginRegistry plugins;

    @PostConstruct
    void start() {
        authPolicy.mode();
        DatabaseMigrations.migrate(database.dataSource(), database.kind());
        initialKey.ensure();
        plugins.catalog();
    }
}
