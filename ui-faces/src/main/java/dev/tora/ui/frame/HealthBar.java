package dev.tora.ui.frame;

import dev.tora.core.application.system.HealthService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The footer of every page: version and database health. */
@Named
@RequestScoped
public class HealthBar {

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
