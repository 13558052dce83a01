package dev.tora.it.arquillian;

import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.event.ContainerControlEvent;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/**
 * Deploys the EAR once per test run instead of once per test class. Every class declares the same
 * deployment (the built tora.ear), so the first class deploys it, later classes use it as it is,
 * and it is undeployed when the suite ends, before Arquillian stops the server. Redeploying an EAR
 * over and over in one Payara JVM is slow and, after a few rounds, breaks its EJB injection.
 */
public class SharedDeployment {

    @Inject
    private Event<ContainerControlEvent> control;

    private Container<?> container;
    private Deployment deployment;
    private boolean releasing;

    /** Deploys the first time only. */
    public void deployOnce(@Observes EventContext<DeployDeployment> context) {
        if (deployment != null) {
            return;
        }
        context.proceed();
        container = context.getEvent().getContainer();
        deployment = context.getEvent().getDeployment();
    }

    /** Keeps the deployment when a class ends, unless the suite is ending. */
    public void keep(@Observes EventContext<UnDeployDeployment> context) {
        if (releasing) {
            context.proceed();
        }
    }

    /** Undeploys once, before the containers stop. */
    public void release(@Observes(precedence = 100) AfterSuite event) {
        if (deployment == null) {
            return;
        }
        releasing = true;
        try {
            control.fire(new UnDeployDeployment(container, deployment));
        } finally {
            releasing = false;
            deployment = null;
            container = null;
        }
    }
}
