package dev.tora.client.examples;

import dev.tora.client.ExperimentSpec;
import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A JVM pipeline that logs to Tora: trains a logistic regression on generated data with
 * mini-batch gradient descent, logging the loss per step and loss and accuracy per epoch.
 *
 * <pre>
 * TORA_BASE_URL=http://localhost:8080/api java -cp tora-client.jar:. \
 *     dev.tora.client.examples.LogisticRegressionPipeline
 * </pre>
 */
public final class LogisticRegressionPipeline {

    /** The training settings, logged as the run's hyperparameters. */
    public record Config(double learningRate, int epochs, int batchSize, int features, int samples, long seed) {
    }

    private LogisticRegressionPipeline() {
    }

    /** Runs the pipeline against the server the {@code TORA_*} variables name. */
    public static void main(String[] args) {
        try (ToraClient tora = ToraClient.fromEnv()) {
            train(tora, new Config(0.5, 20, 64, 8, 4000, 7));
        }
    }

    /** Trains one model and logs it as one run; returns the experiment's id. */
    public static String train(ToraClient tora, Config config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] truth = new double[config.features()];
        for (int j = 0; j < truth.length; j++) {
            truth[j] = random.nextDouble(-2, 2);
        }
        double[][] x = new double[config.samples()][config.features()];
        int[] y = new int[config.samples()];
        for (int i = 0; i < x.length; i++) {
            double z = 0;
            for (int j = 0; j < truth.length; j++) {
                x[i][j] = random.nextGaussian();
                z += truth[j] * x[i][j];
            }
            y[i] = random.nextDouble() < sigmoid(z) ? 1 : 0;
        }
        int split = x.length * 4 / 5;

        Run run = tora.createExperiment(ExperimentSpec.builder("logistic-regression")
                .description("mini-batch gradient descent on generated data")
                .hyperparams(Map.of("optim", config, "model", Map.of("kind", "logistic")))
                .tags("example", "java")
                .build());
        try {
            double[] w = new double[config.features()];
            double b = 0;
            long step = 0;
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                for (int start = 0; start < split; start += config.batchSize()) {
                    int end = Math.min(split, start + config.batchSize());
                    double[] grad = new double[w.length];
                    double gradB = 0;
                    double loss = 0;
                    for (int i = start; i < end; i++) {
                        double p = sigmoid(dot(w, x[i]) + b);
                        double err = p - y[i];
                        for (int j = 0; j < w.length; j++) {
                            grad[j] += err * x[i][j];
                        }
                        gradB += err;
                        loss += logLoss(p, y[i]);
                    }
                    int n = end - start;
                    for (int j = 0; j < w.length; j++) {
                        w[j] -= config.learningRate() * grad[j] / n;
                    }
                    b -= config.learningRate() * gradB / n;
                    run.log("train/loss", loss / n, step++);
                }
                run.logMetrics(Map.of("epoch/train_loss", meanLoss(w, b, x, y, 0, split),
                        "epoch/val_loss", meanLoss(w, b, x, y, split, x.length),
                        "epoch/val_accuracy", accuracy(w, b, x, y, split, x.length)), epoch);
            }
            run.close();
        } catch (RuntimeException e) {
            run.fail(e);
            throw e;
        }
        return run.experimentId();
    }

    private static double meanLoss(double[] w, double b, double[][] x, int[] y, int from, int to) {
        double loss = 0;
        for (int i = from; i < to; i++) {
            loss += logLoss(sigmoid(dot(w, x[i]) + b), y[i]);
        }
        return loss / (to - from);
    }

    private static double accuracy(double[] w, double b, double[][] x, int[] y, int from, int to) {
        int right = 0;
        for (int i = from; i < to; i++) {
            right += (sigmoid(dot(w, x[i]) + b) >= 0.5 ? 1 : 0) == y[i] ? 1 : 0;
        }
        return (double) right / (to - from);
    }

    private static double logLoss(double p, int y) {
        double eps = 1e-12;
        return -(y * Math.log(p + eps) + (1 - y) * Math.log(1 - p + eps));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
