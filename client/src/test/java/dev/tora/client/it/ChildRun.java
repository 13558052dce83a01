package dev.tora.client.it;

import dev.tora.client.Run;
import dev.tora.client.ToraClient;

/**
 * A training process of its own for the tests, configured by the {@code TORA_*} variables:
 * {@code ChildRun <name> <points> hang|exit}. It creates an experiment, prints its id, logs
 * {@code points} points (step i, value i), then either hangs until killed or returns from
 * {@code main} without closing the run (the JVM's shutdown hook must deliver it).
 */
public final class ChildRun {

    private ChildRun() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        ToraClient tora = ToraClient.builder().fromEnv().printUrl(false).maxBufferLen(500).build();
        Run run = tora.createExperiment(args[0]);
        System.out.println(run.experimentId());
        System.out.flush();
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i < n; i++) {
            run.log("loss", i, i);
        }
        if (args[2].equals("hang")) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
