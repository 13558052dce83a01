package dev.tora.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.ToraClient;
import dev.tora.client.examples.LogisticRegressionPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Java pipeline example trains its model and logs every step and epoch. */
@ExtendWith(ServerExtension.class)
class PipelineExampleIT {

    @TempDir
    Path spool;

    @Test
    void theExampleLogsItsTraining(ToraServer server) {
        LogisticRegressionPipeline.Config config = new LogisticRegressionPipeline.Config(0.5, 20, 64, 8, 4000, 7);
        String id;
        try (ToraClient tora = ToraClient.builder().serverUrl(server.url()).spoolDir(spool).printUrl(false).build()) {
            id = LogisticRegressionPipeline.train(tora, config);
        }
        Api api = new Api(server.url());
        Map<String, Object> e = api.experiment(id);
        assertEquals("finished", e.get("status"));
        assertEquals(List.of("example", "java"), e.get("tags"));
        assertEquals(0.5, ((Map<?, ?>) e.get("hyperparams")).get("optim.learningRate"));
        assertEquals(20L, ((Map<?, ?>) e.get("hyperparams")).get("optim.epochs"));
        int stepsPerEpoch = (3200 + 63) / 64;
        assertEquals(20L * stepsPerEpoch, api.count(id, "train/loss"));
        Api.Points val = api.points(id, "epoch/val_loss");
        assertEquals(20, val.values().length);
        assertTrue(val.values()[19] < val.values()[0], "the model learned: " + val.values()[0] + " -> "
                + val.values()[19]);
        double accuracy = api.points(id, "epoch/val_accuracy").values()[19];
        assertTrue(accuracy > 0.75, "accuracy " + accuracy);
    }
}
