package dev.tora.ui;

import dev.tora.core.application.system.HealthService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The start page: version and database health. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    private HealthService healthService;

    private HealthService.Health health;

    /** The health, checked once per request. */
    public HealthService.Health getHealth() {
        if (health == null) {
            health = healthService.check();
        }
        return health;
    }
}
