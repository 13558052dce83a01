package dev.tora.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The one deployment every Arquillian test uses: the real tora.ear that the build produced. Every
 * class declares it and {@code SharedDeployment} deploys it once per run.
 */
public final class ToraDeployment {

    private static EnterpriseArchive ear;

    private ToraDeployment() {
    }

    /** The built EAR, exactly as the start script deploys it. */
    public static synchronized EnterpriseArchive ear() {
        if (ear == null) {
            ear = read();
        }
        return ear;
    }

    private static EnterpriseArchive read() {
        File ear = new File(System.getProperty("tora.it.ear", "../ear/target/tora.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("build the EAR first: " + ear);
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** Which database the server under test runs on: h2 or postgresql. */
    public static String database() {
        return System.getProperty("tora.it.database", "h2");
    }
}
